package thidua.workbook;

/**
 * Bounds on a workbook someone sent us, generous for any real submission and small
 * enough that a hostile or broken file is refused before it costs memory. They hold for
 * every part of the file, whatever its name.
 *
 * @param maxFileBytes     the file on disk
 * @param maxPartBytes     one part (sheet, shared strings…) once inflated
 * @param maxTotalBytes    all parts together once inflated
 * @param maxRows          rows in one sheet
 * @param maxCells         cells in one sheet
 * @param maxSharedStrings strings in the shared-strings table
 * @param maxEntries       parts (zip entries) in the file
 */
public record WorkbookLimits(long maxFileBytes, long maxPartBytes, long maxTotalBytes, int maxRows,
                             int maxCells, int maxSharedStrings, int maxEntries) {

    public static final WorkbookLimits DEFAULT = new WorkbookLimits(
            10L * 1024 * 1024, 30L * 1024 * 1024, 60L * 1024 * 1024, 5_000, 200_000, 200_000, 1_000);

    public WorkbookLimits(long maxFileBytes, long maxPartBytes, long maxTotalBytes, int maxRows) {
        this(maxFileBytes, maxPartBytes, maxTotalBytes, maxRows,
                DEFAULT.maxCells, DEFAULT.maxSharedStrings, DEFAULT.maxEntries);
    }

    /** A part under this size inflates as it likes; a bigger one must not inflate more than {@link #MAX_RATIO} times. */
    static final long RATIO_GRACE_BYTES = 100 * 1024;
    static final long MAX_RATIO = 100;

    /**
     * Whether a part that says it inflates to {@code size} bytes from {@code compressedSize} is
     * refused before any of it is inflated: larger than a part may be, or inflating like a zip bomb.
     */
    public boolean refusesPart(long size, long compressedSize) {
        return size > maxPartBytes || (size > RATIO_GRACE_BYTES && size > MAX_RATIO * compressedSize);
    }

    public static WorkbookLimits ofFileSize(long maxFileBytes) {
        return new WorkbookLimits(maxFileBytes, DEFAULT.maxPartBytes, DEFAULT.maxTotalBytes, DEFAULT.maxRows);
    }
}
