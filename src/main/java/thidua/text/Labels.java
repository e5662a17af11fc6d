package thidua.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How labels and codes typed by people are compared (FORMATS.md): NFC, trimmed, inner
 * white space collapsed, case ignored, and diacritics optional ("Ma chi tieu" matches
 * "Mã chỉ tiêu", `đ` written `d`).
 */
public final class Labels {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /*
     * The keys of the labels that are not plain ASCII, remembered: every submission repeats the
     * scheme's Vietnamese labels, and normalizing them (NFC, NFD, two regular expressions) was
     * ≈ 13 % of an import's CPU. Bounded so that crafted files with endless distinct labels
     * cost at most a few MB: past the bound, keys are computed and not kept.
     */
    private static final int MEMO_ENTRIES = 20_000;
    private static final int MEMO_LENGTH = 200;
    private static final ConcurrentHashMap<String, String> KEYS = new ConcurrentHashMap<>();

    private Labels() {
    }

    /** NFC, trimmed, inner runs of white space (no-break spaces included) made one space. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        if (plain(text)) {
            return text; // printable ASCII, trimmed, single spaces: already what the rest would give (most codes)
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACES.matcher(nfc).replaceAll(" ").trim();
    }

    /** The comparison key of a label: cleaned, lower case, without diacritics. */
    public static String key(String text) {
        if (text == null || text.length() > MEMO_LENGTH || plain(text)) {
            return computeKey(text);
        }
        String known = KEYS.get(text);
        if (known != null) {
            return known;
        }
        String key = computeKey(text);
        if (KEYS.size() < MEMO_ENTRIES) {
            KEYS.put(text, key);
        }
        return key;
    }

    private static String computeKey(String text) {
        String cleaned = clean(text);
        if (plain(cleaned)) {
            return cleaned.toLowerCase(Locale.ROOT); // no diacritics to take off
        }
        String lower = cleaned.toLowerCase(Locale.ROOT);
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return stripped.replace('đ', 'd');
    }

    /** Printable ASCII without white space at either end or two spaces in a row. */
    private static boolean plain(String text) {
        int n = text.length();
        if (n > 0 && (text.charAt(0) == ' ' || text.charAt(n - 1) == ' ')) {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }

    /** Codes (units, indicators, periods…) are trimmed and upper-cased. */
    public static String code(String text) {
        return clean(text).toUpperCase(Locale.ROOT);
    }
}
