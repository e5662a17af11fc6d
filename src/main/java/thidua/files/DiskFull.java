package thidua.files;

import java.util.regex.Pattern;

/**
 * Whether a failure to write was the file system running out of room: "No space left on
 * device" (ENOSPC), "Disk quota exceeded" (EDQUOT) or "File too large" (EFBIG, a file-size
 * limit), however deep POI or PDFBox wrapped it.
 */
public final class DiskFull {
    private static final Pattern NO_ROOM = Pattern.compile(
            "No space left on device|Disk quota exceeded|File too large|not enough space on the disk",
            Pattern.CASE_INSENSITIVE);

    private DiskFull() {
    }

    public static boolean causes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && NO_ROOM.matcher(t.getMessage()).find()) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (causes(s)) {
                    return true;
                }
            }
        }
        return false;
    }
}
