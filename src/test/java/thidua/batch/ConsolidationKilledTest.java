package thidua.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.testing.ChildJvm;
import thidua.testing.ChildProcessesTest;
import thidua.testing.SharedPostgres;
import thidua.testing.TestSubmissions;

/**
 * {@code kill -9} of a consolidation at several moments of the writing of its outputs:
 * the period folder always holds the previous complete set or a new complete one, never
 * a mix, and the next run leaves no temporary file or folder.
 */
@ChildProcessesTest
class ConsolidationKilledTest {

    @TempDir
    Path work;

    @Test
    void aKilledConsolidationLeavesTheOldSetOrTheNewOneAndTheNextRunCleansUp() throws Exception {
        Path out = work.resolve("out");
        try (SharedPostgres db = SharedPostgres.start()) {
            Path inbox = work.resolve("inbox");
            TestSubmissions.deliver(TestSubmissions.write(work.resolve("staging"), 4, true, "c"), inbox);
            try (ChildJvm run = child(db, "run", "run", "--scheme", TestSubmissions.SCHEME.toAbsolutePath().toString(),
                    "--inbox", inbox.toString(), "--period", "2024", "--out", out.toString())) {
                assertThat(run.awaitExit(Duration.ofMinutes(3))).as(run.tail()).isZero();
            }
            Map<String, String> previous = outputs(out.resolve("2024"));
            assertThat(previous).hasSize(3);

            // When the new version folder appears (empty), when it holds one file, when it holds two.
            for (int filesWritten = 0; filesWritten <= 2; filesWritten++) {
                int moment = filesWritten;
                try (ChildJvm c = child(db, "consolidate-" + moment, "consolidate", "--period", "2024",
                        "--out", out.toString())) {
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

            try (ChildJvm last = child(db, "consolidate", "consolidate", "--period", "2024", "--out", out.toString())) {
                assertThat(last.awaitExit(Duration.ofMinutes(3))).as(last.tail()).isZero();
            }
            assertThat(outputs(out.resolve("2024"))).hasSize(3);
            try (Stream<Path> all = Files.list(out)) {
                assertThat(all.map(p -> p.getFileName().toString()).toList())
                        .as("the link and its current version only").hasSize(2);
            }
            try (Stream<Path> all = Files.walk(out.resolve("2024").toRealPath())) {
                assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
            }
        }
    }

    private ChildJvm child(SharedPostgres db, String name, String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--data-dir", work.resolve("data").toString()))
                .toArray(String[]::new);
        return ChildJvm.start(name, ChildJvm.logFile(getClass(), name), db.env(), Map.of(), all);
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

    private static long count(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static Map<String, String> outputs(Path period) throws IOException {
        Map<String, String> shas = new TreeMap<>();
        try (Stream<Path> files = Files.list(period)) {
            files.forEach(f -> shas.put(f.getFileName().toString(), TestSubmissions.sha256(f)));
        }
        return shas;
    }
}
