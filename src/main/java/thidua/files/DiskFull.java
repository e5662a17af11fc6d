package thidua.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Less room than this left: the writing of an output (tens of kilobytes to a few megabytes) fails. */
    private static final long NEARLY_FULL = 1024 * 1024;

    private DiskFull() {
    }

    /**
     * As {@link #causes(Throwable)}, or the file system of {@code folder} has (almost) no
     * room left: POI reports a failed save as "The part … failed to be saved" without its
     * cause, so the file system is asked (before the failed write's files are removed).
     */
    public static boolean causes(Throwable e, Path folder) {
        if (causes(e)) {
            return true;
        }
        try {
            Path existing = folder.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.getFileStore(existing).getUsableSpace() < NEARLY_FULL;
        } catch (IOException | RuntimeException ignored) {
            return false;
        }
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
