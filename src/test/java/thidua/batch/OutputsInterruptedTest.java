package thidua.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.testing.ChildJvm;
import thidua.testing.ChildProcessesTest;
import thidua.testing.SharedPostgres;
import thidua.testing.TestSubmissions;

/**
 * A period's outputs while their writing is interrupted, on one database:
 * <ol>
 * <li>{@code kill -9} of a consolidation at two moments of the writing (the new version folder
 * empty, and with two of its three files): the period folder always holds the previous complete
 * set or a new complete one, never a mix, and the next runs leave no temporary file or folder
 * (as root, the next runs are those of the full disk below);
 * <li>the output folder's file system full (a 4 MB tmpfs this test mounts, as root; CI runs as
 * root): the consolidation FAILED saying "Hết dung lượng" and naming the folder, the earlier
 * outputs intact and alone (no partial version), nothing delivered; once space is freed, the
 * restart writes the new set.
 * </ol>
 * (The crash issue's kill test and the hostile-input issue's full-disk test, in one database and
 * one first run: each process of thidua costs the two cores seconds to start.)
 */
@ChildProcessesTest
class OutputsInterruptedTest {
    private static final Pattern FULL = Pattern.compile("Hết dung lượng đĩa: không ghi được kết quả kỳ 2024 vào thư mục "
            + "[^\\n]*/out/2024[^\\n]*chạy lại lần chạy #(\\d+)");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path work;
    private SharedPostgres db;

    @Test
    void aKilledConsolidationLeavesAWholeSetAndAFullDiskFailsItKeepingTheEarlierOutputsUntilTheRestart()
            throws Exception {
        Path out = Files.createDirectories(work.resolve("out"));
        if (ROOT) {
            mount(out);
        } else {
            System.err.println("OutputsInterruptedTest: not root, so no tmpfs to fill: the full-disk part is left out");
        }
        try (SharedPostgres shared = SharedPostgres.start()) {
            db = shared;
            Path inbox = work.resolve("inbox");
            TestSubmissions.deliver(TestSubmissions.write(work.resolve("staging"), 4, true, "c"), inbox);
            try (ChildJvm run = child("run", "run", "--scheme", TestSubmissions.SCHEME.toAbsolutePath().toString(),
                    "--inbox", inbox.toString(), "--period", "2024", "--out", out.toString())) {
                assertThat(run.awaitExit(Duration.ofMinutes(3))).as(run.tail()).isZero();
            }
            killedAtTwoMoments(out);
            if (ROOT) {
                fullDisk(out);
            }
        } finally {
            if (ROOT) {
                new ProcessBuilder("umount", out.toString()).inheritIO().start().waitFor();
            }
        }
    }

    private void killedAtTwoMoments(Path out) throws Exception {
        Map<String, String> previous = outputs(out.resolve("2024"));
        assertThat(previous).hasSize(3);

        // When the new version folder appears (empty), and when it holds two of the three files.
        for (int moment : new int[] {0, 2}) {
            try (ChildJvm c = child("consolidate-" + moment, "consolidate", "--period", "2024", "--out", out.toString())) {
                Predicate<Path> reached = v -> count(v) >= moment;
                awaitNewVersion(out, c, reached);
                c.kill();
            }
            Map<String, String> now = outputs(out.resolve("2024"));
            assertThat(now).as("a complete set").hasSize(3).containsOnlyKeys(previous.keySet());
            Map<String, String> before = previous;
            boolean old = now.equals(before);
            boolean allNew = now.entrySet().stream().noneMatch(e -> e.getValue().equals(before.get(e.getKey())));
            assertThat(old || allNew).as("the old set or the new one, never a mix: " + now).isTrue();
            previous = now;
        }

        if (!ROOT) { // as root, the full-disk consolidation is the next run, and its rerun the one after
            try (ChildJvm last = child("consolidate", "consolidate", "--period", "2024", "--out", out.toString())) {
                assertThat(last.awaitExit(Duration.ofMinutes(3))).as(last.tail()).isZero();
            }
            assertCleanSet(out);
        }
    }

    /** A whole set, and nothing beside it: the link, its current version, no temporary file. */
    private static void assertCleanSet(Path out) throws IOException {
        assertThat(outputs(out.resolve("2024"))).hasSize(3).doesNotContainValue(null);
        assertThat(entries(out)).as("the link and its current version only").hasSize(2);
        try (Stream<Path> all = Files.walk(out.resolve("2024").toRealPath())) {
            assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
        }
    }

    private void fullDisk(Path out) throws Exception {
        Map<String, String> before = outputs(out.resolve("2024"));
        assertThat(before).hasSize(3);
        List<Path> delivered = files(work.resolve("outbox"));

        Path filler = fill(out);
        long failed;
        try (ChildJvm full = child("full", "consolidate", "--period", "2024", "--out", out.toString())) {
            assertThat(full.awaitExit(Duration.ofMinutes(3))).as(full.tail()).isEqualTo(1);
            Matcher said = FULL.matcher(full.output());
            assertThat(said.find()).as(full.tail()).isTrue();
            assertThat(full.output()).doesNotContain("\tat ", "Exception", "Log4j");
            failed = Long.parseLong(said.group(1));
        }
        assertThat(status(failed)).isEqualTo("FAILED");
        assertThat(outputs(out.resolve("2024"))).isEqualTo(before);
        assertThat(hidden(out)).as("the current version only, no partial one").hasSize(1);
        assertThat(files(work.resolve("outbox"))).isEqualTo(delivered);

        Files.delete(filler);
        try (ChildJvm again = child("rerun", "rerun", "--execution", Long.toString(failed))) {
            assertThat(again.awaitExit(Duration.ofMinutes(3))).as(again.tail()).isZero();
        }
        assertCleanSet(out);
    }

    /** A child on this test's database and data dir; consolidations deliver to an outbox (no SMTP). */
    private ChildJvm child(String name, String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--data-dir", work.resolve("data").toString()))
                .toArray(String[]::new);
        Map<String, String> props = Map.of("thidua.delivery.outbox", work.resolve("outbox").toString(),
                "thidua.delivery.recipients[0].key", "van-thu", "thidua.delivery.recipients[0].name", "Văn thư");
        return ChildJvm.start(name, ChildJvm.logFile(getClass(), name), db.env(), props, all);
    }

    /** Waits for a hidden version folder of 2024 other than the current one, in the state {@code reached}. */
    private static void awaitNewVersion(Path out, ChildJvm c, Predicate<Path> reached) throws IOException {
        Path current = out.resolve("2024").toRealPath();
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end && c.isAlive()) {
            try (Stream<Path> all = Files.list(out)) {
                if (all.filter(p -> p.getFileName().toString().startsWith(".2024.") && Files.isDirectory(p)
                        && !p.equals(current)).anyMatch(reached)) {
                    return;
                }
            }
            // A millisecond between looks: each moment lasts far longer (a workbook takes tens of ms to write),
            // and a busy loop would take a whole core from the child being watched.
            LockSupport.parkNanos(1_000_000);
        }
        // Ended, or too fast to catch: the set must still be whole, which the caller checks.
    }

    private static void mount(Path dir) throws Exception {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", dir.toString())
                .inheritIO().start();
        assertThat(p.waitFor()).as("mount tmpfs on " + dir).isZero();
    }

    /** Fills the file system of {@code dir} to its last byte; returns the filler file. */
    private static Path fill(Path dir) throws IOException {
        Path filler = dir.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream o = Files.newOutputStream(filler)) {
            while (true) {
                o.write(block);
            }
        } catch (IOException e) {
            if (!Files.exists(filler)) {
                throw e;
            }
        }
        return filler;
    }

    private static long count(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Name → SHA-256 of each output in the period folder. */
    private static Map<String, String> outputs(Path period) throws IOException {
        Map<String, String> shas = new TreeMap<>();
        try (Stream<Path> files = Files.list(period)) {
            files.forEach(f -> shas.put(f.getFileName().toString(), TestSubmissions.sha256(f)));
        }
        return shas;
    }

    private static List<String> entries(Path out) throws IOException {
        try (Stream<Path> all = Files.list(out)) {
            return all.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<String> hidden(Path out) throws IOException {
        return entries(out).stream().filter(n -> n.startsWith(".")).toList();
    }

    private static List<Path> files(Path dir) {
        return Files.isDirectory(dir) ? TestSubmissions.files(dir) : List.of();
    }

    private String status(long execution) {
        return db.jdbc().sql("SELECT status FROM batch_job_execution WHERE job_execution_id = ?")
                .param(execution).query(String.class).single();
    }
}
