package thidua.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The drop folder and the folders beside it where originals go: {@code archive/} for
 * accepted and duplicate files, {@code rejected/} for the others (OPERATIONS.md, Files).
 */
record Inbox(Path dir, Path archive, Path rejected) {

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
                        .info("{}: still being written, left for the next scan", p.getFileName());
            }
            return settled;
        }).toList();
    }

    private static String look(Path p) {
        try {
            return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
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
            return list.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".")
                            && !p.getFileName().toString().startsWith("~$"))
                    .sorted(Comparator.comparing(Inbox::modified).thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
