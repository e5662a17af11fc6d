package thidua.api;

import thidua.batch.BadRequest;

/** Ids and counts from a URL: decimal digits only (never hex, signs or spaces), else 400. */
final class Ids {
    private Ids() {
    }

    static long parse(String text, String what) throws BadRequest {
        if (text == null || !text.matches("\\d{1,18}")) {
            throw new BadRequest(what + " phải là một số nguyên dương: \"" + clip(text) + "\"");
        }
        return Long.parseLong(text);
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
