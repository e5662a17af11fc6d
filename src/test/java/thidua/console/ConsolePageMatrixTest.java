package thidua.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
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

/**
 * The role table of OPERATIONS.md over every console page and form, as the server enforces
 * it (not as the menu shows it): anonymous callers are sent to the sign-in page, each role
 * reaches exactly its pages and gets 403 elsewhere, and a UNIT user's guess at another
 * unit's import is 404, as an id that does not exist. Every mapping of the console is in
 * the matrix, so a new page fails here until its roles are written down.
 */
@ThiduaWebSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePageMatrixTest {
    static final String DATA_DIR = ThiduaWebSpringTest.DATA_DIR;
    private static final Path DATA = Path.of(DATA_DIR).toAbsolutePath();
    private static final String PASSWORD = "Mat-khau-thu-nghiem-1";
    private static final Map<Role, String> LOGIN = Map.of(Role.ADMIN, "quantri", Role.HQ, "thuongtruc",
            Role.LEADER, "lanhdao", Role.UNIT, "donvi-pa01");
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> HQ = EnumSet.of(Role.ADMIN, Role.HQ);
    private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.HQ, Role.LEADER);
    private static final Set<Role> SENDERS = EnumSet.of(Role.ADMIN, Role.HQ, Role.UNIT);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

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
    /** PA01's accepted and rejected imports, PC08's accepted one, PA05's rejected one; the import's execution. */
    private long pa01;
    private long pc08;
    private long pa05;
    private long pa01Rejected;
    private long execution;

    @BeforeAll
    void data() throws Exception {
        Database.reset(jdbc, DATA_DIR);
        assertThat(runs.scheme(TestSubmissions.SCHEME).ok()).isTrue();
        for (var e : LOGIN.entrySet()) {
            users.add(e.getValue(), e.getKey(), e.getKey() == Role.UNIT ? "PA01" : null, null, PASSWORD, false,
                    Users.Actor.TERMINAL);
        }
        users.add("muc-tieu", Role.LEADER, null, null, PASSWORD, false, Users.Actor.TERMINAL);
        Path inbox = Files.createDirectories(DATA.resolve("inbox"));
        for (String unit : new String[] {"PA01", "PC08", "PA05"}) {
            Files.copy(TestSubmissions.SAMPLES.resolve("2024").resolve(unit + "-2024.xlsx"), inbox.resolve(unit + ".xlsx"));
        }
        try (WorkbookEdits edits = WorkbookEdits.copyOf(TestSubmissions.SAMPLES.resolve("2024/PA01-2024.xlsx"))) {
            Path work = Files.createDirectories(DATA.resolve("work"));
            Files.move(edits.blank("Chỉ tiêu", "E6").saveAs(work, "PA01-loi.xlsx"), inbox.resolve("PA01-loi.xlsx"));
        }
        try (var files = Files.list(inbox)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, FileTime.from(TestSubmissions.ON_TIME.toInstant()));
            }
        }
        RunResult imported = runs.importInbox(inbox);
        assertThat(imported.summary()).isEqualTo("import: 2 accepted, 2 rejected, 0 duplicate; error reports: 2 to unit outboxes");
        execution = imported.execution().getId();
        pa01 = idOf("PA01.xlsx");
        pc08 = idOf("PC08.xlsx");
        pa05 = idOf("PA05.xlsx");
        pa01Rejected = idOf("PA01-loi.xlsx");
        assertThat(runs.consolidate("2024", DATA.resolve("out")).ok()).isTrue();
    }

    private long idOf(String name) {
        return jdbc.sql("SELECT id FROM submission WHERE original_name = ?").param(name).query(Long.class).single();
    }

    /** One page or form (ids are PA01's where a UNIT may: its own unit) and who may use it. */
    private record Page(String method, String pattern, String path, Set<Role> may, Map<String, String> form) {
        static Page get(String pattern, String path, Set<Role> may) {
            return new Page("GET", pattern, path, may, Map.of());
        }

        static Page post(String pattern, String path, Set<Role> may, Map<String, String> form) {
            return new Page("POST", pattern, path, may, form);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Page> everyPage() {
        List<Page> pages = new ArrayList<>();
        pages.add(Page.get("/", "/", EVERYONE));
        pages.add(Page.get("/tong-quan", "/tong-quan?ky=2024", EVERYONE));
        pages.add(Page.get("/doi-mat-khau", "/doi-mat-khau", EVERYONE));
        // A wrong current password: the form answers with its refusal, nothing changes.
        pages.add(Page.post("/doi-mat-khau", "/doi-mat-khau", EVERYONE,
                Map.of("current", "sai", "next", "Mat-khau-moi-12345", "repeat", "Mat-khau-moi-12345")));
        pages.add(Page.get("/tep", "/tep", SENDERS));
        pages.add(Page.get("/tep/{id}", "/tep/" + pa01, SENDERS));
        pages.add(Page.get("/tep/{id}/goc", "/tep/" + pa01 + "/goc", SENDERS));
        pages.add(Page.get("/tep/{id}/bao-cao-loi", "/tep/" + pa01Rejected + "/bao-cao-loi", SENDERS));
        pages.add(Page.post("/tep/{id}/kiem-tra-lai", "/tep/" + pa05 + "/kiem-tra-lai", HQ, Map.of()));
        pages.add(Page.get("/nop", "/nop", SENDERS));
        pages.add(Page.get("/lan-chay", "/lan-chay", HQ));
        // A completed execution: the page answers with its refusal to restart it.
        pages.add(Page.post("/lan-chay/{id}/chay-tiep", "/lan-chay/" + execution + "/chay-tiep", HQ, Map.of()));
        pages.add(Page.get("/tong-hop", "/tong-hop", READERS));
        pages.add(Page.get("/tong-hop/{period}/{file}", "/tong-hop/2024/bang-diem-2024.xlsx", READERS));
        pages.add(Page.post("/tong-hop/{period}", "/tong-hop/2024", HQ, Map.of()));
        pages.add(Page.get("/nguoi-dung", "/nguoi-dung", ADMIN));
        // An invalid login: the form answers with its refusal, nobody is added.
        pages.add(Page.post("/nguoi-dung", "/nguoi-dung", ADMIN,
                Map.of("login", "?", "name", "", "role", "HQ", "unit", "", "password", PASSWORD)));
        pages.add(Page.post("/nguoi-dung/{login}/vo-hieu", "/nguoi-dung/muc-tieu/vo-hieu", ADMIN, Map.of()));
        pages.add(Page.post("/nguoi-dung/{login}/kich-hoat", "/nguoi-dung/muc-tieu/kich-hoat", ADMIN, Map.of()));
        pages.add(Page.post("/nguoi-dung/{login}/mat-khau", "/nguoi-dung/muc-tieu/mat-khau", ADMIN,
                Map.of("password", "Mat-khau-tam-thoi-9")));
        pages.add(Page.get("/nhat-ky", "/nhat-ky", ADMIN));
        return pages;
    }

    @Test
    void everyPageAnswersEachRoleExactlyAsTheRoleTableSays() {
        List<Page> pages = everyPage();
        // Every console mapping is here, but the sign-in form, the error page and the upload (below).
        List<String> mapped = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getPackageName().equals("thidua.console"))
                .flatMap(e -> e.getKey().getMethodsCondition().getMethods().stream()
                        .flatMap(m -> e.getKey().getPatternValues().stream().map(p -> m + " " + p)))
                .filter(m -> !m.equals("GET /dang-nhap") && !m.endsWith(" /error") && !m.equals("POST /nop"))
                .toList();
        assertThat(pages.stream().map(p -> p.method() + " " + p.pattern()))
                .containsExactlyInAnyOrderElementsOf(mapped);

        SoftAssertions soft = new SoftAssertions();
        Web anonymous = Web.at(port);
        for (Page page : pages) {
            Answer a = send(anonymous, page);
            soft.assertThat(a.status()).as("anonymous " + page).isEqualTo(302);
            soft.assertThat(a.location()).as("anonymous " + page).endsWith("/dang-nhap");
        }
        for (Role role : Role.values()) {
            Web signed = Web.at(port);
            assertThat(signed.signIn(LOGIN.get(role), PASSWORD).status()).isEqualTo(302);
            for (Page page : pages) {
                Answer a = send(signed, page);
                if (page.may().contains(role)) {
                    soft.assertThat(a.status()).as(role + " " + page + " " + a).isIn(200, 302);
                    soft.assertThat(a.location() == null ? "" : a.location()).as(role + " " + page)
                            .doesNotContain("/dang-nhap");
                } else {
                    soft.assertThat(a.status()).as(role + " " + page).isEqualTo(403);
                    soft.assertThat(a.text()).as(role + " " + page).contains("không có quyền");
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void aUnitUserGuessingAnotherUnitsImportFindsNothingThere() {
        Web unit = Web.at(port);
        unit.signIn(LOGIN.get(Role.UNIT), PASSWORD);
        assertThat(unit.get("/tep/" + pa01).status()).isEqualTo(200);
        long unknown = pa05 + 1000;
        for (long id : new long[] {pc08, pa05, unknown}) {
            for (String path : new String[] {"/tep/" + id, "/tep/" + id + "/goc", "/tep/" + id + "/bao-cao-loi"}) {
                Answer a = unit.get(path, "Accept", Web.BROWSER_ACCEPT);
                assertThat(a.status()).as(path).isEqualTo(404);
                assertThat(a.text()).as(path).contains("Không tìm thấy").doesNotContain("PC08.xlsx", "PA05.xlsx");
            }
        }
        assertThat(unit.get("/tep").text()).contains("PA01.xlsx").doesNotContain("PC08.xlsx", "PA05.xlsx");
    }

    @Test
    void uploadingIsForSendersOnly() {
        for (Role role : Role.values()) {
            Web signed = Web.at(port);
            signed.signIn(LOGIN.get(role), PASSWORD);
            // Not a workbook: refused before anything is stored, whoever may send.
            // The token in a header: one in the address is refused (EndpointWalkTest).
            Answer a = signed.upload("/nop", "file",
                    List.of(new Web.FilePart("ghi-chu.xlsx", "không phải bảng tính".getBytes())),
                    "Accept", Web.BROWSER_ACCEPT, "X-CSRF-TOKEN", signed.csrfToken());
            if (SENDERS.contains(role)) {
                assertThat(a.status()).as(role.name()).isEqualTo(200);
                assertThat(a.text()).as(role.name()).contains("E-FILE-NOT-SPREADSHEET");
            } else {
                assertThat(a.status()).as(role.name()).isEqualTo(403);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM submission WHERE original_name = 'ghi-chu.xlsx'")
                .query(Long.class).single()).isZero();
    }

    private static Answer send(Web web, Page page) {
        if (page.method().equals("GET")) {
            return web.get(page.path(), "Accept", Web.BROWSER_ACCEPT);
        }
        Map<String, String> form = new java.util.LinkedHashMap<>(page.form());
        form.put("_csrf", web.csrfToken());
        return web.form(page.path(), form);
    }
}
