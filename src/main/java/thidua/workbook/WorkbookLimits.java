package thidua.workbook;

/**
 * Bounds on a workbook someone sent us, generous for any real submission and small
 * enough that a hostile or broken file is refused before it costs memory.
 *
 * @param maxFileBytes  the file on disk
 * @param maxPartBytes  one part (sheet, shared strings…) once inflated
 * @param maxTotalBytes all parts together once inflated
 * @param maxRows       rows in one sheet
 */
public record WorkbookLimits(long maxFileBytes, long maxPartBytes, long maxTotalBytes, int maxRows) {

    public static final WorkbookLimits DEFAULT = new WorkbookLimits(
            10L * 1024 * 1024, 30L * 1024 * 1024, 60L * 1024 * 1024, 5_000);

    public static WorkbookLimits ofFileSize(long maxFileBytes) {
        return new WorkbookLimits(maxFileBytes, DEFAULT.maxPartBytes, DEFAULT.maxTotalBytes, DEFAULT.maxRows);
    }
}
