package thidua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.ThiduaApplication;
import thidua.access.Role;
import thidua.access.Users;
import thidua.batch.BatchRuns;
import thidua.batch.RunResult;
import thidua.command.ConsoleCapture;
import thidua.command.TestCommands;
import thidua.job.ExitCode;
import thidua.samples.SampleProvince;
import thidua.testing.Database;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaSpringTest;
import thidua.workbook.WorkbookEdits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance (3): a file rejected because of the scheme (its unit missing from the scheme
 * as first loaded) is rerun after the scheme is corrected: through the REST API for one
 * file and through the command line (`rerun --import ID`, a second application context
 * attached to the same embedded PostgreSQL, as a second process would be) for another.
 * Each is accepted and the period is consolidated again, the unit now ranked. Also: a
 * failed job execution restarted through the API and the command line, and the 409s.
 */
@ThiduaSpringTest
class RerunTest {
    static final String DATA_DIR = ThiduaSpringTest.DATA_DIR;
    /** Where the API consolidates: the configured folder, never one named by the caller. */
    private static final Path OUT = Path.of(DATA_DIR, "out").toAbsolutePath();
    private static final String LOGIN = "thuongtruc";
    private static final String PASSWORD = "Mat-khau-thu-nghiem-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    BatchRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;
    @TempDir
    Path work;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void emptyDatabase() throws Exception {
        Database.reset(jdbc, DATA_DIR);
        // The API asks who calls: a headquarters user, over HTTP Basic as a script would.
        users.add(LOGIN, Role.HQ, null, "Cơ quan thường trực", PASSWORD, false, Users.Actor.TERMINAL);
    }

    @Test
    void aRejectedFileWhoseCauseIsCorrectedIsAcceptedByARerunThroughTheApiAndTheCliAndThePeriodIsReconsolidated()
            throws Exception {
        for (String unit : new String[] {"PA01", "PA02", "PC08"}) {
            assertThat(SampleProvince.submissions()).anyMatch(s -> s.fileName().equals(unit + "-2024.xlsx") && s.valid());
        }
        // The scheme as first loaded has a typo in two unit codes: PA01 and PA02 are not in it.
        Path wrongScheme;
        try (WorkbookEdits edits = WorkbookEdits.copyOf(TestSubmissions.SCHEME)) {
            wrongScheme = edits.text("Đơn vị", "A13", "PA10").text("Đơn vị", "A14", "PA20")
                    .saveAs(work, "scheme-2024-sai.xlsx");
        }
        assertThat(runs.scheme(wrongScheme).ok()).isTrue();
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        for (String unit : new String[] {"PA01", "PA02", "PC08"}) {
            Path file = Files.copy(TestSubmissions.SAMPLES.resolve("2024").resolve(unit + "-2024.xlsx"),
                    inbox.resolve(unit + ".xlsx"));
            Files.setLastModifiedTime(file, FileTime.from(TestSubmissions.ON_TIME.toInstant()));
        }
        assertThat(runs.importInbox(inbox).summary()).isEqualTo("import: 1 accepted, 2 rejected, 0 duplicate");
        long pa01 = idOf("PA01.xlsx");
        long pa02 = idOf("PA02.xlsx");

        JsonNode shown = json(get("/api/imports/" + pa01), 200);
        assertThat(shown.path("import").path("status").asString()).isEqualTo("REJECTED");
        assertThat(shown.path("errors").get(0).path("code").asString()).isEqualTo("E-UNIT-UNKNOWN");
        HttpResponse<byte[]> report = http.send(request("/api/imports/" + pa01 + "/error-report").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).isNotEmpty();

        // A folder named by the caller is refused: nothing is consolidated, nothing written there.
        Path elsewhere = work.resolve("elsewhere");
        HttpResponse<String> refused = post("/api/periods/2024/consolidate?out="
                + URLEncoder.encode(elsewhere.toString(), StandardCharsets.UTF_8));
        assertThat(json(refused, 400).path("error").asString()).contains("thidua.out-dir");
        assertThat(consolidations()).isZero();
        assertThat(elsewhere).doesNotExist();

        Path out = OUT;
        JsonNode consolidated = json(post("/api/periods/2024/consolidate"), 200);
        assertThat(consolidated.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(ranked(out, "PA01")).isEmpty();
        assertThat(consolidations()).isEqualTo(1);

        // A rerun before the cause is corrected: still rejected, nothing consolidated.
        JsonNode still = json(post("/api/imports/" + pa01 + "/rerun"), 200);
        assertThat(still).hasSize(1);
        assertThat(still.get(0).path("summary").asString()).contains("still rejected");
        assertThat(statusOf(pa01)).isEqualTo("REJECTED");
        assertThat(consolidations()).isEqualTo(1);

        // The cause corrected: the scheme with the right unit codes replaces the wrong one.
        RunResult corrected = runs.scheme(TestSubmissions.SCHEME);
        assertThat(corrected.summary()).contains("replacing the previous version (version 2)");

        // Through the API.
        JsonNode rerun = json(post("/api/imports/" + pa01 + "/rerun"), 200);
        assertThat(rerun).hasSize(2);
        assertThat(rerun.get(0).path("job").asString()).isEqualTo("rerunImportJob");
        assertThat(rerun.get(0).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(rerun.get(0).path("summary").asString()).isEqualTo("rerun: #" + pa01 + " PA01.xlsx is now accepted");
        assertThat(rerun.get(1).path("job").asString()).isEqualTo("consolidateJob");
        assertThat(rerun.get(1).path("status").asString()).isEqualTo("COMPLETED");
        assertAccepted(pa01, "PA01");
        assertThat(json(get("/api/imports/" + pa01), 200).path("errors")).isEmpty();
        assertThat(consolidations()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT scheme_version_id FROM consolidation ORDER BY id DESC LIMIT 1")
                .query(Long.class).single()).isEqualTo(2L);
        assertThat(ranked(out, "PA01")).isPresent();
        assertThat(ranked(out, "PA02")).isEmpty();
        HttpResponse<String> again = post("/api/imports/" + pa01 + "/rerun");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again, 409).path("error").asString()).contains("ACCEPTED");

        // Through the command line.
        Cli cli = cli("rerun", "--import", String.valueOf(pa02), "--data-dir", DATA_DIR);
        assertThat(cli.exit()).as(cli.output()).isZero();
        assertThat(cli.output()).contains("rerun: #" + pa02 + " PA02.xlsx is now accepted", "consolidate: 2024:");
        assertAccepted(pa02, "PA02");
        assertThat(consolidations()).isEqualTo(3);
        assertThat(ranked(out, "PA02")).isPresent();
        assertThat(ranked(out, "PA01")).isPresent();
        Cli twice = command("rerun", "--import", String.valueOf(pa02));
        assertThat(twice.exit()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(twice.output()).contains("chỉ chạy lại được tệp bị trả lại");
        assertThat(post("/api/imports/999999/rerun").statusCode()).isEqualTo(404);
    }

    @Test
    void aFailedExecutionIsRestartedThroughTheApiAndTheCliWithItsOwnParameters() throws Exception {
        assertThat(runs.scheme(TestSubmissions.SCHEME).ok()).isTrue();
        // The configured output folder is a file, not a folder: the consolidation job fails.
        Files.createDirectories(OUT.getParent());
        Path out = Files.writeString(OUT, "không phải thư mục");
        JsonNode failed = json(post("/api/periods/2024/consolidate"), 200);
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("exitCode").asInt()).isEqualTo(1);
        long execution = failed.path("executionId").asLong();
        assertThat(json(get("/api/executions?status=FAILED"), 200).findValuesAsString("id"))
                .contains(String.valueOf(execution));

        // The cause removed, the execution restarted through the API: it completes into the same folder.
        Files.delete(out);
        Files.createDirectories(out);
        JsonNode restarted = json(post("/api/executions/" + execution + "/restart"), 200);
        assertThat(restarted.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(restarted.path("executionId").asLong()).isNotEqualTo(execution);
        assertThat(out.resolve("2024").resolve("bang-diem-2024.xlsx")).exists();
        assertThat(post("/api/executions/" + execution + "/restart").statusCode()).isEqualTo(409);
        assertThat(post("/api/executions/" + restarted.path("executionId").asLong() + "/restart").statusCode())
                .isEqualTo(409);

        // The same through the command line: `rerun --execution ID`.
        Path out2 = Files.writeString(work.resolve("out2"), "không phải thư mục");
        RunResult second = runs.consolidate("2024", out2);
        assertThat(second.exitCode()).isEqualTo(ExitCode.FAILED);
        Files.delete(out2);
        Files.createDirectories(out2);
        Cli cli = cli("rerun", "--execution", String.valueOf(second.execution().getId()), "--data-dir", DATA_DIR);
        assertThat(cli.exit()).as(cli.output()).isZero();
        assertThat(cli.output()).contains("consolidate: 2024:");
        assertThat(out2.resolve("2024").resolve("bang-diem-2024.xlsx")).exists();
        Cli twice = command("rerun", "--execution", String.valueOf(second.execution().getId()));
        assertThat(twice.exit()).isEqualTo(ExitCode.REFUSED.code());
        // In Vietnamese: Spring Batch's own English sentence and class names stay in the log file.
        assertThat(twice.output()).contains("việc này đã chạy xong với đúng các tham số đó")
                .doesNotContain("job instance", "Exception");
    }

    /** An id that names nothing is bad usage: exit 2 and one Vietnamese sentence, no stack trace. */
    @Test
    void rerunOfAnUnknownIdIsBadUsageWithOneSentence() throws Exception {
        for (String[] args : new String[][] {{"--execution", "999999"}, {"--import", "999999"}}) {
            Cli cli = command("rerun", args[0], args[1]);
            assertThat(cli.exit()).as(cli.output()).isEqualTo(ExitCode.REFUSED.code());
            assertThat(cli.output().strip().lines().toList()).as(cli.output())
                    .containsExactly(args[0].equals("--execution") ? "rerun: không có lần chạy #999999"
                            : "rerun: không có tệp nhận #999999");
        }
    }

    // ------------------------------------------------------------------ helpers

    private void assertAccepted(long id, String unit) throws IOException {
        record Row(String status, String storedPath, String sha256, boolean revalidated) {
        }
        Row row = jdbc.sql("SELECT status, stored_path, sha256, revalidated_at IS NOT NULL FROM submission WHERE id = ?")
                .param(id).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .single();
        assertThat(row.status()).isEqualTo("ACCEPTED");
        assertThat(row.revalidated()).isTrue();
        Path stored = Path.of(row.storedPath());
        assertThat(stored.startsWith(work.resolve("archive").resolve("2024").resolve(unit))).as(stored.toString()).isTrue();
        assertThat(TestSubmissions.sha256(stored)).isEqualTo(row.sha256());
        // The quarantined original stays where it was.
        assertThat(TestSubmissions.originals(work.resolve("rejected")).stream().map(TestSubmissions::sha256))
                .contains(row.sha256());
        assertThat(jdbc.sql("SELECT count(*) FROM submission_value WHERE submission_id = ?").param(id)
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                SELECT r.status FROM unit_result r WHERE r.unit_code = ?
                AND r.consolidation_id = (SELECT max(id) FROM consolidation)""").param(unit)
                .query(String.class).single()).isEqualTo("SUBMITTED");
    }

    private long idOf(String name) {
        return jdbc.sql("SELECT id FROM submission WHERE original_name = ?").param(name).query(Long.class).single();
    }

    private String statusOf(long id) {
        return jdbc.sql("SELECT status FROM submission WHERE id = ?").param(id).query(String.class).single();
    }

    private long consolidations() {
        return jdbc.sql("SELECT count(*) FROM consolidation WHERE period_code = '2024'").query(Long.class).single();
    }

    /** The unit's total in the ranking of bang-diem-2024.xlsx, when it is ranked. */
    private static Optional<BigDecimal> ranked(Path out, String unit) throws IOException {
        try (InputStream in = Files.newInputStream(out.resolve("2024").resolve("bang-diem-2024.xlsx"));
             Workbook wb = WorkbookFactory.create(in)) {
            var sheet = wb.getSheet("Xếp hạng");
            int header = thidua.OutputSheets.headerRow(sheet, "Khối");
            for (Row row : sheet) {
                if (row.getRowNum() > header && row.getCell(2).getStringCellValue().equals(unit)) {
                    var total = row.getCell(4);
                    return total != null && total.getCellType() == CellType.NUMERIC
                            && row.getCell(1).getCellType() == CellType.NUMERIC
                            ? Optional.of(BigDecimal.valueOf(total.getNumericCellValue())) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private HttpRequest.Builder request(String path) {
        String basic = java.util.Base64.getEncoder().encodeToString((LOGIN + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic " + basic);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private record Cli(int exit, String output) {
    }

    /** The command line as `java -jar` runs it (without the exit): an application of its own, its output captured. */
    private static Cli cli(String... args) throws Exception {
        ConsoleCapture.Result run = ConsoleCapture.run(() -> ThiduaApplication.run(args));
        return new Cli(run.exit(), run.output());
    }

    /**
     * The same command run in this test's application (parsed and executed as the command line does):
     * for the refusals, which need no application of their own, each of which costs seconds to start.
     */
    private Cli command(String... args) throws Exception {
        ConsoleCapture.Result run = TestCommands.run(context, args);
        return new Cli(run.exit(), run.output());
    }
}
