package thidua.text;

import java.util.OptionalLong;

/** Ids typed into a URL: decimal digits only (never hex, signs or spaces), as every entry point reads them. */
public final class Ids {
    private Ids() {
    }

    /** The id {@code text} names, or empty when it is not 1 to 18 decimal digits. */
    public static OptionalLong decimal(String text) {
        return text != null && text.matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }
}
