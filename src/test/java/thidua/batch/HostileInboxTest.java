package thidua.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.command.ConsoleCapture;
import thidua.status.StatusReport;
import thidua.testing.Database;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaSpringTest;

/**
 * What an attacker on the same machine, or an odd file system, puts in the inbox: links
 * (to a secret, dangling), a FIFO, a folder named like a workbook, a file far over the
 * size limit, a name that holds a newline. None is read through a link, none is copied
 * whole, none is left in the inbox forever, none forges a log line.
 */
@ThiduaSpringTest
class HostileInboxTest {
    @Autowired
    BatchRuns runs;
    @Autowired
    StatusReport status;
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
    void linksFifosAndFoldersAreNeverReadButMovedAsideAsTheyAreAndReportedOnce() throws Exception {
        Path secret = Files.writeString(work.resolve("SECRET.txt"), "spring.mail.password=hunter2\n");
        Path inbox = inbox("PC08");
        Files.createSymbolicLink(inbox.resolve("evil.xlsx"), secret);
        Files.createSymbolicLink(inbox.resolve("dangling.xlsx"), work.resolve("nowhere.xlsx"));
        Files.createDirectories(inbox.resolve("x.xlsx"));
        Files.writeString(inbox.resolve("x.xlsx").resolve("inside.xlsx"), "kept with its folder");
        Process mkfifo = new ProcessBuilder("mkfifo", inbox.resolve("pipe.xlsx").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        String printed = ConsoleCapture.output(() -> {
            assertThat(runs.importInbox(inbox).summary()).isEqualTo("import: 1 accepted, 0 rejected, 0 duplicate");
            return 0;
        });

        assertThat(entries(inbox)).isEmpty();
        List<Path> aside = entries(work.resolve("rejected").resolve("not-files"));
        assertThat(aside).hasSize(4);
        // Links moved as links, pointing where they pointed; nothing copied out of the secret.
        assertThat(aside.stream().filter(Files::isSymbolicLink).map(this::linkTarget))
                .containsExactlyInAnyOrder(secret, work.resolve("nowhere.xlsx"));
        assertThat(aside).filteredOn(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).singleElement()
                .satisfies(d -> assertThat(d.resolve("inside.xlsx")).hasContent("kept with its folder"));
        assertThat(aside).filteredOn(p -> attributes(p).isOther()).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM submission").query(Long.class).single()).isEqualTo(1);
        assertThat(Files.walk(work.resolve("rejected")).filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                .map(p -> content(p))).noneMatch(c -> c.contains("hunter2"));

        List<String> lines = status.lines(null);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("W-INBOX-NOT-A-FILE \"evil.xlsx\" là liên kết tượng trưng")
                .contains("rejected/not-files/"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("W-INBOX-NOT-A-FILE \"x.xlsx\" là thư mục"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("W-INBOX-NOT-A-FILE \"pipe.xlsx\" là tệp đặc biệt"));
        assertThat(lines.get(lines.size() - 1)).endsWith("; 4 inbox entries not a file");
        assertThat(printed).contains("W-INBOX-NOT-A-FILE evil.xlsx");

        // Reported once: the next scan finds nothing more to set aside.
        assertThat(runs.importInbox(inbox).summary()).isEqualTo("import: 0 accepted, 0 rejected, 0 duplicate");
        assertThat(jdbc.sql("SELECT count(*) FROM inbox_not_file").query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aFileFarOverTheSizeLimitIsMovedIntoRejectedNotCopied() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path huge = inbox.resolve("huge.xlsx");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.write("PK".getBytes(StandardCharsets.US_ASCII));
            f.setLength(101L * 1024 * 1024); // sparse: past the hard cap (10 × 10 MiB) without filling the disk
        }
        Object inode = attributes(huge).fileKey();

        assertThat(runs.importInbox(inbox).summary()).isEqualTo("import: 0 accepted, 1 rejected, 0 duplicate");

        assertThat(huge).doesNotExist();
        Path stored = Path.of(jdbc.sql("SELECT stored_path FROM submission").query(String.class).single());
        assertThat(attributes(stored).fileKey()).as("the same file, renamed").isEqualTo(inode);
        assertThat(jdbc.sql("SELECT code FROM submission_finding").query(String.class).list())
                .containsExactly("E-FILE-TOO-LARGE");
        assertThat(jdbc.sql("SELECT filed_at IS NOT NULL FROM submission").query(Boolean.class).single()).isTrue();
    }

    @Test
    void aNameWithANewlineOrAnEscapeCannotForgeALogLine() throws Exception {
        Path inbox = inbox();
        Path file = Files.copy(TestSubmissions.SAMPLES.resolve("2024").resolve("PA05-2024.xlsx"),
                inbox.resolve("PA05\nERROR forged line \u001B[31m.xlsx"));
        Files.setLastModifiedTime(file, FileTime.from(TestSubmissions.ON_TIME.toInstant()));

        String printed = ConsoleCapture.output(() -> {
            // PA05's report goes to its unit's outbox (this context has no SMTP)
            assertThat(runs.importInbox(inbox).summary())
                    .isEqualTo("import: 0 accepted, 1 rejected, 0 duplicate; error reports: 1 to unit outboxes");
            return 0;
        });

        assertThat(printed).contains("PA05\\nERROR forged line \\u001B[31m.xlsx: bị trả lại, lưu số #")
                .doesNotContain("\nERROR forged").doesNotContain("\u001B");
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

    /** Every entry of a folder, whatever it is (links not followed). */
    private static List<Path> entries(Path dir) throws Exception {
        try (var list = Files.list(dir)) {
            return list.toList();
        }
    }

    private Path linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String content(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
