package thidua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import thidua.access.Role;
import thidua.access.Users;
import thidua.batch.BatchRuns;
import thidua.batch.RunResult;
import thidua.testing.Database;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaWebSpringTest;
import thidua.testing.Web;
import thidua.testing.Web.Answer;
import thidua.workbook.WorkbookEdits;
import tools.jackson.databind.JsonNode;

/**
 * The API behind the door (issue 8, Roles and scope; REST API): every endpoint for the
 * anonymous caller and each role, allowed or refused exactly as the role table says; a
 * UNIT never reaches another unit's import by guessing ids; malformed ids 400, unknown
 * ids 404, all as {@code {"error": …}}; a state-changing call from another site refused
 * whatever its credentials; and no JSON answer names a file on the server.
 */
@ThiduaWebSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiSecurityTest {
    static final String DATA_DIR = ThiduaWebSpringTest.DATA_DIR;
    private static final Path DATA = Path.of(DATA_DIR).toAbsolutePath();
    private static final String PASSWORD = "Mat-khau-thu-nghiem-1";
    /** One person per role; the UNIT clerk is PA01's. */
    private static final Map<Role, String> LOGIN = Map.of(Role.ADMIN, "quantri", Role.HQ, "thuongtruc",
            Role.LEADER, "lanhdao", Role.UNIT, "donvi-pa01");
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> HQ = EnumSet.of(Role.ADMIN, Role.HQ);
    private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.HQ, Role.LEADER);
    private static final Set<Role> SENDERS = EnumSet.of(Role.ADMIN, Role.HQ, Role.UNIT);

    @LocalServerPort
    int port;
    @Autowired
    BatchRuns runs;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    private Web web;
    /** PA01's accepted and rejected imports, PC08's accepted one, PA05's rejected one. */
    private long pa01;
    private long pa01Rejected;
    private long pc08;
    private long pa05;
    /** A completed execution (the import): restarting it is refused with 409, whoever may ask. */
    private long completedExecution;

    @BeforeAll
    void data() throws Exception {
        Database.reset(jdbc, DATA_DIR);
        assertThat(runs.scheme(TestSubmissions.SCHEME).ok()).isTrue();
        for (var e : LOGIN.entrySet()) {
            users.add(e.getValue(), e.getKey(), e.getKey() == Role.UNIT ? "PA01" : null, null, PASSWORD, false,
                    Users.Actor.TERMINAL);
        }
        users.add("donvi-pc08", Role.UNIT, "PC08", null, PASSWORD, false, Users.Actor.TERMINAL);

        Path inbox = Files.createDirectories(DATA.resolve("inbox"));
        Path work = Files.createDirectories(DATA.resolve("work"));
        for (String unit : new String[] {"PA01", "PC08", "PA05"}) {
            Files.copy(TestSubmissions.SAMPLES.resolve("2024").resolve(unit + "-2024.xlsx"), inbox.resolve(unit + ".xlsx"));
        }
        try (WorkbookEdits edits = WorkbookEdits.copyOf(TestSubmissions.SAMPLES.resolve("2024/PA01-2024.xlsx"))) {
            Files.move(edits.blank("Chỉ tiêu", "E6").saveAs(work, "PA01-loi.xlsx"), inbox.resolve("PA01-loi.xlsx"));
        }
        try (var files = Files.list(inbox)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, FileTime.from(TestSubmissions.ON_TIME.toInstant()));
            }
        }
        RunResult imported = runs.importInbox(inbox);
        assertThat(imported.summary()).isEqualTo("import: 2 accepted, 2 rejected, 0 duplicate; error reports: 2 to unit outboxes");
        completedExecution = imported.execution().getId();
        pa01 = idOf("PA01.xlsx");
        pa01Rejected = idOf("PA01-loi.xlsx");
        pc08 = idOf("PC08.xlsx");
        pa05 = idOf("PA05.xlsx");
        assertThat(jdbc.sql("SELECT unit_code || ' ' || status FROM submission ORDER BY id").query(String.class).list())
                .containsExactlyInAnyOrder("PA01 ACCEPTED", "PA01 REJECTED", "PC08 ACCEPTED", "PA05 REJECTED");
        assertThat(runs.consolidate("2024", DATA.resolve("out")).ok()).isTrue();
        web = Web.at(port);
    }

    /** Whatever a test asked, no JSON answer named a file on the server. */
    @AfterEach
    void noAnswerNamesAServerPath() {
        List<Answer> json = web.seen().stream()
                // The actuator's own type (application/vnd.spring-boot.actuator.v3+json) included.
                .filter(a -> a.header("Content-Type").orElse("").matches("application/(.*\\+)?json.*")).toList();
        assertThat(json).isNotEmpty();
        for (Answer a : json) {
            assertThat(a.text()).as(a.toString()).doesNotContain(DATA.toString(), Path.of("").toAbsolutePath().toString(),
                    "test-data", "storedPath", "stored_path", "inbox/", "archive/", "rejected/");
        }
    }

    // ------------------------------------------------------------------ the matrix

    /**
     * One API call, with the mapping it reaches ({@code pattern}): who may make it and what
     * they get; everyone else gets 403, the anonymous caller 401.
     */
    private record Call(String method, String pattern, String path, Set<Role> may, int allowed,
                        boolean anonymousToo) {
        Call(String method, String pattern, String path, Set<Role> may, int allowed) {
            this(method, pattern, path, may, allowed, false);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Call> everyEndpoint() {
        List<Call> calls = new ArrayList<>();
        // ImportsController
        calls.add(new Call("GET", "/api/imports", "/api/imports", SENDERS, 200));
        calls.add(new Call("GET", "/api/imports/{id}", "/api/imports/" + pa01, SENDERS, 200));
        calls.add(new Call("GET", "/api/imports/{id}/original", "/api/imports/" + pa01 + "/original", SENDERS, 200));
        calls.add(new Call("GET", "/api/imports/{id}/error-report", "/api/imports/" + pa01Rejected + "/error-report",
                SENDERS, 200));
        calls.add(new Call("POST", "/api/imports/{id}/rerun", "/api/imports/" + pa05 + "/rerun", HQ, 200));
        // JobsController
        calls.add(new Call("GET", "/api/executions", "/api/executions", HQ, 200));
        calls.add(new Call("POST", "/api/executions/{id}/restart", "/api/executions/" + completedExecution + "/restart",
                HQ, 409));
        calls.add(new Call("POST", "/api/periods/{period}/consolidate", "/api/periods/2024/consolidate", HQ, 200));
        calls.add(new Call("GET", "/api/outputs", "/api/outputs", READERS, 200));
        // PeriodsController: every signed-in role (a UNIT sees its own unit only: ConsoleWebTest)
        calls.add(new Call("GET", "/api/periods/{period}/status", "/api/periods/2024/status", EVERYONE, 200));
        calls.add(new Call("GET", "/api/outputs/{period}/{file}", "/api/outputs/2024/bang-diem-2024.xlsx", READERS,
                200));
        // UploadsController: a text file, refused by its content before anything is stored
        calls.add(new Call("UPLOAD", "/api/uploads", "/api/uploads", SENDERS, 200));
        // Actuator: health for anyone; the rest for an ADMIN (only health is exposed: /actuator/info is 404 to them)
        calls.add(new Call("GET", "", "/actuator/health", EVERYONE, -1, true));
        calls.add(new Call("GET", "", "/actuator", EnumSet.of(Role.ADMIN), 200));
        calls.add(new Call("GET", "", "/actuator/info", EnumSet.of(Role.ADMIN), 404));
        return calls;
    }

    @Test
    void everyEndpointAnswersEachRoleExactlyAsTheRoleTableSays() {
        List<Call> calls = everyEndpoint();
        // Every mapping of the API's controllers is in the matrix: a new endpoint fails here until it is added.
        List<String> mapped = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getPackageName().equals("thidua.api"))
                .flatMap(e -> e.getKey().getMethodsCondition().getMethods().stream()
                        .flatMap(m -> e.getKey().getPatternValues().stream().map(p -> m + " " + p)))
                .toList();
        assertThat(mapped).hasSize(12);
        assertThat(calls.stream().filter(c -> !c.pattern().isEmpty())
                .map(c -> c.method().replace("UPLOAD", "POST") + " " + c.pattern()))
                .containsExactlyInAnyOrderElementsOf(mapped);
        long auditBefore = lastAuditId();
        SoftAssertions soft = new SoftAssertions();
        Map<String, Integer> health = new LinkedHashMap<>();
        for (Call call : calls) {
            Answer anonymous = call(web, call);
            if (call.anonymousToo()) {
                health.put("anonymous", anonymous.status());
            } else {
                soft.assertThat(anonymous.status()).as("anonymous " + call).isEqualTo(401);
                soft.assertThat(anonymous.header("WWW-Authenticate").orElse("")).as("anonymous " + call)
                        .startsWith("Basic");
                soft.assertThat(errorOf(anonymous)).as("anonymous " + call).isNotBlank();
            }
            for (Role role : Role.values()) {
                Answer a = call(as(role), call);
                String who = role + " " + call;
                if (!call.may().contains(role)) {
                    soft.assertThat(a.status()).as(who).isEqualTo(403);
                    soft.assertThat(errorOf(a)).as(who).contains("không có quyền");
                } else if (call.path().equals("/actuator/health")) {
                    health.put(role.name(), a.status());
                    // No details for anyone but an ADMIN.
                    soft.assertThat(a.json().has("components")).as(who).isEqualTo(role == Role.ADMIN);
                } else {
                    soft.assertThat(a.status()).as(who + ": " + a).isEqualTo(call.allowed());
                }
            }
        }
        // Health answers everyone alike (UP or, without the scheduler of `serve`, DOWN): never 401/403.
        soft.assertThat(health).hasSize(5);
        soft.assertThat(health.values().stream().distinct()).as(health.toString()).hasSize(1)
                .allMatch(s -> s == 200 || s == 503);
        soft.assertThat(as(Role.ADMIN).get("/actuator/health").json().path("components").has("db")).isTrue();
        soft.assertAll();
        // Scripts get no session: neither an anonymous call nor a Basic one leaves a cookie behind.
        assertThat(web.seen().stream().flatMap(a -> a.headers("Set-Cookie").stream())).isEmpty();

        // What a refused caller asked for did not happen: no rerun, restart, consolidation or upload by them.
        assertThat(actions(auditBefore, "lanhdao")).containsOnly("ACCESS_DENIED", "DOWNLOAD_OUTPUT")
                .filteredOn("ACCESS_DENIED"::equals).hasSize(11);
        assertThat(actions(auditBefore, "donvi-pa01")).containsOnly("ACCESS_DENIED", "DOWNLOAD_ORIGINAL",
                "DOWNLOAD_ERROR_REPORT", "UPLOAD_REFUSED").filteredOn("ACCESS_DENIED"::equals).hasSize(8);
    }

    @Test
    void aUnitNeverSeesAnotherUnitsImportByGuessingIds() {
        Web pa01Clerk = as(Role.UNIT);
        long highest = jdbc.sql("SELECT max(id) FROM submission").query(Long.class).single();
        List<Long> own = List.of(pa01, pa01Rejected);
        for (long id = 1; id <= highest + 3; id++) {
            for (String suffix : new String[] {"", "/original", "/error-report"}) {
                Answer a = pa01Clerk.get("/api/imports/" + id + suffix);
                if (own.contains(id) && !(suffix.equals("/error-report") && id == pa01)) {
                    assertThat(a.status()).as(a.toString()).isEqualTo(200);
                } else {
                    // Another unit's import answers exactly as one that does not exist.
                    assertThat(a.status()).as(a.toString()).isEqualTo(404);
                    assertThat(errorOf(a)).as(a.toString()).isEqualTo(id > highest || own.contains(id)
                            ? errorOf(as(Role.HQ).get("/api/imports/" + id + suffix))
                            : "không có tệp nhận #" + id);
                }
            }
        }
        assertThat(ids(pa01Clerk.get("/api/imports"))).containsExactlyInAnyOrderElementsOf(own);
        assertThat(ids(pa01Clerk.get("/api/imports?unit=PC08"))).isEmpty();
        assertThat(ids(pa01Clerk.get("/api/imports?period=2024&status=ACCEPTED"))).containsExactly(pa01);
        Web pc08Clerk = Web.at(port).basic("donvi-pc08", PASSWORD);
        assertThat(ids(pc08Clerk.get("/api/imports"))).containsExactly(pc08);
        assertThat(pc08Clerk.get("/api/imports/" + pa01).status()).isEqualTo(404);
        assertThat(ids(as(Role.HQ).get("/api/imports"))).containsExactlyInAnyOrder(pa01, pa01Rejected, pc08, pa05);
        assertThat(as(Role.UNIT).get("/api/imports/" + pa01).json().path("import").path("unitCode").asString())
                .isEqualTo("PA01");
    }

    @Test
    void malformedIdsAre400AndUnknownIds404AsJson() {
        Web hq = as(Role.HQ);
        for (Answer a : List.of(hq.get("/api/imports/0x10"), hq.get("/api/imports/-1"), hq.get("/api/imports/1e3"),
                hq.get("/api/imports/12abc"), hq.get("/api/imports/0x10/original"),
                hq.get("/api/imports/-1/error-report"), hq.post("/api/imports/-1/rerun"),
                hq.post("/api/executions/abc/restart"), hq.post("/api/executions/0x10/restart"),
                hq.get("/api/imports?limit=-5"), hq.get("/api/executions?limit=abc"))) {
            assertThat(a.status()).as(a.toString()).isEqualTo(400);
            assertThat(errorOf(a)).as(a.toString()).isNotBlank();
        }
        for (Answer a : List.of(hq.get("/api/imports/999999"), hq.get("/api/imports/999999/original"),
                hq.get("/api/imports/999999/error-report"), hq.post("/api/imports/999999/rerun"),
                hq.post("/api/executions/999999/restart"), hq.get("/api/outputs/2024/khong-co.xlsx"),
                hq.get("/api/outputs/2099/bang-diem-2024.xlsx"),
                // an accepted file has no error report
                hq.get("/api/imports/" + pa01 + "/error-report"))) {
            assertThat(a.status()).as(a.toString()).isEqualTo(404);
            assertThat(errorOf(a)).as(a.toString()).isNotBlank();
        }
        // The same for a UNIT: a malformed id is 400 before any scope is looked at.
        assertThat(as(Role.UNIT).get("/api/imports/0x10").status()).isEqualTo(400);
    }

    @Test
    void aStateChangingCallFromAnotherSiteIsRefusedWhateverItsCredentialsAndNothingHappens() {
        Web hq = as(Role.HQ);
        long auditBefore = lastAuditId();
        long executionsBefore = executions();
        String revalidated = revalidatedAt(pa05);
        int rowsBefore = submissions();

        Answer evil = hq.post("/api/imports/" + pa05 + "/rerun", "Origin", "http://evil.example");
        assertThat(evil.status()).as(evil.toString()).isEqualTo(403);
        assertThat(errorOf(evil)).isNotBlank();
        Answer noOrigin = hq.post("/api/periods/2024/consolidate", "Sec-Fetch-Site", "cross-site");
        assertThat(noOrigin.status()).as(noOrigin.toString()).isEqualTo(403);
        Answer upload = hq.upload("/api/uploads", "file", List.of(new Web.FilePart("PC08.xlsx",
                sample("PC08"))), "Origin", "http://evil.example");
        assertThat(upload.status()).as(upload.toString()).isEqualTo(403);
        Answer otherPort = hq.post("/api/executions/" + completedExecution + "/restart",
                "Origin", "http://127.0.0.1:" + (port + 1));
        assertThat(otherPort.status()).as(otherPort.toString()).isEqualTo(403);
        // Nothing happened: no job, no audit row, the file not re-validated, no new import.
        assertThat(executions()).isEqualTo(executionsBefore);
        assertThat(revalidatedAt(pa05)).isEqualTo(revalidated);
        assertThat(submissions()).isEqualTo(rowsBefore);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE id > ?").param(auditBefore).query(String.class)
                .list()).doesNotContain("RERUN", "CONSOLIDATE", "UPLOAD", "RESTART");

        // The same call from the console's own origin goes through.
        Answer same = hq.post("/api/imports/" + pa05 + "/rerun", "Origin", web.base());
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().get(0).path("summary").asString()).contains("still rejected");
    }

    // ------------------------------------------------------------------ helpers

    private Web as(Role role) {
        return web.basic(LOGIN.get(role), PASSWORD);
    }

    private Answer call(Web caller, Call call) {
        return switch (call.method()) {
            case "GET" -> caller.get(call.path());
            case "POST" -> caller.post(call.path());
            case "UPLOAD" -> caller.upload(call.path(), "file",
                    List.of(new Web.FilePart("ghi-chu.xlsx", "không phải bảng tính".getBytes(StandardCharsets.UTF_8))));
            default -> throw new IllegalArgumentException(call.method());
        };
    }

    /** The {@code error} of a JSON refusal; fails when the answer is not one. */
    private static String errorOf(Answer a) {
        assertThat(a.header("Content-Type").orElse("")).as(a.toString()).startsWith("application/json");
        JsonNode error = a.json().path("error");
        assertThat(error.isString()).as(a.toString()).isTrue();
        return error.asString();
    }

    private static List<Long> ids(Answer list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        list.json().forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }

    private static byte[] sample(String unit) {
        try {
            return Files.readAllBytes(TestSubmissions.SAMPLES.resolve("2024").resolve(unit + "-2024.xlsx"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long idOf(String name) {
        return jdbc.sql("SELECT id FROM submission WHERE original_name = ?").param(name).query(Long.class).single();
    }

    private long lastAuditId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
    }

    private List<String> actions(long after, String login) {
        return jdbc.sql("SELECT action FROM audit_event WHERE id > ? AND login = ?").params(after, login)
                .query(String.class).list();
    }

    private long executions() {
        return jdbc.sql("SELECT count(*) FROM batch_job_execution").query(Long.class).single();
    }

    private int submissions() {
        return jdbc.sql("SELECT count(*) FROM submission").query(Integer.class).single();
    }

    private String revalidatedAt(long id) {
        return jdbc.sql("SELECT coalesce(CAST(revalidated_at AS TEXT), '-') FROM submission WHERE id = ?").param(id)
                .query(String.class).single();
    }
}
