package thidua.api;

import java.util.OptionalLong;
import thidua.batch.BadRequest;

/** Ids and counts from a URL ({@link thidua.text.Ids#decimal}), else 400. */
final class Ids {
    private Ids() {
    }

    static long parse(String text, String what) throws BadRequest {
        OptionalLong id = thidua.text.Ids.decimal(text);
        if (id.isEmpty()) {
            throw new BadRequest(what + " phải là một số nguyên dương: \"" + clip(text) + "\"");
        }
        return id.getAsLong();
    }

    /** Text from a request, as an error message may quote it: control characters shown as ?, at most 40 characters. */
    static String clip(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
