package thidua.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import thidua.text.LogText;

/**
 * The drop folder and the folders beside it where originals go: {@code archive/} for
 * accepted and duplicate files, {@code rejected/} for the others (OPERATIONS.md, Files).
 * Only regular files are submissions; links (dangling or not), folders, FIFOs and devices
 * are set aside into {@code rejected/not-files/} ({@link #setAsideNotFiles}), links moved
 * as links, never followed.
 */
record Inbox(Path dir, Path archive, Path rejected) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** An inbox entry that is not a regular file, as found ({@code originalName}, {@code kind}) and where it went. */
    record NotAFile(String originalName, String kind, Path movedTo) {
    }

    public static Inbox beside(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path parent = abs.getParent() == null ? abs : abs.getParent();
        return new Inbox(abs, parent.resolve("archive"), parent.resolve("rejected"));
    }

    /**
     * The files ready to import, oldest arrival first so that a resubmission is stored
     * after the file it corrects. A file modified within {@code settle} may still be being
     * written (a copy in progress): it is looked at again once {@code settle} has passed,
     * and left for the next scan if its size or time changed meanwhile.
     */
    public List<Path> readyFiles(Duration settle) {
        List<Path> files = files();
        Instant fresh = Instant.now().minus(settle);
        Map<Path, String> looks = new HashMap<>();
        for (Path p : files) {
            if (modified(p).toInstant().isAfter(fresh)) {
                looks.put(p, look(p));
            }
        }
        if (looks.isEmpty()) {
            return files;
        }
        try {
            Thread.sleep(settle.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return files.stream().filter(p -> !looks.containsKey(p)).toList();
        }
        return files.stream().filter(p -> {
            boolean settled = !looks.containsKey(p) || looks.get(p).equals(look(p));
            if (!settled) {
                LoggerFactory.getLogger("thidua.import")
                        .info("{}: tệp đang được ghi, để lần quét sau", LogText.escape(p.getFileName().toString()));
            }
            return settled;
        }).toList();
    }

    private static String look(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.size() + "@" + a.lastModifiedTime().toMillis() + "@" + a.isRegularFile();
        } catch (IOException e) {
            return "gone";
        }
    }

    /** Every file that is a submission: hidden files and Office lock files (`~$…`) are not. */
    public List<Path> files() {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Thư mục nhận báo cáo không tồn tại: " + dir);
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(Inbox::submission)
                    .sorted(Comparator.comparing(Inbox::modified).thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hidden files and Office lock files (`~$…`) are not submissions, whatever they are. */
    private static boolean submission(Path p) {
        String name = p.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("~$");
    }

    /**
     * Moves every entry of the inbox that is not a regular file (a link, also a dangling
     * one, a folder, a FIFO, a device, a socket) into {@code rejected/not-files/} under a
     * generated name (never over anything there), and returns them: each is reported once,
     * by the scan that moved it. One that cannot be moved is returned with a null
     * {@code movedTo} and stays (a folder holding files on another file system).
     */
    public List<NotAFile> setAsideNotFiles() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<NotAFile> found = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list.filter(Inbox::submission)::iterator) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    continue; // gone meanwhile
                }
                if (!a.isRegularFile()) {
                    found.add(new NotAFile(p.getFileName().toString(), kind(a), moveAside(p, a)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** What an entry that is not a regular file is, in the words of the report. */
    static String kind(BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            return "liên kết tượng trưng";
        }
        return a.isDirectory() ? "thư mục" : "tệp đặc biệt (FIFO, thiết bị hoặc socket)";
    }

    private Path moveAside(Path p, BasicFileAttributes a) {
        Path folder = rejected.resolve("not-files");
        String slug = a.isSymbolicLink() ? "link" : a.isDirectory() ? "folder" : "special";
        try {
            Files.createDirectories(folder);
            for (int attempt = 0; ; attempt++) {
                // Generated: the entry's own name is only reported, never part of a path.
                Path target = folder.resolve(STAMP.format(Instant.now()) + "-"
                        + Long.toUnsignedString(RANDOM.nextLong(), 36) + "." + slug);
                try {
                    // A rename moves a link itself, never what it points to; no REPLACE_EXISTING: never over a file.
                    Files.move(p, target, LinkOption.NOFOLLOW_LINKS);
                    return target;
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= 10) {
                        throw e;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger("thidua.import").warn("{}: could not be moved into {} ({})",
                    LogText.escape(p.getFileName().toString()), folder, LogText.escape(e.toString()));
            return null;
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
