package thidua.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The drop folder and the folders beside it where originals go: {@code archive/} for
 * accepted and duplicate files, {@code rejected/} for the others (OPERATIONS.md, Files).
 */
public record Inbox(Path dir, Path archive, Path rejected) {

    public static Inbox beside(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path parent = abs.getParent() == null ? abs : abs.getParent();
        return new Inbox(abs, parent.resolve("archive"), parent.resolve("rejected"));
    }

    /**
     * The files to import, oldest arrival first so that a resubmission is stored after
     * the file it corrects. Hidden files and Office lock files (`~$…`) are not submissions.
     */
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

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
