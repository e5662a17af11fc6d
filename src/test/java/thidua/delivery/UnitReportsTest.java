package thidua.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.command.TestCommands;
import thidua.samples.ArrivalManifest;
import thidua.testing.Database;
import thidua.testing.TestSmtp;
import thidua.testing.ThiduaStrictSpringTest;

/**
 * Issue 11, item 5: the error report of a rejected sample reaches its unit, against a real
 * SMTP server (GreenMail) and the real PostgreSQL. PC04 (rejected) has an {@code Email} in
 * the sample scheme: one e-mail with the report attached, and a copy in
 * {@code OUTBOX/units/PC04/2024/}; PA05 (rejected) has none: its outbox copy only. Neither a
 * consolidation, a rerun of it nor the same bytes imported again sends anything more.
 */
@ThiduaStrictSpringTest
class UnitReportsTest {
    private static final Path SAMPLES = Path.of("input-samples");
    private static final Path DATA = Path.of(ThiduaStrictSpringTest.DATA_DIR);
    private static final Path OUTBOX = DATA.resolve("outbox");
    private static final String PC04 = "pc04.thidua@congan.hoason.example";

    @RegisterExtension
    static final GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(TestSmtp.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path work;

    @BeforeEach
    void startAfresh() throws IOException {
        Database.reset(jdbc, ThiduaStrictSpringTest.DATA_DIR);
    }

    @Test
    void aRejectedSampleWithAnEmailForItsUnitIsMailedToItOnceWithItsReport() throws Exception {
        assertThat(execute("scheme", "--file", SAMPLES.resolve("scheme-2024.xlsx").toString()))
                .contains("scheme: 2024 loaded");
        Path inbox = inbox("PC04-2024.xlsx", "PA05-2024.xlsx", "PC08-2024.xlsx");

        String imported = execute("import", "--inbox", inbox.toString());

        // The pinned summary as OPERATIONS.md has it, then what the units were given.
        assertThat(imported).contains(
                "import: 1 accepted, 2 rejected, 0 duplicate; error reports: 2 to unit outboxes, 1 e-mail(s) sent");
        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(1);
        MimeMessage m = mail[0];
        assertThat(m.getAllRecipients()).extracting(Object::toString).singleElement().asString().contains(PC04);
        assertThat(m.getSubject()).isEqualTo("Báo cáo kỳ 2024 của PC04 bị trả lại: PC04-2024.xlsx (2 lỗi)");
        String body = Mails.text(m);
        assertThat(body).contains("Kính gửi Phòng Cảnh sát điều tra tội phạm về ma túy (PC04)",
                "Tệp báo cáo \"PC04-2024.xlsx\" nhận lúc 18/12/2024 16:00", "Tổng kết năm 2024 (2024)", "có 2 lỗi",
                "các ô có lỗi", "tô đỏ", "gửi lại tệp trước hạn nộp 20/12/2024.");

        Path stored = Path.of(storedPath("PC04-2024.xlsx"));
        Path report = Path.of(stored + ".loi.xlsx");
        assertThat(stored.getFileName().toString()).matches("\\d{6}-PC04-2024-[0-9a-f]{8}\\.xlsx");
        Map<String, byte[]> attached = Mails.attachments(m);
        assertThat(attached).containsOnlyKeys(report.getFileName().toString());
        byte[] bytes = attached.get(report.getFileName().toString());
        assertThat(bytes).isEqualTo(Files.readAllBytes(report));
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet list = wb.getSheet("Lỗi");
            assertThat(list.getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("Đơn vị: PC04 – Phòng Cảnh sát điều tra tội phạm về ma túy");
        }

        // Both rejected units get a copy in their outbox folder; the unit without an address nothing else.
        Path pa05 = Path.of(storedPath("PA05-2024.xlsx") + ".loi.xlsx");
        assertThat(files(OUTBOX.resolve("units/PC04/2024"))).containsExactly(report.getFileName().toString());
        assertThat(files(OUTBOX.resolve("units/PA05/2024"))).containsExactly(pa05.getFileName().toString());
        assertThat(Files.readAllBytes(OUTBOX.resolve("units/PA05/2024").resolve(pa05.getFileName())))
                .isEqualTo(Files.readAllBytes(pa05));
        assertThat(deliveries()).containsExactly("units/PA05 v1 - PA05-2024.xlsx", "units/PC04 v1 SENT PC04-2024.xlsx");

        // A consolidation and its rerun, then the same bytes sent again (a duplicate): nothing more goes out.
        for (int i = 0; i < 2; i++) {
            assertThat(execute("consolidate", "--period", "2024", "--out", work.resolve("out").toString()))
                    .contains("consolidate: 2024:");
        }
        Files.copy(SAMPLES.resolve("2024/PC04-2024.xlsx"), inbox.resolve("PC04-2024-gui-lai.xlsx"));
        assertThat(execute("import", "--inbox", inbox.toString()))
                .contains("import: 0 accepted, 0 rejected, 1 duplicate").doesNotContain("error reports");
        assertThat(execute("import", "--inbox", inbox.toString()))
                .contains("import: 0 accepted, 0 rejected, 0 duplicate").doesNotContain("error reports");
        // (the leaders got the outputs of the first consolidation: two e-mails, none to a unit)
        assertThat(to(smtp.getReceivedMessages(), PC04)).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(files(OUTBOX.resolve("units/PC04/2024"))).hasSize(1);
        assertThat(deliveries()).containsExactly("units/PA05 v1 - PA05-2024.xlsx", "units/PC04 v1 SENT PC04-2024.xlsx");
        assertThat(jdbc.sql("SELECT count(*) FROM submission WHERE report_due").query(Integer.class).single()).isZero();
    }

    @Test
    void aUnitsEmailThatCouldNotBeSentIsSentOnceByTheNextImport() throws Exception {
        assertThat(execute("scheme", "--file", SAMPLES.resolve("scheme-2024.xlsx").toString()))
                .contains("scheme: 2024 loaded");
        Path inbox = inbox("PC04-2024.xlsx");
        smtp.stop();

        assertThat(execute("import", "--inbox", inbox.toString())).contains("import: 0 accepted, 1 rejected, 0 duplicate; "
                + "error reports: 1 to unit outboxes, 0 e-mail(s) sent, 1 e-mail(s) pending");
        assertThat(deliveries()).containsExactly("units/PC04 v1 PENDING PC04-2024.xlsx");

        smtp.start();
        assertThat(execute("import", "--inbox", inbox.toString()))
                .contains("import: 0 accepted, 0 rejected, 0 duplicate; error reports: 1 pending e-mail(s) sent");
        assertThat(execute("import", "--inbox", inbox.toString()))
                .contains("import: 0 accepted, 0 rejected, 0 duplicate").doesNotContain("error reports");
        assertThat(to(smtp.getReceivedMessages(), PC04)).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(deliveries()).containsExactly("units/PC04 v1 SENT PC04-2024.xlsx");
    }

    // ------------------------------------------------------------------ helpers

    /** An inbox with copies of the given samples, each with its recorded arrival time. */
    private Path inbox(String... names) throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Map<String, java.time.OffsetDateTime> arrivals = ArrivalManifest.read(SAMPLES.resolve("arrivals-2024.tsv"));
        for (String name : names) {
            Path copy = Files.copy(SAMPLES.resolve("2024").resolve(name), inbox.resolve(name));
            Files.setLastModifiedTime(copy, FileTime.from(arrivals.get(name).toInstant()));
        }
        return inbox;
    }

    private String storedPath(String originalName) {
        return jdbc.sql("SELECT stored_path FROM submission WHERE original_name = ? AND status = 'REJECTED'")
                .param(originalName).query(String.class).single();
    }

    /** Per unit delivery: {@code key vN STATUS original name}, {@code -} for outbox only. */
    private List<String> deliveries() {
        return jdbc.sql("""
                SELECT d.recipient_key || ' v' || d.version || ' ' || coalesce(d.email_status, '-') || ' '
                    || s.original_name
                FROM delivery d JOIN submission s ON s.id = d.submission_id ORDER BY d.recipient_key""")
                .query(String.class).list();
    }

    private static long to(MimeMessage[] mail, String address) throws Exception {
        long n = 0;
        for (MimeMessage m : mail) {
            for (var r : m.getAllRecipients()) {
                n += r.toString().contains(address) ? 1 : 0;
            }
        }
        return n;
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String execute(String... args) {
        try {
            return TestCommands.run(context, args).output();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
