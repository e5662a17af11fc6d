package thidua.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that no reader ever sees it half-written: the content goes to a
 * hidden temporary file in the same folder (so the final rename stays on one file
 * system), is forced to disk, then renamed over the target in one step. The file gets
 * the permissions any new file in that folder gets (not the owner-only ones of
 * {@code Files.createTempFile}): the outputs are for other people to read.
 */
final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The content of a file, written to the stream it is given. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically, creating its folder if missing; returns {@code target}. */
    static Path write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Dot prefix and .tmp suffix: folder watchers looking for *.xlsx ignore it.
        Path tmp = null;
        FileChannel channel = null;
        for (int attempt = 0; channel == null; attempt++) {
            tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
        try {
            try (FileChannel open = channel; OutputStream out = Channels.newOutputStream(open)) {
                content.writeTo(out);
                out.flush();
                open.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
