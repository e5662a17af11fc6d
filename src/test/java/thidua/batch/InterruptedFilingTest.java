package thidua.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.testing.Database;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaSpringTest;

/**
 * The states a `kill -9` can leave between an import's commit and the filing of its
 * originals, made on purpose (the kill test hits them only by chance): the next import
 * finishes the filing, records nothing new, and leaves no temporary copy behind.
 */
@ThiduaSpringTest
class InterruptedFilingTest {
    @Autowired
    BatchRuns runs;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path work;

    @BeforeEach
    void emptyDatabase() throws Exception {
        Database.reset(jdbc, ThiduaSpringTest.DATA_DIR);
        assertThat(runs.scheme(TestSubmissions.SCHEME).ok()).isTrue();
    }

    @Test
    void rowsCommittedWhoseOriginalsWereNeverFiledAreFiledByTheNextImportNotImportedAgain() throws Exception {
        Path inbox = inbox("PC08", "PA05");
        // archive/ and rejected/ cannot be created: the rows commit, the filing after the commit fails,
        // as when the process is killed right after the commit.
        Path archive = Files.writeString(work.resolve("archive"), "");
        Path rejected = Files.writeString(work.resolve("rejected"), "");
        assertThat(runs.importInbox(inbox).summary()).isEqualTo("import: 1 accepted, 1 rejected, 0 duplicate");
        assertThat(count("SELECT count(*) FROM submission WHERE filed_at IS NULL")).isEqualTo(2);
        assertThat(TestSubmissions.files(inbox)).hasSize(2);

        Files.delete(archive);
        Files.delete(rejected);
        // A copy that was being written when the process died: hidden, partial.
        Path stored = Path.of(storedPath("PC08.xlsx"));
        Files.createDirectories(stored.getParent());
        Path partial = Files.writeString(stored.resolveSibling("." + stored.getFileName() + ".123456.tmp"), "PK");

        RunResult again = runs.importInbox(inbox);
        // Nothing imported again; the rejected file, filed only now, has its report given to its unit now.
        assertThat(again.summary()).isEqualTo("import: 0 accepted, 0 rejected, 0 duplicate; error reports: 1 to unit outboxes");
        assertThat(count("SELECT count(*) FROM submission")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM submission WHERE filed_at IS NULL")).isZero();
        assertThat(TestSubmissions.files(inbox)).isEmpty();
        assertThat(partial).doesNotExist();
        assertFiled("PC08.xlsx");
        assertFiled("PA05.xlsx");
        Path rejectedCopy = Path.of(storedPath("PA05.xlsx"));
        assertThat(rejectedCopy.startsWith(work.resolve("rejected"))).isTrue();
        assertThat(Path.of(rejectedCopy + ".loi.xlsx")).exists();

        // Once filed, the same file sent again is a duplicate, as always.
        inbox("PC08");
        assertThat(runs.importInbox(inbox).summary()).isEqualTo("import: 0 accepted, 0 rejected, 1 duplicate");
    }

    @Test
    void anOriginalCopiedButNotYetRemovedFromTheInboxIsRemovedAndTheRowMarkedFiled() throws Exception {
        Path inbox = inbox("PC08");
        runs.importInbox(inbox);
        // The state of a kill after the copy into archive/ and before the inbox copy is removed.
        jdbc.sql("UPDATE submission SET filed_at = NULL").update();
        inbox("PC08");
        List<Path> archivedBefore = TestSubmissions.files(work.resolve("archive"));

        assertThat(runs.importInbox(inbox).summary()).isEqualTo("import: 0 accepted, 0 rejected, 0 duplicate");
        assertThat(count("SELECT count(*) FROM submission")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM submission WHERE filed_at IS NULL")).isZero();
        assertThat(TestSubmissions.files(inbox)).isEmpty();
        assertThat(TestSubmissions.files(work.resolve("archive"))).isEqualTo(archivedBefore).hasSize(1);
        assertFiled("PC08.xlsx");
    }

    @Test
    void anOriginalFiledAndRemovedFromTheInboxButNotRecordedIsRecordedByTheNextImport() throws Exception {
        Path inbox = inbox("PC08", "PA05");
        runs.importInbox(inbox);
        Path report = Path.of(storedPath("PA05.xlsx") + ".loi.xlsx");
        Files.delete(report);
        // The state of a kill after the inbox copy is removed and before the filing is recorded.
        jdbc.sql("UPDATE submission SET filed_at = NULL").update();

        assertThat(runs.importInbox(inbox).summary()).isEqualTo("import: 0 accepted, 0 rejected, 0 duplicate");
        assertThat(count("SELECT count(*) FROM submission")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM submission WHERE filed_at IS NULL")).isZero();
        assertThat(report).exists();
        assertFiled("PC08.xlsx");
        assertFiled("PA05.xlsx");
    }

    private Path inbox(String... units) throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        for (String unit : units) {
            Path file = Files.copy(TestSubmissions.SAMPLES.resolve("2024").resolve(unit + "-2024.xlsx"),
                    inbox.resolve(unit + ".xlsx"));
            Files.setLastModifiedTime(file, FileTime.from(TestSubmissions.ON_TIME.toInstant()));
        }
        return inbox;
    }

    private void assertFiled(String name) {
        Path stored = Path.of(storedPath(name));
        assertThat(stored).exists();
        assertThat(TestSubmissions.sha256(stored)).isEqualTo(jdbc.sql("SELECT sha256 FROM submission WHERE original_name = ?")
                .param(name).query(String.class).single());
        assertThat(TestSubmissions.files(stored.getParent())).noneMatch(p -> p.getFileName().toString().startsWith("."));
    }

    private String storedPath(String name) {
        return jdbc.sql("SELECT stored_path FROM submission WHERE original_name = ? AND status <> 'DUPLICATE'")
                .param(name).query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
