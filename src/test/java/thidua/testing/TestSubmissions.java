package thidua.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import thidua.files.Sha256;
import thidua.samples.SampleProvince;
import thidua.workbook.WorkbookEdits;

/**
 * Many distinct submission files made from the shipped samples: each a copy of a sample
 * whose `Người lập` (author, not validated) is changed, so every file has its own bytes
 * (no duplicates) and keeps the verdict of its sample. Arrival times are on time and
 * old, so the inbox settle check never holds them back.
 */
public final class TestSubmissions {
    public static final Path SAMPLES = Path.of("input-samples");
    public static final Path SCHEME = SAMPLES.resolve("scheme-2024.xlsx");
    /** Two days before the 2024 deadline (20/12/2024). */
    public static final OffsetDateTime ON_TIME = OffsetDateTime.parse("2024-12-18T09:00:00+07:00");

    private TestSubmissions() {
    }

    /** A made file: where it is and the hash of its bytes. */
    public record Made(Path path, String sha256, String sample, boolean valid) {
    }

    /**
     * Writes {@code count} distinct files into {@code dir}, cycling through the samples
     * ({@code validOnly}: only those that are accepted). {@code tag} keeps the bytes of
     * different batches apart.
     */
    public static List<Made> write(Path dir, int count, boolean validOnly, String tag) {
        try {
            Files.createDirectories(dir);
            List<SampleProvince.Submission> bases = SampleProvince.submissions().stream()
                    .filter(s -> !validOnly || s.valid()).toList();
            Map<String, WorkbookEdits> opened = new HashMap<>();
            List<Made> made = new ArrayList<>();
            try {
                for (int i = 0, b = 0; made.size() < count; b++) {
                    SampleProvince.Submission base = bases.get(b % bases.size());
                    if (b >= bases.size() * 2 && made.isEmpty()) {
                        throw new IllegalStateException("no sample can be edited");
                    }
                    WorkbookEdits edits = opened.computeIfAbsent(base.fileName(), name -> open(name));
                    if (edits == null) {
                        continue; // not a workbook, or no `Người lập` to change
                    }
                    String name = String.format("%s-%03d-%s", tag, i, base.fileName());
                    edits.text("Thông tin", "B7", "Người lập " + tag + " " + i);
                    Path file = edits.saveAs(dir, name);
                    Files.setLastModifiedTime(file, FileTime.from(ON_TIME.plusSeconds(i).toInstant()));
                    made.add(new Made(file, Sha256.of(file), base.fileName(), base.valid()));
                    i++;
                }
            } finally {
                for (WorkbookEdits e : opened.values()) {
                    if (e != null) {
                        e.close();
                    }
                }
            }
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WorkbookEdits open(String sample) {
        try {
            WorkbookEdits edits = WorkbookEdits.copyOf(SAMPLES.resolve("2024").resolve(sample));
            Row row = edits.workbook().getSheet("Thông tin") == null ? null
                    : edits.sheet("Thông tin").getRow(6);
            Cell label = row == null ? null : row.getCell(0);
            if (label == null || !label.toString().trim().equals("Người lập")) {
                edits.close();
                return null;
            }
            return edits;
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    /** Moves the files into {@code inbox}, each in one rename: an import never sees one half-written. */
    public static void deliver(List<Made> files, Path inbox) {
        try {
            Files.createDirectories(inbox);
            for (Made m : files) {
                Files.move(m.path(), inbox.resolve(m.path().getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The originals kept under {@code dir} (archive/ or rejected/): every regular file but
     * error reports. Hidden files (temporary copies) are listed too, so a test sees them.
     */
    public static List<Path> originals(Path dir) {
        return files(dir).stream().filter(p -> !p.getFileName().toString().endsWith(".loi.xlsx")).toList();
    }

    /** The regular files under {@code dir}; looked at again when a running import moves one meanwhile. */
    public static List<Path> files(Path dir) {
        for (int attempt = 1; ; attempt++) {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                return walk.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 20) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
