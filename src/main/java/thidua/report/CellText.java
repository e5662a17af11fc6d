package thidua.report;

import java.text.Normalizer;

/**
 * Text as the outputs put it in a cell: cut to what one cell holds, guarded against being
 * taken for a formula (the names and warnings come from the units' and the scheme's
 * workbooks), and measured in the characters a reader counts.
 */
final class CellText {

    /** Excel's limit on the characters of one cell. */
    static final int MAX_CELL_TEXT = 32_767;
    /**
     * First characters that make a spreadsheet treat typed or imported text as a
     * formula, with their full-width forms (an IME may type those).
     */
    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private CellText() {
    }

    /** {@code value} cut to {@link #MAX_CELL_TEXT} characters. */
    static String shown(String value) {
        return value.length() > MAX_CELL_TEXT ? value.substring(0, MAX_CELL_TEXT) : value;
    }

    /** Whether a spreadsheet would read {@code value} as a formula: such text needs a quote-prefixed style. */
    static boolean looksLikeFormula(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
    }

    /** Characters as a reader counts them (a Vietnamese letter with its marks is one). */
    static int length(String s) {
        String nfc = Normalizer.normalize(s, Normalizer.Form.NFC);
        return nfc.codePointCount(0, nfc.length());
    }
}
