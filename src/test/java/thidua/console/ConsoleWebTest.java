package thidua.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.access.Role;
import thidua.access.Users;
import thidua.batch.BatchRuns;
import thidua.samples.SampleProvince;
import thidua.submission.SubmissionStore;
import thidua.testing.Database;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaWebSpringTest;
import thidua.workbook.Finding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console as each role sees it, through the real sign-in form, session cookie and CSRF
 * token, against the embedded PostgreSQL: the board, a UNIT's scope (its own row, 404 for
 * another unit's import), a LEADER's pages without a single changing form, uploads with
 * their verdicts, rerun, errors in Vietnamese (pages and JSON). The pages fetched are
 * saved under target/console-pages/ to be looked at.
 */
@ThiduaWebSpringTest
class ConsoleWebTest {
    static final String DATA = ThiduaWebSpringTest.DATA_DIR;
    private static final String PASSWORD = "mat-khau-thu-nghiem-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path PAGES = Path.of("target/console-pages");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    BatchRuns runs;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SubmissionStore submissions;

    private static boolean prepared;
    private static SampleProvince.Submission rejectedInInbox;

    /** Once for the class: the sample scheme, four files through the inbox, a consolidation, one user per role. */
    @BeforeEach
    void prepare() throws Exception {
        if (prepared) {
            return;
        }
        Database.reset(jdbc, DATA);
        assertThat(runs.scheme(TestSubmissions.SCHEME).ok()).isTrue();
        Path inbox = Files.createDirectories(Path.of(DATA, "inbox"));
        rejectedInInbox = invalidSamples().get(0);
        for (String name : List.of("PA01-2024.xlsx", "PA02-2024.xlsx", "PC08-2024.xlsx", rejectedInInbox.fileName())) {
            Path file = Files.copy(TestSubmissions.SAMPLES.resolve("2024").resolve(name), inbox.resolve(name));
            Files.setLastModifiedTime(file, FileTime.from(TestSubmissions.ON_TIME.toInstant()));
        }
        assertThat(runs.importInbox(inbox).summary()).isEqualTo("import: 3 accepted, 1 rejected, 0 duplicate; error reports: 1 to unit outboxes");
        assertThat(runs.consolidate("2024", Path.of(DATA, "out")).ok()).isTrue();
        add("quantri", Role.ADMIN, null, "Nguyễn Văn Quản");
        add("thuongtruc", Role.HQ, null, "Trần Thị Thường");
        add("lanhdao", Role.LEADER, null, "Lê Văn Lãnh");
        add("donvi-pa01", Role.UNIT, "PA01", "Phạm Thị Đơn");
        Files.createDirectories(PAGES);
        prepared = true;
    }

    @Test
    void theBoardListsEveryUnitWithItsStatusAndLinksToImportsAndOutputs() throws Exception {
        Browser hq = signIn("thuongtruc");
        Page board = hq.get("/tong-quan?ky=2024", "tong-quan-hq");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains("Thi đua Vì an ninh Tổ quốc", "Trần Thị Thường", "Cơ quan thường trực",
                "Đăng xuất", "Hạn nộp", "20/12/2024", "đã quá hạn");
        assertThat(row(board, "PA01")).contains("Đã nộp", "18/12/2024 09:00", "/tep/" + idOf("PA01-2024.xlsx"));
        assertThat(row(board, "PC08")).contains("Đã nộp");
        assertThat(row(board, rejectedInInbox.unitCode())).contains("Bị trả lại");
        assertThat(row(board, "PC03")).contains("Chưa nộp");
        int units = SampleProvince.submissions().stream().map(SampleProvince.Submission::unitCode)
                .collect(Collectors.toSet()).size();
        assertThat(board.body().split("<tr>").length).isGreaterThan(units);
        assertThat(board.body()).contains("/tong-hop/2024/bang-diem-2024.xlsx", "Tổng hợp lúc");
        // The menu shows what HQ may use, not the ADMIN's pages.
        assertThat(board.body()).contains("href=\"/tep\"", "href=\"/nop\"", "href=\"/lan-chay\"", "href=\"/tong-hop\"")
                .doesNotContain("href=\"/nguoi-dung\"", "href=\"/nhat-ky\"");
        assertThat(hq.get("/", "root").body()).contains("Tình hình nộp báo cáo của các đơn vị");

        JsonNode status = hq.json("/api/periods/2024/status", 200);
        assertThat(status.path("units").size()).isEqualTo(countRows(board));
        assertThat(status.path("deadline").asString()).isEqualTo("2024-12-20");
        Page runsPage = hq.get("/lan-chay", "lan-chay");
        assertThat(runsPage.body()).contains("Tổng hợp kỳ", "Nhận tệp từ thư mục nhận", "Hoàn tất", "kỳ 2024",
                "3 tệp được nhận, 1 bị trả lại, 0 trùng lặp");
        assertThat(hq.get("/tep?ky=2024&trang-thai=REJECTED", "tep-hq").body())
                .contains(rejectedInInbox.fileName(), "Bị trả lại").doesNotContain("PA01-2024.xlsx");
        assertThat(hq.get("/tong-hop", "tong-hop-hq").body()).contains("Tổng hợp ngay", "bang-diem-2024.xlsx");
    }

    @Test
    void aUnitSeesOnlyItsOwnUnitAndAnotherUnitsImportIsNotFound() throws Exception {
        Browser unit = signIn("donvi-pa01");
        Page board = unit.get("/tong-quan?ky=2024", "tong-quan-unit");
        assertThat(board.status()).isEqualTo(200);
        assertThat(row(board, "PA01")).contains("Đã nộp");
        assertThat(countRows(board)).isEqualTo(1);
        assertThat(board.body()).doesNotContain(">PA02<", ">PC08<", "/tong-hop/2024/");
        assertThat(board.body()).doesNotContain("href=\"/lan-chay\"", "href=\"/tong-hop\"", "href=\"/nguoi-dung\"");

        long own = idOf("PA01-2024.xlsx");
        long other = idOf("PA02-2024.xlsx");
        assertThat(unit.get("/tep/" + own, "tep-unit").status()).isEqualTo(200);
        Page notOwn = unit.get("/tep/" + other, "tep-khac-unit");
        assertThat(notOwn.status()).isEqualTo(404);
        assertThat(notOwn.body()).contains("Không tìm thấy").doesNotContain("PA02-2024.xlsx", "Exception");
        assertThat(unit.get("/tep/" + other + "/goc", null).status()).isEqualTo(404);
        assertThat(unit.get("/tep/999999", null).status()).isEqualTo(404);
        Page hex = unit.get("/tep/0x10", "tep-0x10");
        assertThat(hex.status()).isEqualTo(404);
        assertThat(hex.body()).contains("Không tìm thấy");
        assertThat(unit.get("/tep", "tep-list-unit").body()).contains("PA01-2024.xlsx")
                .doesNotContain("PA02-2024.xlsx", "id=\"don-vi\"");
        Page runsPage = unit.get("/lan-chay", "lan-chay-unit");
        assertThat(runsPage.status()).isEqualTo(403);
        assertThat(runsPage.body()).contains("Không có quyền", "không có quyền");

        JsonNode status = unit.json("/api/periods/2024/status", 200);
        assertThat(status.path("units").size()).isEqualTo(1);
        assertThat(status.path("units").get(0).path("unitCode").asString()).isEqualTo("PA01");
        assertThat(status.path("units").get(0).path("statusLabel").asString()).isEqualTo("Đã nộp");
        assertThat(unit.json("/api/periods/9999/status", 404).path("error").asString()).contains("không có kỳ báo cáo");
    }

    @Test
    void aLeaderReadsTheBoardAndOutputsWithNoFormThatChangesAnything() throws Exception {
        Browser leader = signIn("lanhdao");
        for (String path : List.of("/tong-quan?ky=2024", "/tong-hop", "/doi-mat-khau")) {
            Page page = leader.get(path, "leader" + path.replaceAll("[^a-z0-9]+", "-"));
            assertThat(page.status()).as(path).isEqualTo(200);
            // The only POST form a leader gets: signing out (and, on its page, changing their own password).
            assertThat(postActions(page.body())).as(path).allMatch(a -> a.equals("/dang-xuat") || a.equals("/doi-mat-khau"));
            assertThat(page.body()).as(path).doesNotContain("Tổng hợp ngay", "Kiểm tra lại", "Chạy tiếp",
                    "type=\"file\"", "href=\"/nop\"", "href=\"/tep\"", "href=\"/lan-chay\"");
        }
        Page outputs = leader.get("/tong-hop", null);
        assertThat(outputs.body()).contains("bang-diem-2024.xlsx");
        HttpResponse<byte[]> file = leader.download("/tong-hop/2024/bang-diem-2024.xlsx");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.body()).isNotEmpty();
        assertThat(audited("lanhdao", "DOWNLOAD_OUTPUT")).isEqualTo(1);
        assertThat(leader.download("/tong-hop/2024/..%2F..%2Fthidua.log").statusCode()).isIn(400, 404);
        assertThat(leader.download("/tong-hop/2024/thidua.log").statusCode()).isEqualTo(404);
        assertThat(leader.get("/nop", null).status()).isEqualTo(403);
        assertThat(leader.get("/tep/" + idOf("PA01-2024.xlsx"), null).status()).isEqualTo(403);
        assertThat(leader.post("/tong-hop/2024", Map.of(), leader.csrf).statusCode()).isEqualTo(403);
    }

    @Test
    void anUploadShowsEachVerdictAtOnceWithTheErrorCellsAndARejectedFileCanBeRerun() throws Exception {
        Browser hq = signIn("thuongtruc");
        Page form = hq.get("/nop", "nop-form");
        assertThat(form.body()).contains("giống hệt", "multiple", "accept=\".xlsx,.xls\"", "10 MB");
        SampleProvince.Submission invalid = invalidSamples().get(1);
        Path valid = TestSubmissions.SAMPLES.resolve("2024").resolve("PC01-2024.xlsx");
        Path bad = TestSubmissions.SAMPLES.resolve("2024").resolve(invalid.fileName());
        Page result = hq.upload(formAction(form.body()), "nop-ket-qua", valid, bad);
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.body()).contains("Đã nhận", "PC01-2024.xlsx", "cho đơn vị PC01", "Bị trả lại",
                invalid.fileName(), "Tải báo cáo lỗi");
        long rejected = idOf(invalid.fileName());
        List<Finding> errors = submissions.findings(rejected).stream().filter(Finding::isError).toList();
        assertThat(errors).isNotEmpty();
        for (Finding e : errors) {
            assertThat(result.body()).contains(e.code(), ">" + e.cell() + "<");
        }
        assertThat(row(hq.get("/tong-quan?ky=2024", null), "PC01")).contains("Nộp muộn");

        HttpResponse<byte[]> report = hq.download("/tep/" + rejected + "/bao-cao-loi");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(audited("thuongtruc", "DOWNLOAD_ERROR_REPORT")).isEqualTo(1);

        // The same bytes again: a duplicate of the first.
        Page again = hq.upload(formAction(result.body()), null, valid);
        assertThat(again.body()).contains("Trùng lặp", "#" + idOf("PC01-2024.xlsx"));

        Page detail = hq.get("/tep/" + rejected, "tep-chi-tiet");
        assertThat(detail.body()).contains("Kiểm tra lại", "Mã lỗi", errors.get(0).code());
        HttpResponse<String> rerun = hq.post("/tep/" + rejected + "/kiem-tra-lai", Map.of(), csrfOf(detail.body()));
        assertThat(rerun.statusCode()).isEqualTo(200);
        assertThat(rerun.body()).contains("vẫn bị trả lại");
        assertThat(audited("thuongtruc", "RERUN")).isEqualTo(1);
        save("tep-kiem-tra-lai", rerun.body());
    }

    @Test
    void aUnitUploadingAnotherUnitsFileIsRejectedForItAndAnOversizeUploadIsA413Page() throws Exception {
        Browser unit = signIn("donvi-pa01");
        Page form = unit.get("/nop", "nop-unit");
        assertThat(form.body()).contains("chỉ nộp được báo cáo của chính đơn vị này");
        Page result = unit.upload(formAction(form.body()), "nop-unit-ket-qua",
                TestSubmissions.SAMPLES.resolve("2024").resolve("PA03-2024.xlsx"));
        assertThat(result.body()).contains("Bị trả lại", "E-UNIT-NOT-OWN");

        Path big = Files.createTempFile("qua-lon", ".xlsx");
        try {
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < 11; i++) {
                Files.write(big, chunk, java.nio.file.StandardOpenOption.APPEND);
            }
            Page tooLarge = unit.upload(formAction(form.body()), "nop-qua-lon", big);
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("Tệp quá lớn", "10 MB").doesNotContain("Exception");
            assertThat(audited("donvi-pa01", "UPLOAD")).isEqualTo(1);
            // The API says the same in JSON (HTTP Basic, as scripts send it).
            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/uploads"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("donvi-pa01:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=b")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("b", big))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(api.body()).path("error").asString()).contains("vượt giới hạn dung lượng");
        } finally {
            Files.delete(big);
        }
    }

    @Test
    void errorsAreVietnameseJsonForTheApiAndVietnamesePagesElsewhere() throws Exception {
        Browser hq = signIn("thuongtruc");
        JsonNode missing = hq.json("/api/khong-co", 404);
        assertThat(missing.path("error").asString()).isEqualTo("không có địa chỉ này");
        Page page = hq.get("/khong-co", "khong-co");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Không tìm thấy", "Về trang Tổng quan").doesNotContain("Whitelabel");
        Page users = hq.get("/nguoi-dung", null);
        assertThat(users.status()).isEqualTo(403);
        assertThat(users.body()).contains("Tài khoản của bạn không có quyền làm việc này.");
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/khong-co"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).path("error").asString()).contains("Cần đăng nhập");
        Page signInPage = new Browser().get("/dang-nhap?loi", "dang-nhap-loi");
        assertThat(signInPage.body()).contains("Tên đăng nhập", "Mật khẩu", "Đăng nhập",
                "Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    @Test
    void anAdminManagesUsersWhoseTemporaryPasswordMustBeChangedAndReadsTheAuditLog() throws Exception {
        Browser admin = signIn("quantri");
        Page list = admin.get("/nguoi-dung", "nguoi-dung");
        assertThat(list.body()).contains("thuongtruc", "Lãnh đạo", "PA01", "Đang dùng", "Thêm người dùng");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "donvi-pc08");
        form.put("name", "Đỗ Văn Tám");
        form.put("role", "UNIT");
        form.put("unit", "PC08");
        form.put("password", "tam-thoi-12345");
        HttpResponse<String> added = admin.post("/nguoi-dung", form, csrfOf(list.body()));
        assertThat(added.body()).contains("Đã thêm người dùng donvi-pc08", "phải đổi mật khẩu");
        form.put("login", "x");
        HttpResponse<String> refused = admin.post("/nguoi-dung", form, csrfOf(added.body()));
        assertThat(refused.body()).contains("Chưa thêm được người dùng", "không hợp lệ");

        Browser clerk = new Browser();
        HttpResponse<String> first = clerk.signIn("donvi-pc08", "tam-thoi-12345");
        assertThat(first.uri().getPath()).isEqualTo("/doi-mat-khau");
        assertThat(first.body()).contains("cần đổi trước khi dùng hệ thống").doesNotContain("href=\"/tep\"");
        save("doi-mat-khau-bat-buoc", first.body());
        assertThat(clerk.get("/tong-quan", null).uri().getPath()).isEqualTo("/doi-mat-khau");
        Map<String, String> change = Map.of("current", "tam-thoi-12345", "next", "mat-khau-moi-cua-toi",
                "repeat", "mat-khau-moi-cua-toi");
        HttpResponse<String> changed = clerk.post("/doi-mat-khau", change, csrfOf(first.body()));
        assertThat(changed.uri().getPath()).isEqualTo("/tong-quan");
        assertThat(changed.body()).contains("Đã đổi mật khẩu.", "Đơn vị của bạn");

        HttpResponse<String> disabled = admin.post("/nguoi-dung/donvi-pc08/vo-hieu", Map.of(), csrfOf(refused.body()));
        assertThat(disabled.body()).contains("Đã vô hiệu hoá tài khoản donvi-pc08", "Đã vô hiệu hoá", "Kích hoạt lại");
        assertThat(clerk.get("/tong-quan", null).uri().toString()).endsWith("/dang-nhap?vo-hieu");

        Page log = admin.get("/nhat-ky", "nhat-ky");
        assertThat(log.body()).contains("Đăng nhập", "Thêm người dùng", "Tự đổi mật khẩu", "Vô hiệu hoá người dùng",
                "donvi-pc08").doesNotContain("Xoá</button>", "Sửa</button>");
        assertThat(postActions(log.body())).containsOnly("/dang-xuat");
        assertThat(admin.get("/nhat-ky?viec=USER_ADD", null).body()).contains("Thêm người dùng")
                .doesNotContain("Tự đổi mật khẩu</td>");
    }

    // ------------------------------------------------------------------ helpers

    private void add(String login, Role role, String unit, String name) throws Users.Refused {
        users.add(login, role, unit, name, PASSWORD, false, Users.Actor.TERMINAL);
    }

    private static List<SampleProvince.Submission> invalidSamples() {
        List<SampleProvince.Submission> invalid = SampleProvince.submissions().stream().filter(s -> !s.valid())
                .filter(s -> Files.isRegularFile(TestSubmissions.SAMPLES.resolve("2024").resolve(s.fileName())))
                .toList();
        assertThat(invalid).hasSizeGreaterThanOrEqualTo(2);
        return invalid;
    }

    private long idOf(String name) {
        return jdbc.sql("SELECT min(id) FROM submission WHERE original_name = ?").param(name).query(Long.class).single();
    }

    private long audited(String login, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE login = ? AND action = ?").params(login, action)
                .query(Long.class).single();
    }

    /** The board's table row of a unit (its code in a cell of its own), or "" when there is none. */
    private static String row(Page page, String unit) {
        Matcher m = Pattern.compile("<tr>(?:(?!</tr>).)*?<td class=\"code\">" + Pattern.quote(unit) + "</td>.*?</tr>",
                Pattern.DOTALL).matcher(page.body());
        return m.find() ? m.group() : "";
    }

    /** The units on the board: one code cell each. */
    private static int countRows(Page page) {
        String body = page.body();
        int table = body.indexOf("<table class=\"board\">");
        String board = body.substring(table, body.indexOf("</table>", table));
        return board.split("<td class=\"code\">", -1).length - 1;
    }

    private static List<String> postActions(String html) {
        List<String> actions = new ArrayList<>();
        Matcher m = Pattern.compile("<form[^>]*>").matcher(html);
        while (m.find()) {
            String tag = m.group();
            if (tag.contains("method=\"post\"")) {
                Matcher a = Pattern.compile("action=\"([^\"?]*)").matcher(tag);
                actions.add(a.find() ? a.group(1) : "");
            }
        }
        return actions;
    }

    /** The action of the page's multipart form, as a browser would post to it. */
    private static String formAction(String html) {
        Matcher m = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*enctype=\"multipart/form-data\"").matcher(html);
        assertThat(m.find()).as("upload form").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static byte[] multipart(String boundary, Path file) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token in the page").isTrue();
        return m.group(1);
    }

    private static void save(String name, String html) throws IOException {
        Files.writeString(PAGES.resolve(name + ".html"), html);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Browser signIn(String login) throws Exception {
        Browser b = new Browser();
        HttpResponse<String> r = b.signIn(login, PASSWORD);
        assertThat(r.uri().getPath()).as(r.body()).isEqualTo("/tong-quan");
        return b;
    }

    private record Page(int status, String body, URI uri) {
    }

    /** A person's browser: cookies kept, redirects followed, the CSRF token taken from each page. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        private String csrf;

        HttpResponse<String> signIn(String login, String password) throws Exception {
            Page form = get("/dang-nhap", "dang-nhap");
            return post("/dang-nhap", Map.of("username", login, "password", password), csrfOf(form.body()));
        }

        Page get(String path, String saveAs) throws Exception {
            HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + " (the server log says why)").isLessThan(500);
            remember(r.body());
            if (saveAs != null) {
                save(saveAs, r.body());
            }
            return new Page(r.statusCode(), r.body(), r.uri());
        }

        JsonNode json(String path, int status) throws Exception {
            HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            return JSON.readTree(r.body());
        }

        HttpResponse<byte[]> download(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> post(String path, Map<String, String> fields, String token) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", token);
            String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> r = http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + " (the server log says why)").isLessThan(500);
            remember(r.body());
            return r;
        }

        /** Posts files as the upload form does: multipart, field `file`, the token as the page gives it. */
        Page upload(String action, String saveAs, Path... files) throws Exception {
            String boundary = "----thidua" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Path f : files) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + f.getFileName() + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument"
                        + ".spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(Files.readAllBytes(f));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(request(action)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(action + " (the server log says why)").isLessThan(500);
            remember(r.body());
            if (saveAs != null) {
                save(saveAs, r.body());
            }
            return new Page(r.statusCode(), r.body(), r.uri());
        }

        private void remember(String html) {
            Matcher m = CSRF.matcher(html);
            if (m.find()) {
                csrf = m.group(1);
            }
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(1));
        }
    }
}
