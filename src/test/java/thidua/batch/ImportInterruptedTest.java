package thidua.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * An import of many files interrupted twice, as it happens to a service: the first process is
 * killed ({@code kill -9}) in the middle of a chunk of files (recorded in one transaction, some
 * of them filed and some not yet); the next `import` recovers its execution (FAILED), goes
 * on, and is stopped by SIGTERM (a service manager stopping it), which ends it between two chunks as
 * STOPPED with its summary line; `rerun --execution` finishes that one. Every file is then imported
 * exactly once (counted in the database), with its sample's verdict, the inbox is empty and every
 * original is in archive/ or rejected/ exactly once, with nothing else beside them.
 *
 * <p>(Acceptance 2 of the crash issue and the SIGTERM case of the hostile-input issue, in one
 * database and three processes: each process of thidua costs the two cores seconds to start.)
 */
@ChildProcessesTest
class ImportInterruptedTest {
    private static final int FILES = 40;
    /** Files per transaction (thidua.inbox.chunk-files): ten chunks, most with a rejected file (slow to file). */
    private static final Map<String, String> CHUNKS = Map.of("thidua.inbox.chunk-files", "4");
    private static final Pattern STOPPED = Pattern.compile(
            "import: STOPPED \\(job execution (\\d+), STOPPED\\); import: (\\d+) accepted, (\\d+) rejected, 0 duplicate");

    @TempDir
    Path work;

    @Test
    void aKilledImportIsRecoveredByTheNextWhichSigtermStopsBetweenTwoFilesAndARerunFinishesIt() throws Exception {
        Path inbox = work.resolve("inbox");
        List<Made> files = TestSubmissions.write(work.resolve("staging"), FILES, false, "k");
        assertThat(files.stream().map(Made::sha256).distinct()).as("distinct bytes").hasSize(FILES);
        assertThat(files).anyMatch(Made::valid).anyMatch(m -> !m.valid());
        TestSubmissions.deliver(files, inbox);

        try (SharedPostgres db = SharedPostgres.start()) {
            // 1. kill -9 in the middle of the first process's import, while a chunk is being filed.
            long killedExecution;
            try (ChildJvm first = ChildJvm.start("run", ChildJvm.logFile(getClass(), "run"), db.env(), CHUNKS,
                    "run", "--scheme", TestSubmissions.SCHEME.toAbsolutePath().toString(), "--inbox", inbox.toString(),
                    "--period", "2024", "--out", work.resolve("out").toString(),
                    "--data-dir", work.resolve("data-1").toString())) {
                ChildJvm.await("a quarter of the files imported by the first process", Duration.ofMinutes(4),
                        () -> db.count("SELECT count(*) FROM submission") >= FILES / 4 || !first.isAlive());
                // A chunk committed and not yet filed: its originals are being copied (an error report
                // takes a while), and it is marked filed only once all of them are.
                long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (db.count("SELECT count(*) FROM submission WHERE filed_at IS NULL") == 0 && first.isAlive()
                        && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                assertThat(first.isAlive()).as("still importing when killed:\n" + first.tail()).isTrue();
                first.kill();
                assertThat(db.count("SELECT count(*) FROM submission WHERE filed_at IS NULL"))
                        .as("killed while a chunk of recorded files was being filed").isPositive();
                killedExecution = db.jdbc().sql("""
                        SELECT e.job_execution_id FROM batch_job_execution e
                        JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                        WHERE i.job_name = 'importJob' AND e.status = 'STARTED'""").query(Long.class).single();
            }
            long importedWhenKilled = db.count("SELECT count(*) FROM submission");
            System.err.printf("kill -9 after %d of %d files imported%n", importedWhenKilled, FILES);
            assertThat(importedWhenKilled).as("killed in the middle").isLessThan(FILES);

            // 2. The next import recovers the killed execution, goes on, and is stopped by SIGTERM.
            long stopped;
            try (ChildJvm second = ChildJvm.start("import", ChildJvm.logFile(getClass(), "import"), db.env(), CHUNKS,
                    "import", "--inbox", inbox.toString(), "--data-dir", work.resolve("data-2").toString())) {
                ChildJvm.await("a few more files imported", Duration.ofMinutes(3),
                        () -> db.count("SELECT count(*) FROM submission") >= importedWhenKilled + 3 || !second.isAlive());
                assertThat(second.isAlive()).as("still importing:\n" + second.tail()).isTrue();
                second.terminate();
                second.awaitExit(Duration.ofSeconds(90));
                Matcher summary = STOPPED.matcher(second.output());
                assertThat(summary.find()).as("summary line:\n" + second.tail()).isTrue();
                assertThat(second.output()).contains("rerun --execution " + summary.group(1))
                        .doesNotContain("\tat ", "Exception");
                stopped = Long.parseLong(summary.group(1));
                // At a file boundary: everything recorded is filed, the rest is still in the inbox.
                long recorded = db.count("SELECT count(*) FROM submission");
                assertThat(recorded).as("stopped in the middle").isBetween(importedWhenKilled + 1, FILES - 1L);
                assertThat(db.count("SELECT count(*) FROM submission WHERE filed_at IS NULL")).isZero();
                assertThat(TestSubmissions.files(inbox)).hasSize(FILES - (int) recorded);
            }
            assertThat(status(db, killedExecution)).as("recovered by the next process").isEqualTo("FAILED");
            assertThat(status(db, stopped)).isEqualTo("STOPPED");

            // 3. The restart is a new execution of the stopped job instance, which it completes.
            try (ChildJvm again = ChildJvm.start("rerun", ChildJvm.logFile(getClass(), "rerun"), db.env(), CHUNKS,
                    "rerun", "--execution", Long.toString(stopped), "--data-dir", work.resolve("data-3").toString())) {
                assertThat(again.awaitExit(Duration.ofMinutes(3))).as(again.tail()).isZero();
                assertThat(again.output()).containsPattern("import: \\d+ accepted, \\d+ rejected, 0 duplicate");
            }
            assertThat(db.jdbc().sql("""
                    SELECT e.status FROM batch_job_execution e WHERE e.job_instance_id =
                        (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)
                    ORDER BY e.job_execution_id DESC LIMIT 1""").param(stopped).query(String.class).single())
                    .isEqualTo("COMPLETED");

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
            assertThat(db.count("SELECT count(*) FROM batch_job_execution WHERE status IN ('STARTED', 'STARTING')"))
                    .isZero();
        }
    }

    private static String status(SharedPostgres db, long execution) {
        return db.jdbc().sql("SELECT status FROM batch_job_execution WHERE job_execution_id = ?")
                .param(execution).query(String.class).single();
    }
}
