package thidua.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import thidua.files.Sha256;

/** A file found in the inbox: its name as sent, its arrival (last-modified time), size and content hash. */
record InboxFile(Path path, String originalName, Instant arrivedAt, long size, String sha256) {

    public static InboxFile of(Path path) {
        try {
            return new InboxFile(path, path.getFileName().toString(),
                    Files.getLastModifiedTime(path).toInstant(), Files.size(path), Sha256.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
