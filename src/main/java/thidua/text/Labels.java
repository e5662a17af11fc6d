package thidua.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How labels and codes typed by people are compared (FORMATS.md): NFC, trimmed, inner
 * white space collapsed, case ignored, and diacritics optional ("Ma chi tieu" matches
 * "Mã chỉ tiêu", `đ` written `d`).
 */
public final class Labels {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Labels() {
    }

    /** NFC, trimmed, inner runs of white space (no-break spaces included) made one space. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACES.matcher(nfc).replaceAll(" ").trim();
    }

    /** The comparison key of a label: cleaned, lower case, without diacritics. */
    public static String key(String text) {
        String lower = clean(text).toLowerCase(Locale.ROOT);
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return stripped.replace('đ', 'd');
    }

    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }

    /** Codes (units, indicators, periods…) are trimmed and upper-cased. */
    public static String code(String text) {
        return clean(text).toUpperCase(Locale.ROOT);
    }
}
