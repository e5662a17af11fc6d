package thidua.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.batch.BatchRuns;
import thidua.testing.Database;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaSpringTest;

/**
 * What `consolidate-due` consolidates: a period past its deadline with something to report.
 * The 2024 scheme's periods (2024 and 2024-6T) are both past theirs.
 */
@ThiduaSpringTest
class DuePeriodsTest {
    @Autowired
    DuePeriods due;
    @Autowired
    BatchRuns runs;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path work;

    @BeforeEach
    void scheme() throws Exception {
        Database.reset(jdbc, ThiduaSpringTest.DATA_DIR);
        assertThat(runs.scheme(TestSubmissions.SCHEME).ok()).isTrue();
    }

    @Test
    void aPeriodWithoutAnAcceptedSubmissionIsNeverDueAndOneWithIsDueUntilConsolidated() throws Exception {
        assertThat(due.periods()).as("nothing accepted: no empty report goes out by itself").isEmpty();

        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path pc08 = Files.copy(TestSubmissions.SAMPLES.resolve("2024/PC08-2024.xlsx"), inbox.resolve("PC08.xlsx"));
        Files.setLastModifiedTime(pc08, FileTime.from(TestSubmissions.ON_TIME.toInstant()));
        assertThat(runs.importInbox(inbox).ok()).isTrue();
        assertThat(due.periods()).containsExactly("2024");

        assertThat(runs.consolidate("2024", work.resolve("out")).ok()).isTrue();
        assertThat(due.periods()).isEmpty();
    }

    @Test
    void aRejectedSubmissionAloneDoesNotMakeItsPeriodDue() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path pa05 = Files.copy(TestSubmissions.SAMPLES.resolve("2024/PA05-2024.xlsx"), inbox.resolve("PA05.xlsx"));
        Files.setLastModifiedTime(pa05, FileTime.from(TestSubmissions.ON_TIME.toInstant()));
        assertThat(runs.importInbox(inbox).summary()).isEqualTo("import: 0 accepted, 1 rejected, 0 duplicate; error reports: 1 to unit outboxes");
        assertThat(due.periods()).isEmpty();
    }
}
