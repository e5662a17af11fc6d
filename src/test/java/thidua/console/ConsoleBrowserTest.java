package thidua.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import thidua.command.ConsoleCapture;
import thidua.command.TestCommands;
import thidua.samples.ArrivalManifest;
import thidua.samples.SampleProvince;
import thidua.testing.Browser;
import thidua.testing.Database;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaWebSpringTest;

/**
 * The console as its people use it, in a real headless Chromium (Debian's, through
 * chromium-driver) against the shared test context's real server on a random port and its
 * embedded PostgreSQL: the first users made with the terminal's own command (`user add`,
 * password on standard input), the others by the ADMIN in *Người dùng*; HQ sees the board,
 * uploads a valid and an invalid sample, reads the errors with their cells, downloads the
 * error report and opens it with POI, reruns, and consolidates; a unit's clerk changes the
 * temporary password, uploads its own file and another unit's, and sees only its own; a
 * leader downloads an output and finds nothing that changes data. Every page is saved under
 * target/screenshots/. (`serve` in a process of its own, started and stopped as a service
 * manager does, is TwoInstancesTest's.)
 */
@ThiduaWebSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    private static final String DATA_DIR = ThiduaWebSpringTest.DATA_DIR;
    private static final Path DATA = Path.of(DATA_DIR).toAbsolutePath();
    private static final Path DOWNLOADS = Path.of("target", "test-data", "console-browser").toAbsolutePath();
    private static final String HQ_PASSWORD = "Thường-trực-2024";
    private static final String ADMIN_PASSWORD = "Quản-trị-viên-2024";
    private static final String TEMPORARY = "Tạm-thời-2024!";
    /** Sent through the console in this test, so kept out of the inbox imported beforehand. */
    private static final List<String> UPLOADED = List.of("PC08-2024.xlsx", "PA01-2024.xlsx", "PC09-2024.xlsx");
    private static String base;
    private static String invalid;

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @BeforeAll
    void serveTheSamples() throws Exception {
        Database.reset(jdbc, DATA_DIR);
        FileSystemUtils.deleteRecursively(DOWNLOADS);
        // The inbox `serve` files the console's uploads beside (thidua.inbox-dir), as in production.
        Path inbox = Files.createDirectories(DATA.resolve("inbox"));
        invalid = SampleProvince.submissions().stream().filter(s -> !s.valid()).findFirst().orElseThrow().fileName();
        Path samples = TestSubmissions.SAMPLES.resolve(SampleProvince.SUBMISSION_FOLDER);
        Map<String, OffsetDateTime> arrivals = ArrivalManifest.read(TestSubmissions.SAMPLES.resolve(SampleProvince.MANIFEST_FILE));
        try (var files = Files.list(samples)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!UPLOADED.contains(name) && !name.equals(invalid)) {
                    Path copy = Files.copy(f, inbox.resolve(name));
                    Files.setLastModifiedTime(copy, FileTime.from(arrivals.get(name).toInstant()));
                }
            }
        }
        command(null, "run", "--scheme", TestSubmissions.SCHEME.toAbsolutePath().toString(), "--inbox",
                inbox.toString(), "--period", "2024", "--out", DATA.resolve("out").toString());
        command(HQ_PASSWORD + "\n", "user", "add", "--login", "hq", "--role", "HQ", "--name",
                "Trần Thị Thường Trực");
        command(ADMIN_PASSWORD + "\n", "user", "add", "--login", "quantri", "--role", "ADMIN",
                "--name", "Quản trị hệ thống");
        base = "http://127.0.0.1:" + port;
    }

    /** A command as the terminal runs it, {@code input} (if any) on its standard input; it must exit 0. */
    private void command(String input, String... args) throws Exception {
        ConsoleCapture.Result result = input == null ? TestCommands.run(context, args)
                : TestCommands.runWithInput(context, input, args);
        assertThat(result.exit()).as(result.output()).isZero();
    }

    @Test
    void headquartersUnitsAndLeadersWorkInTheConsole() throws Exception {
        // One browser for the four people, signed out between them (its cookies gone): each Chromium
        // started costs the two cores seconds. Their downloads differ by name.
        try (Browser browser = Browser.start(DOWNLOADS, 1280, 900)) {
            asEachPerson(browser);
        }
    }

    private void asEachPerson(Browser browser) throws Exception {
        // The ADMIN made at the terminal adds a unit clerk and a leader, with temporary passwords.
        {
            Browser admin = browser;
            WebDriver d = admin.driver();
            Browser.open(d, base + "/");
            assertThat(d.getCurrentUrl()).contains("/dang-nhap");
            admin.screenshot("01-dang-nhap");
            signIn(d, "quantri", ADMIN_PASSWORD);
            Browser.open(d, base + "/nguoi-dung");
            addUser(d, "pa01", "Lê Văn Văn Thư", "UNIT", "PA01");
            addUser(d, "lanhdao", "Phạm Đức Lãnh Đạo", "LEADER", "");
            assertThat(text(d)).contains("pa01", "lanhdao", "Lê Văn Văn Thư");
            admin.screenshot("02-nguoi-dung");
            Browser.open(d, base + "/nhat-ky");
            assertThat(text(d)).contains("quantri");
            admin.screenshot("03-nhat-ky");
        }

        long rejectedId;
        long acceptedId;
        browser.signOut();
        {
            Browser hq = browser;
            WebDriver d = hq.driver();
            signIn(d, "hq", HQ_PASSWORD);
            assertThat(d.getCurrentUrl()).contains("/tong-quan");
            String board = text(d);
            assertThat(board).contains("Tổng quan", "Đã nộp", "Chưa nộp", "Bị trả lại", "PC08", "PA01");
            hq.screenshotWholePage("04-tong-quan");
            d.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            hq.screenshot("04-tong-quan-dien-thoai");
            d.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

            // One valid and one invalid sample in one go: the verdicts at once, every error with its cell.
            Browser.open(d, base + "/nop");
            upload(d, sample("PC08-2024.xlsx"), sample(invalid));
            String verdicts = text(d);
            assertThat(verdicts).contains("PC08-2024.xlsx", "Đã nhận", invalid, "Bị trả lại");
            List<thidua.workbook.Finding> expected = expectedErrors(invalid);
            assertThat(expected).isNotEmpty();
            for (thidua.workbook.Finding f : expected) {
                assertThat(verdicts).contains(f.code(), f.cell());
            }
            hq.screenshot("05-nop-ket-qua");
            acceptedId = idFromLink(d, "PC08-2024.xlsx");
            rejectedId = idFromLink(d, invalid);

            // The error report: the unit's own workbook, `Lỗi` first, each error listed.
            Browser.find(d, By.partialLinkText("Tải báo cáo lỗi")).click();
            Path report = hq.awaitDownload(".loi.xlsx", Duration.ofSeconds(30));
            try (Workbook wb = WorkbookFactory.create(report.toFile(), null, true)) {
                Sheet first = wb.getSheetAt(0);
                assertThat(first.getSheetName()).isEqualTo("Lỗi");
                String listed = sheetText(first);
                for (thidua.workbook.Finding f : expected) {
                    assertThat(listed).contains(f.code(), f.cell());
                }
            }

            Browser.open(d, base + "/tep");
            assertThat(text(d)).contains("PC08-2024.xlsx", invalid);
            hq.screenshot("06-tep-da-nhan");
            Browser.open(d, base + "/tep/" + rejectedId);
            assertThat(text(d)).contains(expected.get(0).code(), expected.get(0).cell());
            hq.screenshot("07-tep-chi-tiet");
            submit(d, Browser.find(d, By.xpath("//button[normalize-space()='Kiểm tra lại']")));
            assertThat(text(d)).contains("vẫn bị trả lại");
            hq.screenshot("08-kiem-tra-lai");

            Browser.open(d, base + "/lan-chay");
            assertThat(text(d)).contains("Lần chạy");
            hq.screenshot("09-lan-chay");
            Browser.open(d, base + "/tong-hop");
            submit(d, Browser.find(d, By.xpath("//button[normalize-space()='Tổng hợp ngay']")));
            assertThat(text(d)).contains("bang-diem-2024.xlsx", "tong-hop-2024.xlsx", "bao-cao-2024.pdf");
            hq.screenshot("10-tong-hop");
        }

        // The unit's clerk: the temporary password is changed first; then only its own unit, anywhere.
        browser.signOut();
        {
            Browser unit = browser;
            WebDriver d = unit.driver();
            signIn(d, "pa01", TEMPORARY);
            assertThat(d.getCurrentUrl()).contains("/doi-mat-khau");
            unit.screenshot("11-doi-mat-khau");
            changePassword(d, TEMPORARY, "Văn-thư-đơn-vị-mới");
            assertThat(d.getCurrentUrl()).contains("/tong-quan");
            String board = text(d);
            assertThat(board).contains("PA01").doesNotContain("PC08", "PA02", "CAH.BS");
            unit.screenshot("12-tong-quan-don-vi");

            Browser.open(d, base + "/nop");
            upload(d, sample("PA01-2024.xlsx"), sample("PC09-2024.xlsx"));
            String verdicts = text(d);
            assertThat(verdicts).contains("PA01-2024.xlsx", "Đã nhận", "PC09-2024.xlsx", "E-UNIT-NOT-OWN");
            unit.screenshot("13-nop-don-vi");

            Browser.open(d, base + "/tep");
            assertThat(text(d)).contains("PA01-2024.xlsx", "PC09-2024.xlsx").doesNotContain("PC08-2024.xlsx", invalid);
            unit.screenshot("14-tep-don-vi");
            Browser.open(d, base + "/tep/" + acceptedId); // HQ's upload for PC08: not this unit's
            assertThat(text(d)).contains("Không tìm thấy").doesNotContain("PC08-2024.xlsx");
            unit.screenshot("15-tep-khong-thuoc-don-vi");
            Browser.open(d, base + "/lan-chay");
            assertThat(text(d)).contains("không có quyền");
        }

        // The leader reads and downloads; nowhere a control that changes data.
        browser.signOut();
        {
            Browser leader = browser;
            WebDriver d = leader.driver();
            signIn(d, "lanhdao", TEMPORARY);
            changePassword(d, TEMPORARY, "Lãnh-đạo-mới-2024");
            assertThat(text(d)).contains("PC08", "CAH.BS");
            assertNothingChangesData(d);
            leader.screenshot("16-tong-quan-lanh-dao");
            Browser.open(d, base + "/tong-hop");
            assertNothingChangesData(d);
            assertThat(d.findElements(By.xpath("//button[normalize-space()='Tổng hợp ngay']"))).isEmpty();
            leader.screenshot("17-tong-hop-lanh-dao");
            Browser.find(d, By.linkText("bang-diem-2024.xlsx")).click();
            Path scores = leader.awaitDownload("bang-diem-2024.xlsx", Duration.ofSeconds(30));
            try (Workbook wb = WorkbookFactory.create(scores.toFile(), null, true)) {
                assertThat(wb.getSheet("Xếp hạng")).isNotNull();
                assertThat(sheetText(wb.getSheet("Xếp hạng"))).contains("PC08");
            }
            for (String page : List.of("/nop", "/tep", "/lan-chay", "/nguoi-dung")) {
                Browser.open(d, base + page);
                assertThat(text(d)).as(page).contains("không có quyền");
                assertNothingChangesData(d);
            }
        }
    }

    private static Path sample(String name) {
        return TestSubmissions.SAMPLES.resolve(SampleProvince.SUBMISSION_FOLDER).resolve(name).toAbsolutePath();
    }

    /** The errors the importer finds in a sample, read in-process: what the page must show, cell by cell. */
    private static List<thidua.workbook.Finding> expectedErrors(String name) {
        return thidua.submission.Readings.errors(sample(name));
    }

    private static void signIn(WebDriver d, String login, String password) {
        Browser.open(d, base + "/dang-nhap");
        Browser.find(d, By.name("username")).sendKeys(login);
        Browser.find(d, By.name("password")).sendKeys(password);
        submit(d, Browser.find(d, By.xpath("//button[normalize-space()='Đăng nhập']")));
    }

    private static void changePassword(WebDriver d, String current, String next) {
        Browser.find(d, By.name("current")).sendKeys(current);
        Browser.find(d, By.name("next")).sendKeys(next);
        Browser.find(d, By.name("repeat")).sendKeys(next);
        submit(d, Browser.find(d, By.xpath("//button[normalize-space()='Đổi mật khẩu']")));
    }

    private static void addUser(WebDriver d, String login, String name, String role, String unit) {
        WebElement form = Browser.find(d, By.cssSelector("form[action$='/nguoi-dung']"));
        form.findElement(By.name("login")).sendKeys(login);
        form.findElement(By.name("name")).sendKeys(name);
        new Select(form.findElement(By.name("role"))).selectByValue(role);
        form.findElement(By.name("unit")).clear();
        form.findElement(By.name("unit")).sendKeys(unit);
        form.findElement(By.name("password")).sendKeys(TEMPORARY);
        submit(d, form.findElement(By.xpath(".//button[normalize-space()='Thêm người dùng']")));
    }

    private static void upload(WebDriver d, Path... files) {
        WebElement input = Browser.find(d, By.cssSelector("input[type=file][name=file]"));
        input.sendKeys(String.join("\n", java.util.Arrays.stream(files).map(Path::toString).toList()));
        submit(d, Browser.find(d, By.xpath("//form[.//input[@type='file']]//button[@type='submit']")));
    }

    /** The import id a result card links to for {@code name}. */
    private static long idFromLink(WebDriver d, String name) {
        WebElement card = Browser.find(d, By.xpath("//article[.//*[normalize-space()='" + name + "']]"));
        String href = card.findElement(By.cssSelector("a[href*='/tep/']")).getAttribute("href");
        java.util.regex.Matcher m = Pattern.compile("/tep/(\\d+)").matcher(href);
        assertThat(m.find()).as(href).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A leader's page: the only forms that post are signing out (and changing one's own password on its page). */
    private static void assertNothingChangesData(WebDriver d) {
        for (WebElement form : d.findElements(By.tagName("form"))) {
            String method = form.getAttribute("method");
            if ("post".equalsIgnoreCase(method)) {
                assertThat(form.getAttribute("action")).as(d.getCurrentUrl()).matches(".*/(dang-xuat|doi-mat-khau)$");
            }
        }
        assertThat(d.findElements(By.cssSelector("input[type=file]"))).isEmpty();
        assertThat(text(d)).doesNotContain("Kiểm tra lại", "Chạy tiếp", "Tổng hợp ngay", "Nộp báo cáo");
    }

    /** Clicks a button that posts its form and waits until the next page has replaced this one. */
    private static void submit(WebDriver d, WebElement button) {
        Browser.clickToLeave(d, button);
    }

    private static String text(WebDriver d) {
        return Browser.text(d);
    }

    private static String sheetText(Sheet sheet) {
        StringBuilder all = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> all.append(new org.apache.poi.ss.usermodel.DataFormatter()
                .formatCellValue(cell)).append('\t')));
        return all.toString();
    }
}
