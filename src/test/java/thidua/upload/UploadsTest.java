package thidua.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import thidua.access.Role;
import thidua.access.Users;
import thidua.batch.BatchRuns;
import thidua.batch.RunResult;
import thidua.submission.SubmissionStore;
import thidua.testing.Database;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaStrictSpringTest;
import thidua.testing.Web;
import thidua.testing.Web.Answer;
import thidua.testing.Web.FilePart;
import tools.jackson.databind.JsonNode;

/**
 * `POST /api/uploads` at its edges (issue 8, Tests): over the size limit, a renamed
 * non-spreadsheet, the same bytes twice, the same file uploaded and dropped into the inbox
 * at the same moment, names that try to be paths, and a UNIT sending its own and another
 * unit's file. Here a file may have 200 KB (thidua.max-file-bytes) and a multipart part
 * 300 KB, so both refusals are seen: thidua's own, and the container's 413.
 */
@ThiduaStrictSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadsTest {
    static final String DATA_DIR = ThiduaStrictSpringTest.DATA_DIR;
    private static final Path DATA = Path.of(DATA_DIR).toAbsolutePath();
    private static final Path INBOX = DATA.resolve("inbox");
    private static final String PASSWORD = "Mat-khau-thu-nghiem-1";
    /** A stored original or error report: a generated name, never the one sent. */
    private static final String GENERATED =
            "\\d{6}-([A-Za-z0-9][A-Za-z0-9._-]*-[A-Za-z0-9][A-Za-z0-9._-]*-[0-9a-f]{8}|[0-9a-f]{12})(\\.loi)?\\.xlsx";

    @LocalServerPort
    int port;
    @Autowired
    BatchRuns runs;
    @Autowired
    Users users;
    @Autowired
    SubmissionStore submissions;
    @Autowired
    JdbcClient jdbc;
    private Web hq;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeAll
    void schemeAndUsers() throws Exception {
        Database.reset(jdbc, DATA_DIR);
        assertThat(runs.scheme(TestSubmissions.SCHEME).ok()).isTrue();
        users.add("thuongtruc", Role.HQ, null, null, PASSWORD, false, Users.Actor.TERMINAL);
        users.add("donvi-pa01", Role.UNIT, "PA01", null, PASSWORD, false, Users.Actor.TERMINAL);
        users.add("donvi-pc08", Role.UNIT, "PC08", null, PASSWORD, false, Users.Actor.TERMINAL);
        hq = Web.at(port).basic("thuongtruc", PASSWORD);
    }

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    @BeforeEach
    void noSubmissions() throws IOException {
        Database.emptySubmissions(jdbc);
        for (String dir : new String[] {"inbox", "archive", "rejected", "uploads", "made"}) {
            FileSystemUtils.deleteRecursively(DATA.resolve(dir));
        }
        Files.createDirectories(INBOX);
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeAnythingIsStored() {
        Set<String> before = files();
        long jobsBefore = uploadJobs();
        // Over thidua's limit (200 KB) but within the part limit: refused by thidua, size first,
        // even though it starts like a spreadsheet (a ZIP).
        Answer over = hq.upload("/api/uploads", "file", List.of(new FilePart("PA01-2024.xlsx", zipLike(250 * 1024))));
        assertThat(over.status()).as(over.toString()).isEqualTo(200);
        JsonNode verdict = over.json().get(0);
        assertThat(verdict.path("status").asString()).isEqualTo("REJECTED");
        assertThat(verdict.path("importId").isNull()).isTrue();
        assertThat(codes(verdict)).containsExactly("E-FILE-TOO-LARGE");
        // Over the part limit (300 KB): the container refuses the request, 413, even the valid file beside it.
        Answer tooLarge = hq.upload("/api/uploads", "file", List.of(new FilePart("PC08-2024.xlsx", sample("PC08")),
                new FilePart("PA01-2024.xlsx", zipLike(400 * 1024))));
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type").orElse("")).as(tooLarge + " " + tooLarge.headers())
                .startsWith("application/json");
        assertThat(tooLarge.json().path("error").asString()).as(tooLarge.toString()).contains("vượt giới hạn");

        assertThat(count("SELECT count(*) FROM submission")).isZero();
        assertThat(uploadJobs()).isEqualTo(jobsBefore);
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void aRenamedNonSpreadsheetIsRejectedByItsContentAndNothingIsStored() {
        Set<String> before = files();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        Answer answer = hq.upload("/api/uploads", "file", List.of(
                new FilePart("PA01-2024.xlsx", "Báo cáo thi đua năm 2024\n".getBytes(StandardCharsets.UTF_8)),
                new FilePart("anh-chup.xlsx", png),
                new FilePart("rong.xlsx", new byte[0])));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode verdicts = answer.json();
        assertThat(verdicts).hasSize(3);
        List<String> names = new ArrayList<>();
        for (JsonNode v : verdicts) {
            names.add(v.path("originalName").asString());
            assertThat(v.path("status").asString()).isEqualTo("REJECTED");
            assertThat(v.path("importId").isNull()).as(v.toString()).isTrue();
            assertThat(v.path("errorReport").asBoolean()).isFalse();
        }
        assertThat(names).containsExactly("PA01-2024.xlsx", "anh-chup.xlsx", "rong.xlsx");
        assertThat(codes(verdicts.get(0))).containsExactly("E-FILE-NOT-SPREADSHEET");
        assertThat(codes(verdicts.get(1))).containsExactly("E-FILE-NOT-SPREADSHEET");
        assertThat(codes(verdicts.get(2))).containsExactly("E-FILE-EMPTY");
        assertThat(verdicts.get(0).path("errors").get(0).path("message").asString()).contains("không phải bảng tính");
        assertThat(count("SELECT count(*) FROM submission")).isZero();
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void theSameBytesUploadedTwiceAreADuplicateOfTheFirst() {
        byte[] bytes = distinct("PA01", "hai-lan");
        JsonNode first = single(hq.upload("/api/uploads", "file", List.of(new FilePart("PA01.xlsx", bytes))));
        assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("ACCEPTED");
        long id = first.path("importId").asLong();
        JsonNode second = single(hq.upload("/api/uploads", "file", List.of(new FilePart("PA01-gui-lai.xlsx", bytes))));
        assertThat(second.path("status").asString()).isEqualTo("DUPLICATE");
        assertThat(second.path("duplicateOf").asLong()).isEqualTo(id);
        assertThat(second.path("importId").asLong()).isNotEqualTo(id);
        assertThat(jdbc.sql("SELECT status || ' ' || coalesce(CAST(duplicate_of AS TEXT), '-') FROM submission ORDER BY id")
                .query(String.class).list()).containsExactly("ACCEPTED -", "DUPLICATE " + id);
        assertThat(submissions.forPeriod("2024").get("PA01").latestAcceptedId()).isEqualTo(id);
        assertThat(TestSubmissions.originals(DATA.resolve("archive/2024/PA01"))).hasSize(1);
        assertThat(TestSubmissions.originals(DATA.resolve("archive/duplicate"))).hasSize(1);
    }

    @Test
    void anUploadStagedForItsOwnerOnlyIsArchivedReadableLikeAnyNewFileAndDatedByItsUpload() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(DATA.getFileSystem().supportedFileAttributeViews().contains("posix"));
        byte[] bytes = distinct("PA01", "quyen-doc");
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        JsonNode sent = single(hq.upload("/api/uploads", "file", List.of(new FilePart("PA01.xlsx", bytes))));
        assertThat(sent.path("status").asString()).as(sent.toString()).isEqualTo("ACCEPTED");
        List<Path> archived = TestSubmissions.originals(DATA.resolve("archive/2024/PA01"));
        assertThat(archived).hasSize(1);
        Path stored = archived.get(0);
        assertThat(Files.readAllBytes(stored)).isEqualTo(bytes);
        Path plain = Files.createFile(Files.createDirectories(DATA.resolve("made")).resolve("plain"));
        assertThat(Files.getPosixFilePermissions(stored)).isEqualTo(Files.getPosixFilePermissions(plain));
        Files.delete(plain);
        java.time.Instant arrived = jdbc.sql("SELECT arrived_at FROM submission WHERE id = ?")
                .param(sent.path("importId").asLong()).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(arrived).isAfter(before);
        assertThat(Files.getLastModifiedTime(stored).toInstant().toEpochMilli()).isEqualTo(arrived.toEpochMilli());
    }

    @Test
    void theSameFileUploadedAndDroppedIntoTheInboxAtTheSameMomentIsImportedOnce() throws Exception {
        // The inbox import starts later and later, so that over the rounds either arrival may be
        // examined first and both may be examined before either is filed.
        long[] inboxDelayMillis = {0, 100, 175, 250, 500};
        for (int round = 1; round <= inboxDelayMillis.length; round++) {
            long delay = inboxDelayMillis[round - 1];
            TestSubmissions.Made made = TestSubmissions.write(DATA.resolve("made"), 1, true, "dong-thoi-" + round).get(0);
            byte[] bytes = Files.readAllBytes(made.path());
            TestSubmissions.deliver(List.of(made), INBOX);
            CountDownLatch start = new CountDownLatch(1);
            Future<RunResult> inbox = threads.submit(() -> {
                start.await();
                Thread.sleep(delay);
                return runs.importInbox(INBOX);
            });
            String name = "tai-len-" + round + ".xlsx";
            Future<Answer> upload = threads.submit(() -> {
                start.await();
                return hq.upload("/api/uploads", "file", List.of(new FilePart(name, bytes)));
            });
            start.countDown();
            assertThat(inbox.get(2, TimeUnit.MINUTES).ok()).isTrue();
            JsonNode uploaded = single(upload.get(2, TimeUnit.MINUTES));

            // Exactly one import of these bytes; the other arrival is its duplicate, whichever came second.
            List<String> rows = jdbc.sql("""
                    SELECT status || ' ' || coalesce(CAST(duplicate_of AS TEXT), '-') || ' ' || id FROM submission
                    WHERE sha256 = ? ORDER BY id""").param(made.sha256()).query(String.class).list();
            assertThat(rows).as("round %d", round).hasSize(2);
            long imported = count("SELECT id FROM submission WHERE sha256 = ? AND status <> 'DUPLICATE'", made.sha256());
            assertThat(count("SELECT count(*) FROM submission WHERE sha256 = ? AND status = 'DUPLICATE' "
                    + "AND duplicate_of = ?", made.sha256(), imported)).as("round %d: %s", round, rows).isEqualTo(1);
            if (uploaded.path("status").asString().equals("DUPLICATE")) {
                assertThat(uploaded.path("duplicateOf").asLong()).isEqualTo(imported);
            } else {
                assertThat(uploaded.path("status").asString()).as(uploaded.toString()).isEqualTo("ACCEPTED");
                assertThat(uploaded.path("importId").asLong()).isEqualTo(imported);
            }
            // Its original is archived once, and nothing is left in the inbox.
            assertThat(Stream.concat(TestSubmissions.originals(DATA.resolve("archive")).stream()
                            .filter(p -> !p.startsWith(DATA.resolve("archive/duplicate"))),
                    TestSubmissions.originals(DATA.resolve("rejected")).stream())
                    .filter(p -> TestSubmissions.sha256(p).equals(made.sha256()))).hasSize(1);
            assertThat(TestSubmissions.files(INBOX)).isEmpty();
            System.out.printf("round %d (inbox %d ms later): the upload was %s%n", round, delay,
                    uploaded.path("status").asString());
        }
    }

    @Test
    void aNameAsSentIsNeverUsedAsAPath() throws Exception {
        Set<String> before = files();
        String longName = "a".repeat(295) + ".xlsx";
        Answer answer = hq.upload("/api/uploads", "file", List.of(
                new FilePart("../../x.xlsx", distinct("PA01", "ten-1")),
                new FilePart("..\\..\\y.xlsx", distinct("PC08", "ten-2")),
                new FilePart(longName, distinct("PA02", "ten-3")),
                new FilePart("../../../../tmp/z.xlsx", "không phải bảng tính".getBytes(StandardCharsets.UTF_8))));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode v = answer.json();
        assertThat(v.get(0).path("originalName").asString()).isEqualTo("x.xlsx");
        assertThat(v.get(1).path("originalName").asString()).isEqualTo("y.xlsx");
        assertThat(v.get(3).path("originalName").asString()).isEqualTo("z.xlsx");
        String clipped = v.get(2).path("originalName").asString();
        assertThat(clipped.length()).isLessThanOrEqualTo(200);
        assertThat(clipped).startsWith("aaaa").endsWith(".xlsx");
        for (int i = 0; i < 3; i++) {
            assertThat(v.get(i).path("status").asString()).as(v.get(i).toString()).isEqualTo("ACCEPTED");
        }
        assertThat(jdbc.sql("SELECT original_name FROM submission ORDER BY id").query(String.class).list())
                .containsExactly("x.xlsx", "y.xlsx", clipped);

        // What was stored is under archive/ with a generated name, and nothing else appeared anywhere.
        Set<String> added = new TreeSet<>(files());
        added.removeAll(before);
        assertThat(added).hasSize(3).allSatisfy(p -> {
            assertThat(p).startsWith("archive/2024/");
            assertThat(Path.of(p).getFileName().toString()).matches(GENERATED);
        });
        assertThat(jdbc.sql("SELECT stored_path FROM submission").query(String.class).list())
                .allSatisfy(p -> assertThat(Path.of(p).normalize().startsWith(DATA.resolve("archive"))).as(p).isTrue());
        for (Path dir : List.of(DATA, DATA.getParent(), DATA.getParent().getParent(), INBOX.getParent(),
                Path.of("").toAbsolutePath(), Path.of("/tmp"))) {
            assertThat(dir.resolve("x.xlsx")).doesNotExist();
            assertThat(dir.resolve("y.xlsx")).doesNotExist();
            assertThat(dir.resolve("z.xlsx")).doesNotExist();
            try (Stream<Path> list = Files.list(dir)) {
                assertThat(list.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("aaaa"));
            }
        }
    }

    @Test
    void aUnitUploadsItsOwnFileAndAnotherUnitsFileIsRejectedAndKeptWithoutTouchingThatUnit() throws Exception {
        Web pa01Clerk = Web.at(port).basic("donvi-pa01", PASSWORD);
        JsonNode own = single(pa01Clerk.upload("/api/uploads", "file", List.of(new FilePart("PA01-2024.xlsx",
                sample("PA01")))));
        assertThat(own.path("status").asString()).as(own.toString()).isEqualTo("ACCEPTED");
        assertThat(own.path("errors")).isEmpty();

        JsonNode other = single(pa01Clerk.upload("/api/uploads", "file", List.of(new FilePart("PC08-2024.xlsx",
                sample("PC08")))));
        assertThat(other.path("status").asString()).as(other.toString()).isEqualTo("REJECTED");
        JsonNode error = other.path("errors").get(0);
        assertThat(error.path("code").asString()).isEqualTo("E-UNIT-NOT-OWN");
        assertThat(error.path("sheet").asString()).isEqualTo("Thông tin");
        assertThat(error.path("cell").asString()).isNotBlank();
        assertThat(error.path("message").asString()).contains("PC08", "PA01");
        assertThat(other.path("errorReport").asBoolean()).isTrue();
        long rejected = other.path("importId").asLong();

        // Kept like every rejected file, its error report to download by the sender, by nobody at PC08.
        List<Path> kept = TestSubmissions.originals(DATA.resolve("rejected"));
        assertThat(kept).hasSize(1);
        assertThat(TestSubmissions.sha256(kept.get(0))).isEqualTo(TestSubmissions.sha256(
                TestSubmissions.SAMPLES.resolve("2024/PC08-2024.xlsx")));
        assertThat(pa01Clerk.get("/api/imports/" + rejected + "/error-report").status()).isEqualTo(200);
        Web pc08Clerk = Web.at(port).basic("donvi-pc08", PASSWORD);
        assertThat(pc08Clerk.get("/api/imports/" + rejected).status()).isEqualTo(404);
        assertThat(pc08Clerk.get("/api/imports").json()).isEmpty();

        // PC08's status is untouched: the period has no row for it, the upload counts for PA01.
        assertThat(submissions.forPeriod("2024")).containsOnlyKeys("PA01");
        assertThat(submissions.forPeriod("2024").get("PA01").latestAcceptedId()).isEqualTo(own.path("importId").asLong());
        assertThat(jdbc.sql("SELECT unit_code || ' ' || sender_unit || ' ' || uploaded_by FROM submission WHERE id = ?")
                .param(rejected).query(String.class).single()).isEqualTo("PA01 PA01 donvi-pa01");

        // Headquarters may send PC08's file: accepted for PC08.
        JsonNode byHq = single(hq.upload("/api/uploads", "file", List.of(new FilePart("PC08-2024.xlsx",
                distinct("PC08", "hq")))));
        assertThat(byHq.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(submissions.forPeriod("2024")).containsOnlyKeys("PA01", "PC08");
    }

    // ------------------------------------------------------------------ helpers

    /** The only verdict of a one-file upload. */
    private static JsonNode single(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json()).hasSize(1);
        return answer.json().get(0);
    }

    private static List<String> codes(JsonNode verdict) {
        List<String> codes = new ArrayList<>();
        verdict.path("errors").forEach(e -> codes.add(e.path("code").asString()));
        return codes;
    }

    private static byte[] sample(String unit) {
        try {
            return Files.readAllBytes(TestSubmissions.SAMPLES.resolve("2024").resolve(unit + "-2024.xlsx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unit's valid sample with its author changed: valid, with bytes of its own. */
    private static byte[] distinct(String unit, String tag) {
        try (var edits = thidua.workbook.WorkbookEdits.copyOf(TestSubmissions.SAMPLES.resolve("2024")
                .resolve(unit + "-2024.xlsx"))) {
            return edits.text("Thông tin", "B7", "Người lập " + tag).bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code size} bytes that start like a ZIP (an .xlsx): only its size can refuse it before it is read. */
    private static byte[] zipLike(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        return bytes;
    }

    /** Every file under the data dir but the database and the log, relative to it. */
    private static Set<String> files() {
        try (Stream<Path> walk = Files.walk(DATA)) {
            return walk.filter(Files::isRegularFile).map(p -> DATA.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("postgres/") && !p.startsWith("thidua.log"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long uploadJobs() {
        return count("SELECT count(*) FROM batch_job_execution e JOIN batch_job_instance i "
                + "ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'uploadJob'");
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
