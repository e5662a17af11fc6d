package thidua.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.testing.ChildJvm;
import thidua.testing.ChildProcessesTest;
import thidua.testing.SharedPostgres;
import thidua.testing.TestSubmissions;
import thidua.testing.TestSubmissions.Made;

/**
 * Acceptance (2): the importing process is killed ({@code kill -9} of a child JVM) in the
 * middle of an import of many files; the next import finishes the work. Every file is
 * then imported exactly once (counted in the database), the inbox is empty and every
 * original is in archive/ or rejected/ exactly once, with nothing else beside them.
 */
@ChildProcessesTest
class ImportKilledMidwayTest {
    private static final int FILES = 60;

    @TempDir
    Path work;

    @Test
    void theNextImportFinishesAKilledOneAndEveryFileIsImportedExactlyOnce() throws Exception {
        Path inbox = work.resolve("inbox");
        List<Made> files = TestSubmissions.write(work.resolve("staging"), FILES, false, "k");
        assertThat(files.stream().map(Made::sha256).distinct()).as("distinct bytes").hasSize(FILES);
        assertThat(files).anyMatch(Made::valid).anyMatch(m -> !m.valid());
        TestSubmissions.deliver(files, inbox);

        try (SharedPostgres db = SharedPostgres.start()) {
            long killedExecution;
            try (ChildJvm first = ChildJvm.start("run", ChildJvm.logFile(getClass(), "run"), db.env(), Map.of(),
                    "run", "--scheme", TestSubmissions.SCHEME.toAbsolutePath().toString(), "--inbox", inbox.toString(),
                    "--period", "2024", "--out", work.resolve("out").toString(),
                    "--data-dir", work.resolve("data-1").toString())) {
                ChildJvm.await("a quarter of the files imported by the first process", Duration.ofMinutes(4),
                        () -> db.count("SELECT count(*) FROM submission") >= FILES / 4 || !first.isAlive());
                assertThat(first.isAlive()).as("still importing when killed:\n" + first.tail()).isTrue();
                first.kill();
                killedExecution = db.jdbc().sql("""
                        SELECT e.job_execution_id FROM batch_job_execution e
                        JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                        WHERE i.job_name = 'importJob' AND e.status = 'STARTED'""").query(Long.class).single();
            }
            long importedWhenKilled = db.count("SELECT count(*) FROM submission");
            System.err.printf("kill -9 after %d of %d files imported%n", importedWhenKilled, FILES);
            assertThat(importedWhenKilled).as("killed in the middle").isLessThan(FILES);
            assertThat(TestSubmissions.files(inbox)).isNotEmpty();

            try (ChildJvm again = ChildJvm.start("import", ChildJvm.logFile(getClass(), "import"), db.env(), Map.of(),
                    "import", "--inbox", inbox.toString(), "--data-dir", work.resolve("data-2").toString())) {
                int exit = again.awaitExit(Duration.ofMinutes(5));
                assertThat(exit).as(again.tail()).isZero();
                assertThat(again.output()).containsPattern("import: \\d+ accepted, \\d+ rejected, 0 duplicate");
                again.output().lines().filter(l -> l.contains("filed now") || l.startsWith("import:"))
                        .forEach(l -> System.err.println("second import: " + l));
            }

            // Every file imported exactly once, with the verdict of its sample, and filed.
            Map<String, Long> rowsPerFile = db.jdbc().sql("SELECT sha256, count(*) FROM submission GROUP BY sha256")
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(rowsPerFile).hasSize(FILES).containsOnlyKeys(files.stream().map(Made::sha256).toList());
            assertThat(rowsPerFile.values()).allMatch(n -> n == 1);
            assertThat(db.count("SELECT count(*) FROM submission WHERE status = 'DUPLICATE'")).isZero();
            assertThat(db.count("SELECT count(*) FROM submission WHERE filed_at IS NULL")).isZero();
            for (Made m : files) {
                assertThat(db.jdbc().sql("SELECT status FROM submission WHERE sha256 = ?").param(m.sha256())
                        .query(String.class).single()).as(m.path().getFileName().toString())
                        .isEqualTo(m.valid() ? "ACCEPTED" : "REJECTED");
            }

            // The inbox is empty; every original is in archive/ or rejected/ exactly once, where its row says.
            assertThat(TestSubmissions.files(inbox)).isEmpty();
            List<Path> kept = Stream.concat(TestSubmissions.originals(work.resolve("archive")).stream(),
                    TestSubmissions.originals(work.resolve("rejected")).stream()).toList();
            assertThat(kept.stream().map(TestSubmissions::sha256).toList())
                    .containsExactlyInAnyOrderElementsOf(files.stream().map(Made::sha256).toList());
            List<Path> everything = Stream.concat(TestSubmissions.files(work.resolve("archive")).stream(),
                    TestSubmissions.files(work.resolve("rejected")).stream()).toList();
            assertThat(everything).as("no temporary copy left").noneMatch(p -> p.getFileName().toString().startsWith("."));
            db.jdbc().sql("SELECT sha256, stored_path, status FROM submission").query((rs, n) -> {
                Path stored = Path.of(rs.getString(2));
                assertThat(stored).exists();
                assertThat(TestSubmissions.sha256(stored)).isEqualTo(rs.getString(1));
                assertThat(stored.startsWith(work.resolve(rs.getString(3).equals("ACCEPTED") ? "archive" : "rejected")))
                        .as(stored.toString()).isTrue();
                if (rs.getString(3).equals("REJECTED")) {
                    assertThat(Path.of(stored + ".loi.xlsx")).as("error report").exists();
                }
                return stored;
            }).list();
            assertThat(everything).hasSize(FILES + (int) db.count("SELECT count(*) FROM submission WHERE status = 'REJECTED'"));

            // The killed execution was recovered (FAILED, restartable) by the next process; none is left running.
            assertThat(db.jdbc().sql("SELECT status FROM batch_job_execution WHERE job_execution_id = ?")
                    .param(killedExecution).query(String.class).single()).isEqualTo("FAILED");
            assertThat(db.count("SELECT count(*) FROM batch_job_execution WHERE status IN ('STARTED', 'STARTING')"))
                    .isZero();
            assertThat(Files.exists(work.resolve("staging"))).isTrue();
        }
    }
}
