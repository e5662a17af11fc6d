package thidua.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.testing.ChildJvm;
import thidua.testing.ChildProcessesTest;
import thidua.testing.SharedPostgres;
import thidua.testing.TestSubmissions;
import thidua.testing.TestSubmissions.Made;

/**
 * SIGTERM to an importing process (a service manager stopping it): the import stops
 * between two files as STOPPED, prints its summary line, and `rerun --execution` finishes
 * it; every file is then recorded once and kept once.
 */
@ChildProcessesTest
class ImportStoppedBySigtermTest {
    private static final int FILES = 40;
    private static final Pattern STOPPED = Pattern.compile(
            "import: STOPPED \\(job execution (\\d+), STOPPED\\); import: (\\d+) accepted, (\\d+) rejected, 0 duplicate");

    @TempDir
    Path work;

    @Test
    void sigtermStopsTheImportBetweenTwoFilesAndTheRestartFinishesIt() throws Exception {
        Path inbox = work.resolve("inbox");
        List<Made> files = TestSubmissions.write(work.resolve("staging"), FILES, false, "t");
        TestSubmissions.deliver(files, inbox);

        try (SharedPostgres db = SharedPostgres.start()) {
            long stopped;
            try (ChildJvm run = ChildJvm.start("run", ChildJvm.logFile(getClass(), "run"), db.env(), Map.of(),
                    "run", "--scheme", TestSubmissions.SCHEME.toAbsolutePath().toString(), "--inbox", inbox.toString(),
                    "--period", "2024", "--out", work.resolve("out").toString(),
                    "--data-dir", work.resolve("data-1").toString())) {
                ChildJvm.await("a few files imported", Duration.ofMinutes(3),
                        () -> db.count("SELECT count(*) FROM submission") >= 3 || !run.isAlive());
                assertThat(run.isAlive()).as("still importing:\n" + run.tail()).isTrue();
                run.terminate();
                run.awaitExit(Duration.ofSeconds(90));
                Matcher summary = STOPPED.matcher(run.output());
                assertThat(summary.find()).as("summary line:\n" + run.tail()).isTrue();
                assertThat(run.output()).contains("rerun --execution " + summary.group(1))
                        .contains("run: stopped, the import failed")
                        .doesNotContain("\tat ", "Exception");
                stopped = Long.parseLong(summary.group(1));
                long done = Long.parseLong(summary.group(2)) + Long.parseLong(summary.group(3));
                assertThat(done).as("stopped in the middle").isBetween(1L, FILES - 1L);
                // At a file boundary: what the summary counts is recorded and filed, the rest is still in the inbox.
                assertThat(db.count("SELECT count(*) FROM submission")).isEqualTo(done);
                assertThat(db.count("SELECT count(*) FROM submission WHERE filed_at IS NULL")).isZero();
                assertThat(TestSubmissions.files(inbox)).hasSize(FILES - (int) done);
            }
            assertThat(status(db, stopped)).isEqualTo("STOPPED");

            try (ChildJvm again = ChildJvm.start("rerun", ChildJvm.logFile(getClass(), "rerun"), db.env(), Map.of(),
                    "rerun", "--execution", Long.toString(stopped), "--data-dir", work.resolve("data-2").toString())) {
                assertThat(again.awaitExit(Duration.ofMinutes(3))).as(again.tail()).isZero();
            }
            // The restart is a new execution of the same job instance, which it completes.
            assertThat(db.jdbc().sql("""
                    SELECT e.status FROM batch_job_execution e WHERE e.job_instance_id =
                        (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)
                    ORDER BY e.job_execution_id DESC LIMIT 1""").param(stopped).query(String.class).single())
                    .isEqualTo("COMPLETED");

            // Every file recorded exactly once, every original kept exactly once.
            assertThat(db.count("SELECT count(*) FROM submission")).isEqualTo(FILES);
            assertThat(db.count("SELECT count(DISTINCT sha256) FROM submission")).isEqualTo(FILES);
            assertThat(TestSubmissions.files(inbox)).isEmpty();
            List<Path> kept = Stream.concat(TestSubmissions.originals(work.resolve("archive")).stream(),
                    TestSubmissions.originals(work.resolve("rejected")).stream()).toList();
            assertThat(kept.stream().map(TestSubmissions::sha256).toList())
                    .containsExactlyInAnyOrderElementsOf(files.stream().map(Made::sha256).toList());
        }
    }

    private static String status(SharedPostgres db, long execution) {
        return db.jdbc().sql("SELECT status FROM batch_job_execution WHERE job_execution_id = ?")
                .param(execution).query(String.class).single();
    }
}
