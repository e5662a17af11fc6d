package thidua.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * The output folder's file system is full when a period is consolidated again: the
 * consolidation FAILED saying "hết dung lượng" and naming the folder, the earlier outputs
 * are intact and alone (no partial file), nothing is delivered; once space is freed, the
 * restart writes the new set. The output folder is a small tmpfs this test mounts (root only).
 */
@ChildProcessesTest
class FullDiskOutputsTest {
    private static final Pattern FULL = Pattern.compile("Hết dung lượng đĩa: không ghi được kết quả kỳ 2024 vào thư mục "
            + "[^\\n]*/out/2024[^\\n]*chạy lại lần chạy #(\\d+)");

    @TempDir
    Path work;

    @Test
    void aFullDiskFailsTheConsolidationKeepsTheEarlierOutputsAndTheRestartWritesThem() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounts a tmpfs: run as root (CI does)");
        Path out = work.resolve("out");
        Files.createDirectories(out);
        mount(out);
        try (SharedPostgres db = SharedPostgres.start()) {
            Path inbox = work.resolve("inbox");
            TestSubmissions.deliver(TestSubmissions.write(work.resolve("staging"), 4, true, "f"), inbox);
            Map<String, String> props = Map.of("thidua.delivery.outbox", work.resolve("outbox").toString(),
                    "thidua.delivery.recipients[0].key", "van-thu", "thidua.delivery.recipients[0].name", "Văn thư");
            try (ChildJvm run = child(db, props, "run", "run", "--scheme", TestSubmissions.SCHEME.toAbsolutePath().toString(),
                    "--inbox", inbox.toString(), "--period", "2024", "--out", out.toString())) {
                assertThat(run.awaitExit(Duration.ofMinutes(3))).as(run.tail()).isZero();
            }
            Map<String, String> before = outputs(out.resolve("2024"));
            assertThat(before).hasSize(3);
            List<Path> delivered = files(work.resolve("outbox"));

            Path filler = fill(out);
            long failed;
            try (ChildJvm full = child(db, props, "full", "consolidate", "--period", "2024", "--out", out.toString())) {
                assertThat(full.awaitExit(Duration.ofMinutes(3))).as(full.tail()).isEqualTo(1);
                Matcher said = FULL.matcher(full.output());
                assertThat(said.find()).as(full.tail()).isTrue();
                assertThat(full.output()).doesNotContain("\tat ", "Exception", "Log4j");
                failed = Long.parseLong(said.group(1));
            }
            assertThat(status(db, failed)).isEqualTo("FAILED");
            assertThat(outputs(out.resolve("2024"))).isEqualTo(before);
            assertThat(hidden(out)).as("the current version only, no partial one").hasSize(1);
            assertThat(files(work.resolve("outbox"))).isEqualTo(delivered);

            Files.delete(filler);
            try (ChildJvm again = child(db, props, "rerun", "rerun", "--execution", Long.toString(failed))) {
                assertThat(again.awaitExit(Duration.ofMinutes(3))).as(again.tail()).isZero();
            }
            assertThat(outputs(out.resolve("2024"))).hasSize(3).doesNotContainValue(null);
            assertThat(hidden(out)).hasSize(1);
        } finally {
            new ProcessBuilder("umount", out.toString()).inheritIO().start().waitFor();
        }
    }

    private ChildJvm child(SharedPostgres db, Map<String, String> props, String name, String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--data-dir", work.resolve("data").toString()))
                .toArray(String[]::new);
        return ChildJvm.start(name, ChildJvm.logFile(getClass(), name), db.env(), props, all);
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

    /** Name → SHA-256 of each output in the period folder. */
    private static Map<String, String> outputs(Path period) throws IOException {
        Map<String, String> shas = new TreeMap<>();
        try (Stream<Path> files = Files.list(period)) {
            files.forEach(f -> shas.put(f.getFileName().toString(), TestSubmissions.sha256(f)));
        }
        return shas;
    }

    private static List<String> hidden(Path out) throws IOException {
        try (Stream<Path> all = Files.list(out)) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    private static List<Path> files(Path dir) {
        return Files.isDirectory(dir) ? TestSubmissions.files(dir) : List.of();
    }

    private static String status(SharedPostgres db, long execution) {
        return db.jdbc().sql("SELECT status FROM batch_job_execution WHERE job_execution_id = ?")
                .param(execution).query(String.class).single();
    }
}
