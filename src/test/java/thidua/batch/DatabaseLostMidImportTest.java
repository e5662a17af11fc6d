package thidua.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import thidua.testing.ExternalPostgres;
import thidua.testing.TestSubmissions;
import thidua.testing.TestSubmissions.Made;

/**
 * The database server dies in the middle of an import: the command ends soon with one
 * Vietnamese line saying so and which execution to restart (the stack traces in the log
 * file only); once the server is back, the restart completes and every file is recorded
 * once and kept once.
 */
@ChildProcessesTest
class DatabaseLostMidImportTest {
    private static final int FILES = 40;
    private static final Pattern LOST = Pattern.compile(
            "import: mất kết nối tới cơ sở dữ liệu[^\\n]*rerun --execution (\\d+)");

    @TempDir
    Path work;

    @Test
    void aKilledDatabaseFailsTheImportInOneLineAndTheRestartCompletesIt() throws Exception {
        assumeTrue(ExternalPostgres.available(), "PostgreSQL 15 from Debian's postgresql package (test.sh installs it)");
        Path inbox = work.resolve("inbox");
        List<Made> files = TestSubmissions.write(work.resolve("staging"), FILES, false, "d");
        TestSubmissions.deliver(files, inbox);

        try (ExternalPostgres db = ExternalPostgres.start()) {
            long lost;
            // a few files per transaction: the database is lost between two of them, or in one
            try (ChildJvm run = ChildJvm.start("run", ChildJvm.logFile(getClass(), "run"), db.env(),
                    Map.of("thidua.inbox.chunk-files", "4"),
                    "run", "--scheme", TestSubmissions.SCHEME.toAbsolutePath().toString(), "--inbox", inbox.toString(),
                    "--period", "2024", "--out", work.resolve("out").toString(),
                    "--data-dir", work.resolve("data-1").toString())) {
                ChildJvm.await("a few files imported", Duration.ofMinutes(3),
                        () -> db.count("SELECT count(*) FROM submission") >= 3 || !run.isAlive());
                assertThat(run.isAlive()).as("still importing:\n" + run.tail()).isTrue();
                db.kill();
                // Far more than the 30 s it may take: a bound for a stuck process, not a speed test.
                assertThat(run.awaitExit(Duration.ofMinutes(2))).as(run.tail()).isEqualTo(1);
                String out = run.output();
                Matcher line = LOST.matcher(out);
                assertThat(line.find()).as("the one line:\n" + run.tail()).isTrue();
                lost = Long.parseLong(line.group(1));
                String after = out.substring(out.indexOf("tệp trong"));
                assertThat(after).doesNotContain("\tat ", "Exception", "PSQLException", "Caused by");
                assertThat(after.lines().filter(l -> l.contains("cơ sở dữ liệu"))).hasSize(1);
            }
            db.startAgain();

            try (ChildJvm again = ChildJvm.start("rerun", ChildJvm.logFile(getClass(), "rerun"), db.env(), Map.of(),
                    "rerun", "--execution", Long.toString(lost), "--data-dir", work.resolve("data-2").toString())) {
                assertThat(again.awaitExit(Duration.ofMinutes(3))).as(again.tail()).isZero();
            }
            assertThat(db.jdbc().sql("SELECT status FROM batch_job_execution WHERE job_execution_id = ?")
                    .param(lost).query(String.class).single()).isEqualTo("FAILED");
            assertThat(db.jdbc().sql("""
                    SELECT e.status FROM batch_job_execution e WHERE e.job_instance_id =
                        (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?)
                    ORDER BY e.job_execution_id DESC LIMIT 1""").param(lost).query(String.class).single())
                    .isEqualTo("COMPLETED");

            // Every file recorded exactly once, every original kept exactly once.
            assertThat(db.count("SELECT count(*) FROM submission")).isEqualTo(FILES);
            assertThat(db.count("SELECT count(DISTINCT sha256) FROM submission")).isEqualTo(FILES);
            assertThat(db.count("SELECT count(*) FROM submission WHERE filed_at IS NULL")).isZero();
            assertThat(TestSubmissions.files(inbox)).isEmpty();
            List<Path> kept = Stream.concat(TestSubmissions.originals(work.resolve("archive")).stream(),
                    TestSubmissions.originals(work.resolve("rejected")).stream()).toList();
            assertThat(kept.stream().map(TestSubmissions::sha256).toList())
                    .containsExactlyInAnyOrderElementsOf(files.stream().map(Made::sha256).toList());
        }
    }
}
