package thidua.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import thidua.files.Sha256;

/** A file found in the inbox: its name as sent, its arrival (last-modified time), size and content hash. */
record InboxFile(Path path, String originalName, Instant arrivedAt, long size, String sha256) {

    /**
     * The inbox file at {@code path}, opened without following a link: a link, a folder,
     * a FIFO or a device is refused ({@link NotARegularFileException}), also when the
     * entry was swapped for one after the scan. A file larger than {@code hashCap} is
     * hashed over its first {@code hashCap} bytes and its size only.
     */
    public static InboxFile of(Path path, long hashCap) {
        try {
            BasicFileAttributes before = regular(path);
            try (SeekableByteChannel in = Files.newByteChannel(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                // What was opened is what was checked: no link (NOFOLLOW), the same file (its key) and regular.
                BasicFileAttributes after = regular(path);
                if (!Objects.equals(before.fileKey(), after.fileKey())) {
                    throw new NotARegularFileException(path, "đã bị thay bằng một mục khác trong lúc đọc");
                }
                long size = in.size();
                return new InboxFile(path, path.getFileName().toString(), after.lastModifiedTime().toInstant(), size,
                        hash(in, size, hashCap));
            }
        } catch (NotARegularFileException e) {
            throw e;
        } catch (FileSystemException e) {
            // ELOOP: the entry became a link between the check and the open.
            throw new NotARegularFileException(path, "không mở được như một tệp thông thường");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hash {@link #of} gives the file at {@code path} (a stored copy compared with its record). */
    static String hash(Path path, long hashCap) throws IOException {
        try (SeekableByteChannel in = Files.newByteChannel(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return hash(in, in.size(), hashCap);
        }
    }

    /** SHA-256 of the content; past {@code hashCap} bytes, of the first {@code hashCap} bytes and the size. */
    private static String hash(SeekableByteChannel in, long size, long hashCap) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long left = Math.min(size, hashCap);
        while (left > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), left));
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            digest.update(buffer.array(), 0, n);
            left -= n;
        }
        if (size > hashCap) {
            digest.update((":" + size).getBytes(StandardCharsets.US_ASCII));
        }
        return Sha256.hex(digest);
    }

    private static BasicFileAttributes regular(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            throw new NotARegularFileException(path, Inbox.kind(a));
        }
        return a;
    }

    /** The inbox entry is not (or no longer) a regular file: it is set aside at the next scan, never read. */
    static final class NotARegularFileException extends RuntimeException {
        NotARegularFileException(Path path, String why) {
            super(path.getFileName() + ": " + why);
        }
    }
}
