package thidua.scheme;

import java.text.NumberFormat;
import java.util.Locale;
import thidua.workbook.WorkbookLimits;

/**
 * Bounds on a scheme workbook, its own and not a submission's: far above a national
 * scheme (34 provinces × ~130 units ≈ 4,500 units), small enough that a wrong or hostile
 * file is refused before loading it costs the heap.
 *
 * @param maxUnits      rows of {@value SchemeReader#UNITS}
 * @param maxIndicators rows of {@value SchemeReader#INDICATORS}
 * @param maxCriteria   rows of {@value SchemeReader#CRITERIA}
 * @param maxRows       rows of any one sheet, header included (the unit targets sheet can have
 *                      several rows per unit)
 */
record SchemeLimits(int maxUnits, int maxIndicators, int maxCriteria, int maxRows) {

    static final SchemeLimits DEFAULT = new SchemeLimits(50_000, 2_000, 2_000, 100_000);

    /** Scheme workbooks are small; this only bounds a wrong file. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    /**
     * The pre-checks before the workbook is loaded, with room above {@link #maxRows} so that
     * a sheet just past it is still loaded and refused by the reader with its name; only a
     * file far past it (a bomb, or no scheme at all) is stopped before loading.
     */
    WorkbookLimits workbookLimits() {
        WorkbookLimits d = WorkbookLimits.DEFAULT;
        return new WorkbookLimits(MAX_BYTES, d.maxPartBytes(), d.maxTotalBytes(), 2 * maxRows,
                6 * maxRows, 6 * maxRows, d.maxEntries());
    }

    /** 50.000: numbers as a Vietnamese reader writes them. */
    static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(n);
    }
}
