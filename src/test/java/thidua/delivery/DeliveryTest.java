package thidua.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import thidua.command.TestCommands;
import thidua.samples.ArrivalManifest;
import thidua.testing.Database;
import thidua.testing.FixedOutputsClock;
import thidua.testing.TestSmtp;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaStrictSpringTest;
import thidua.workbook.WorkbookEdits;

/**
 * Delivery after consolidation, against a real SMTP server (GreenMail on a free
 * localhost port) and the real (embedded) PostgreSQL: one e-mail per recipient per new
 * version, nothing on an identical rerun, a new version when the data changed, and a
 * failing server that leaves the e-mail pending until a later run sends it, once.
 */
@ThiduaStrictSpringTest
class DeliveryTest {
    private static final Path SAMPLES = Path.of("input-samples");
    private static final Path OUTBOX = Path.of(ThiduaStrictSpringTest.DATA_DIR, "outbox");
    private static final String GD = "gd@example.vn";
    private static final String PV01 = "pv01@example.vn";

    /** Started before and stopped after each test, so each test sees only its own mail. */
    @RegisterExtension
    static final GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(TestSmtp.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Delivery delivery;
    @Autowired
    DeliveryStore store;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    FixedOutputsClock.Settable clock;
    @TempDir
    Path work;

    @BeforeEach
    void startAfresh() throws IOException {
        Database.reset(jdbc, ThiduaStrictSpringTest.DATA_DIR);
    }

    @Test
    void eachRecipientGetsOneEmailWithItsOutputsAndAnOutboxCopy() throws Exception {
        loadSamples();
        String output = consolidate();

        assertThat(output).contains("delivered to 2 recipient(s) (4 file(s)), 2 e-mail(s) sent");
        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(2);
        MimeMessage gd = to(mail, GD);
        assertThat(gd.getSubject()).isEqualTo("Kết quả thi đua kỳ 2024 (phiên bản 1)");
        assertThat(gd.getFrom()[0].toString()).contains("thidua@congan.example.vn");
        assertThat(attachments(gd)).containsExactly("bang-diem-2024.xlsx", "bao-cao-2024.pdf", "tong-hop-2024.xlsx");
        assertThat(Mails.text(gd)).contains("Kính gửi Đồng chí Giám đốc", "kỳ 2024 (phiên bản 1)", "bang-diem-2024.xlsx");
        MimeMessage pv01 = to(mail, PV01);
        assertThat(attachments(pv01)).containsExactly("tong-hop-2024.xlsx");
        // The attachment is the file itself.
        assertThat(attachment(pv01, "tong-hop-2024.xlsx")).isEqualTo(Files.readAllBytes(out("tong-hop-2024.xlsx")));
        // The Message-ID is the one recorded, so a repeated send would be recognisable.
        assertThat(jdbc.sql("SELECT message_id FROM delivery WHERE recipient_key = 'bgd-giam-doc'")
                .query(String.class).single()).isEqualTo(gd.getMessageID());

        assertThat(outbox("bgd-giam-doc")).containsExactly("bang-diem-2024.xlsx", "bao-cao-2024.pdf", "tong-hop-2024.xlsx");
        assertThat(outbox("pv01-tham-muu")).containsExactly("tong-hop-2024.xlsx");
        assertThat(Files.readAllBytes(OUTBOX.resolve("bgd-giam-doc/2024/bang-diem-2024.xlsx")))
                .isEqualTo(Files.readAllBytes(out("bang-diem-2024.xlsx")));
        assertThat(emails()).containsExactly("bgd-giam-doc v1 SENT 1", "pv01-tham-muu v1 SENT 1");
        assertThat(jdbc.sql("""
                SELECT recipient_key || ' ' || output_name || ' v' || version FROM delivery_file
                ORDER BY recipient_key, output_name""").query(String.class).list())
                .containsExactly("bgd-giam-doc bang-diem v1", "bgd-giam-doc bao-cao v1", "bgd-giam-doc tong-hop v1",
                        "pv01-tham-muu tong-hop v1");
    }

    /**
     * Issue 11: unchanged data consolidated again 61 s later (the header's "Lập lúc" is to the
     * minute) delivers nothing: the second consolidation says the first one's time. A file
     * accepted since makes the next one a new version of each file it changes.
     */
    @Test
    void unchangedDataAMinuteLaterDeliversNothingAndAChangeDeliversVersion2() throws Exception {
        try {
            loadSamples();
            Instant now = Instant.now(); // the outputs' clock at the real time, after the files came in
            clock.set(now);
            consolidate();
            List<String> before = outbox("bgd-giam-doc");
            int mails = smtp.getReceivedMessages().length;

            clock.set(now.plusSeconds(61));
            assertThat(consolidate()).contains("nothing new to deliver (2 recipient(s) up to date)");
            assertThat(smtp.getReceivedMessages()).hasSize(mails);
            assertThat(outbox("bgd-giam-doc")).isEqualTo(before);

            // PC02's report, accepted since: v2 of each file.
            Path inbox = Files.createDirectories(work.resolve("inbox-2"));
            Path pc02 = Files.copy(SAMPLES.resolve("2024/PC02-2024.xlsx"), inbox.resolve("PC02-2024.xlsx"));
            Files.setLastModifiedTime(pc02, FileTime.from(TestSubmissions.ON_TIME.toInstant()));
            assertThat(execute("import", "--inbox", inbox.toString())).contains("import: 1 accepted");
            clock.set(now.plusSeconds(122));
            consolidate();
            assertThat(outbox("bgd-giam-doc")).contains("bang-diem-2024.v2.xlsx", "tong-hop-2024.v2.xlsx",
                    "bao-cao-2024.v2.pdf");
        } finally {
            clock.reset();
        }
    }

    /** Issue 11: an explicit consolidation of a period nobody reported writes its files, says so, sends nothing. */
    @Test
    void aPeriodWithoutAnAcceptedReportIsWrittenButDeliveredToNoOne() throws Exception {
        loadSamples(); // all 2024, none for 2024-6T
        String output = execute("consolidate", "--period", "2024-6T", "--out", work.resolve("out").toString());
        assertThat(output).contains("consolidate: 2024-6T: 0 of 36 units ranked",
                "delivery: nothing delivered, no accepted report in 2024-6T");
        assertThat(work.resolve("out/2024-6T/bao-cao-2024-6T.pdf")).exists();
        assertThat(count("SELECT count(*) FROM delivery")).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(Files.exists(OUTBOX.resolve("bgd-giam-doc/2024-6T"))).isFalse();
    }

    @Test
    void anIdenticalRerunSendsNothingAndWritesNoNewVersion() throws Exception {
        loadSamples();
        // Every output's header says "Lập lúc: dd/MM/yyyy HH:mm": this context's clock is fixed
        // (FixedOutputsClock), so both runs say the same minute however long the machine takes.
        consolidate();
        List<String> before = outbox("bgd-giam-doc");
        Path delivered = OUTBOX.resolve("bgd-giam-doc/2024/bang-diem-2024.xlsx");
        Thread.sleep(1100); // POI stamps each workbook with the second it was created

        String again = consolidate();

        // Same data, other bytes: what is compared is the fingerprint, not the file's SHA-256.
        assertThat(thidua.files.Sha256.of(out("bang-diem-2024.xlsx"))).isNotEqualTo(thidua.files.Sha256.of(delivered));
        assertThat(Fingerprint.of(out("bang-diem-2024.xlsx"))).isEqualTo(Fingerprint.of(delivered));

        assertThat(again).contains("nothing new to deliver (2 recipient(s) up to date)");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(outbox("bgd-giam-doc")).isEqualTo(before);
        assertThat(outbox("pv01-tham-muu")).containsExactly("tong-hop-2024.xlsx");
        assertThat(count("SELECT count(*) FROM delivery")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM delivery_file")).isEqualTo(4);
    }

    @Test
    void changedDataGoesOutAsVersion2AndTheOutboxKeepsBothVersions() throws Exception {
        loadSamples();
        consolidate();
        byte[] firstSummary = Files.readAllBytes(OUTBOX.resolve("pv01-tham-muu/2024/tong-hop-2024.xlsx"));

        // PC08 sends a corrected report a day after its first one: one more accident.
        Path inbox = Files.createDirectories(work.resolve("inbox-2"));
        try (WorkbookEdits pc08 = WorkbookEdits.copyOf(SAMPLES.resolve("2024/PC08-2024.xlsx"))) {
            String cell = currentValueCell(pc08, "TNGT.VU");
            double value = pc08.sheet("Chỉ tiêu").getRow(new CellReference(cell).getRow())
                    .getCell(4).getNumericCellValue();
            pc08.number("Chỉ tiêu", cell, value + 1).saveAs(inbox, "PC08-2024-sua.xlsx");
        }
        OffsetDateTime firstArrival = ArrivalManifest.read(SAMPLES.resolve("arrivals-2024.tsv")).get("PC08-2024.xlsx");
        Files.setLastModifiedTime(inbox.resolve("PC08-2024-sua.xlsx"), FileTime.from(firstArrival.plusDays(1).toInstant()));
        assertThat(execute("import", "--inbox", inbox.toString())).contains("import: 1 accepted");

        String output = consolidate();

        assertThat(output).contains("delivered to 2 recipient(s) (4 file(s)), 2 e-mail(s) sent");
        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(4);
        List<MimeMessage> toGd = all(mail, GD);
        assertThat(toGd).extracting(MimeMessage::getSubject).containsExactly(
                "Kết quả thi đua kỳ 2024 (phiên bản 1)", "Kết quả thi đua kỳ 2024 (phiên bản 2)");
        assertThat(attachments(toGd.get(1))).containsExactly("bang-diem-2024.v2.xlsx", "bao-cao-2024.v2.pdf", "tong-hop-2024.v2.xlsx");
        List<MimeMessage> toPv01 = all(mail, PV01);
        assertThat(toPv01).extracting(MimeMessage::getSubject).containsExactly(
                "Kết quả thi đua kỳ 2024 (phiên bản 1)", "Kết quả thi đua kỳ 2024 (phiên bản 2)");
        assertThat(attachments(toPv01.get(1))).containsExactly("tong-hop-2024.v2.xlsx");
        assertThat(Mails.text(toPv01.get(1))).contains("thay cho tệp cùng loại đã gửi trước đây");

        assertThat(outbox("bgd-giam-doc")).containsExactly("bang-diem-2024.v2.xlsx", "bang-diem-2024.xlsx",
                "bao-cao-2024.pdf", "bao-cao-2024.v2.pdf", "tong-hop-2024.v2.xlsx", "tong-hop-2024.xlsx");
        assertThat(outbox("pv01-tham-muu")).containsExactly("tong-hop-2024.v2.xlsx", "tong-hop-2024.xlsx");
        // Version 1 is kept as it was delivered; version 2 is the new output.
        assertThat(Files.readAllBytes(OUTBOX.resolve("pv01-tham-muu/2024/tong-hop-2024.xlsx"))).isEqualTo(firstSummary);
        assertThat(Files.readAllBytes(OUTBOX.resolve("pv01-tham-muu/2024/tong-hop-2024.v2.xlsx")))
                .isEqualTo(Files.readAllBytes(out("tong-hop-2024.xlsx")));
        assertThat(emails()).containsExactly("bgd-giam-doc v1 SENT 1", "pv01-tham-muu v1 SENT 1",
                "bgd-giam-doc v2 SENT 1", "pv01-tham-muu v2 SENT 1");

        assertThat(consolidate()).contains("nothing new to deliver");
        assertThat(smtp.getReceivedMessages()).hasSize(4);
    }

    @Test
    void aFailingServerLeavesTheEmailPendingAndALaterRunSendsItOnce() throws Exception {
        loadSamples();
        smtp.stop();

        String down = consolidate();

        assertThat(down).contains("consolidate: 2024:",
                "delivered to 2 recipient(s) (4 file(s)), 0 e-mail(s) sent, 2 e-mail(s) pending");
        assertThat(outbox("bgd-giam-doc")).containsExactly("bang-diem-2024.xlsx", "bao-cao-2024.pdf", "tong-hop-2024.xlsx");
        assertThat(emails()).containsExactly("bgd-giam-doc v1 PENDING 1", "pv01-tham-muu v1 PENDING 1");
        assertThat(jdbc.sql("SELECT last_error FROM delivery ORDER BY id").query(String.class).list())
                .allSatisfy(error -> assertThat(error).contains("MailSendException"));

        smtp.start();
        String up = consolidate();

        assertThat(up).contains("nothing new to deliver (2 recipient(s) up to date), 2 e-mail(s) sent");
        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(2);
        assertThat(attachments(to(mail, GD))).containsExactly("bang-diem-2024.xlsx", "bao-cao-2024.pdf", "tong-hop-2024.xlsx");
        assertThat(emails()).containsExactly("bgd-giam-doc v1 SENT 2", "pv01-tham-muu v1 SENT 2");
        assertThat(count("SELECT count(*) FROM delivery WHERE last_error IS NOT NULL AND sent_at IS NOT NULL"))
                .isEqualTo(2);

        consolidate();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(count("SELECT count(*) FROM delivery_file")).isEqualTo(4);
    }

    @Test
    void withoutSmtpTheFilesGoToTheOutboxOnlyAndNoEmailIsRecorded() throws Exception {
        loadSamples();
        consolidate();
        Path outbox = work.resolve("outbox-no-smtp");
        Delivery noSmtp = delivery(outbox, List.of(new DeliveryProperties.Recipient(
                "van-thu", "Văn thư", "vanthu@example.vn", List.of())), false);
        List<Path> outputs = Delivery.outputsIn(work.resolve("out/2024"), "2024");
        assertThat(outputs).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("bang-diem-2024.xlsx", "bao-cao-2024.pdf", "tong-hop-2024.xlsx");

        assertThat(noSmtp.deliver("2024", outputs, null).summary())
                .isEqualTo("delivered to 1 recipient(s) (3 file(s)), outbox only (no SMTP configured)");
        assertThat(noSmtp.deliver("2024", outputs, null).summary())
                .isEqualTo("nothing new to deliver (1 recipient(s) up to date)");

        try (Stream<Path> files = Files.list(outbox.resolve("van-thu/2024"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("bang-diem-2024.xlsx", "bao-cao-2024.pdf", "tong-hop-2024.xlsx");
        }
        assertThat(jdbc.sql("SELECT coalesce(email_status, '-') || ' ' || coalesce(message_id, '-') FROM delivery "
                + "WHERE recipient_key = 'van-thu'").query(String.class).single()).isEqualTo("- -");
        assertThat(smtp.getReceivedMessages()).hasSize(2); // those of the configured recipients only
    }

    @Test
    void withNoRecipientsTheStepDoesNothingAndSaysSo() throws Exception {
        loadSamples();
        consolidate();
        Delivery nobody = delivery(work.resolve("outbox-nobody"), List.of(), true);
        int before = count("SELECT count(*) FROM delivery_file");

        assertThat(nobody.deliver("2024", Delivery.outputsIn(work.resolve("out/2024"), "2024"), null).summary())
                .isEqualTo("delivery: no recipients configured");
        assertThat(count("SELECT count(*) FROM delivery_file")).isEqualTo(before);
        assertThat(work.resolve("outbox-nobody")).doesNotExist();
    }

    @Test
    void anEmailClaimedByASenderThatNeverCameBackIsSentAgainWithTheSameMessageId() throws Exception {
        loadSamples();
        consolidate();
        String messageId = jdbc.sql("SELECT message_id FROM delivery WHERE recipient_key = 'pv01-tham-muu'")
                .query(String.class).single();
        // A sender claimed pv01's e-mail an hour ago and crashed before recording the outcome;
        // another one claimed gd's a moment ago and is still at it.
        jdbc.sql("""
                UPDATE delivery SET email_status = 'SENDING', sent_at = NULL,
                    claimed_at = now() - CASE recipient_key WHEN 'pv01-tham-muu' THEN interval '1 hour' ELSE interval '0' END
                """).update();

        Delivery.Sending sending = delivery.retryPending();

        assertThat(sending.sent()).isEqualTo(1);
        assertThat(sending.unsent()).isEqualTo(1); // gd's, still claimed by the other sender
        List<MimeMessage> toPv01 = all(smtp.getReceivedMessages(), PV01);
        assertThat(toPv01).hasSize(2).extracting(MimeMessage::getMessageID).containsOnly(messageId);
        assertThat(all(smtp.getReceivedMessages(), GD)).hasSize(1);
        assertThat(emails()).containsExactly("bgd-giam-doc v1 SENDING 1", "pv01-tham-muu v1 SENT 2");
    }

    /** A delivery with its own recipients and outbox, with or without SMTP, on this test's database. */
    private Delivery delivery(Path outbox, List<DeliveryProperties.Recipient> recipients, boolean withSmtp) {
        DeliveryProperties properties = new DeliveryProperties(outbox, "thidua@congan.example.vn",
                Duration.ofMinutes(10), recipients);
        var beans = new DefaultListableBeanFactory();
        if (withSmtp) {
            beans.registerSingleton("mail", mailSender);
        }
        return new Delivery(properties, store, new DeliveryMailer(beans.getBeanProvider(
                JavaMailSender.class), properties), transactions);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Units of each block whose samples are loaded: what goes out does not depend on how many units
     * reported, and the whole province would cost each of these tests its import and consolidation.
     */
    private static final Set<String> UNITS = Set.of("CAH.AT", "CAH.BS", "PA01", "PA02", "PC01", "PC08", "PX01");

    /** The 2024 scheme, and copies of a few 2024 submissions ({@link #UNITS}) with their recorded arrival times, imported. */
    private void loadSamples() throws IOException {
        assertThat(execute("scheme", "--file", SAMPLES.resolve("scheme-2024.xlsx").toString()))
                .contains("scheme: 2024 loaded");
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        try (Stream<Path> files = Files.list(SAMPLES.resolve("2024"))) {
            for (Path f : files.filter(p -> UNITS.contains(p.getFileName().toString().replace("-2024.xlsx", ""))).toList()) {
                Files.copy(f, inbox.resolve(f.getFileName()));
            }
        }
        Map<String, OffsetDateTime> arrivals = ArrivalManifest.read(SAMPLES.resolve("arrivals-2024.tsv"));
        try (Stream<Path> copied = Files.list(inbox)) {
            for (Path f : copied.toList()) {
                Files.setLastModifiedTime(f, FileTime.from(arrivals.get(f.getFileName().toString()).toInstant()));
            }
        }
        assertThat(execute("import", "--inbox", inbox.toString())).contains("import: ");
    }

    private String consolidate() {
        String output = execute("consolidate", "--period", "2024", "--out", work.resolve("out").toString());
        assertThat(output).contains("consolidate: 2024:").doesNotContain("FAILED");
        return output;
    }

    private Path out(String file) {
        return work.resolve("out").resolve("2024").resolve(file);
    }

    /** Runs a command as the command line does, returning what it printed (also shown in the test log). */
    private String execute(String... args) {
        try {
            return TestCommands.run(context, args).output();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The A1 reference of the current-period value (column E) of indicator {@code code} in `Chỉ tiêu`. */
    private static String currentValueCell(WorkbookEdits wb, String code) {
        for (Row row : wb.sheet("Chỉ tiêu")) {
            var cell = row.getCell(1);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().trim().equals(code)) {
                return "E" + (row.getRowNum() + 1);
            }
        }
        throw new AssertionError("no row " + code);
    }

    /** Per e-mail, oldest first: {@code key vN STATUS attempts}. */
    private List<String> emails() {
        return jdbc.sql("""
                SELECT recipient_key || ' v' || version || ' ' || email_status || ' ' || attempts
                FROM delivery ORDER BY version, recipient_key""").query(String.class).list();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    /** The files of a recipient's 2024 outbox folder, by name. */
    private static List<String> outbox(String recipient) throws IOException {
        Path dir = OUTBOX.resolve(recipient).resolve("2024");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static MimeMessage to(MimeMessage[] mail, String address) {
        List<MimeMessage> messages = all(mail, address);
        assertThat(messages).as("e-mails to " + address).hasSize(1);
        return messages.get(0);
    }

    /** The e-mails to {@code address}, in the order received. */
    private static List<MimeMessage> all(MimeMessage[] mail, String address) {
        return Arrays.stream(mail).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Attachment file names, sorted. */
    private static List<String> attachments(MimeMessage message) throws Exception {
        return Mails.attachments(message).keySet().stream().sorted().toList();
    }

    private static byte[] attachment(MimeMessage message, String name) throws Exception {
        return Mails.attachments(message).get(name);
    }

}
