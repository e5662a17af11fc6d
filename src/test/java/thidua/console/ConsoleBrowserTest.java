package thidua.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.util.FileSystemUtils;
import thidua.samples.ArrivalManifest;
import thidua.samples.SampleProvince;
import thidua.testing.Browser;
import thidua.testing.ChildJvm;
import thidua.testing.ChildProcessesTest;
import thidua.testing.TestSubmissions;

/**
 * The console as its people use it, in a real headless Chromium (Debian's, through
 * chromium-driver) against a real `serve` on a random port and its embedded PostgreSQL: the
 * first users made at the terminal (`user add`, password on stdin), the others by the ADMIN
 * in *Người dùng*; HQ sees the board, uploads a valid and an invalid sample, reads the
 * errors with their cells, downloads the error report and opens it with POI, reruns, and
 * consolidates; a unit's clerk changes the temporary password, uploads its own file and
 * another unit's, and sees only its own; a leader downloads an output and finds nothing that
 * changes data. Every page is saved under target/screenshots/.
 */
@ChildProcessesTest
class ConsoleBrowserTest {
    private static final Path ROOT = Path.of("target", "test-data", "console-browser").toAbsolutePath();
    private static final Path DATA = ROOT.resolve("data");
    private static final String HQ_PASSWORD = "Thường-trực-2024";
    private static final String ADMIN_PASSWORD = "Quản-trị-viên-2024";
    private static final String TEMPORARY = "Tạm-thời-2024!";
    /** Sent through the console in this test, so kept out of the inbox imported beforehand. */
    private static final List<String> UPLOADED = List.of("PC08-2024.xlsx", "PA01-2024.xlsx", "PC09-2024.xlsx");
    private static ChildJvm serve;
    private static String base;
    private static String invalid;

    @BeforeAll
    static void serveTheSamples() throws Exception {
        FileSystemUtils.deleteRecursively(ROOT);
        Path inbox = Files.createDirectories(ROOT.resolve("inbox"));
        Files.createDirectories(ROOT.resolve("jobs"));
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
        command("run", "run", "--scheme", TestSubmissions.SCHEME.toAbsolutePath().toString(), "--inbox",
                inbox.toString(), "--period", "2024", "--out", ROOT.resolve("out").toString());
        command("user-hq", HQ_PASSWORD + "\n", "user", "add", "--login", "hq", "--role", "HQ", "--name",
                "Trần Thị Thường Trực");
        command("user-admin", ADMIN_PASSWORD + "\n", "user", "add", "--login", "quantri", "--role", "ADMIN",
                "--name", "Quản trị hệ thống");
        serve = ChildJvm.start("serve", ChildJvm.logFile(ConsoleBrowserTest.class, "serve"),
                Map.of("THIDUA_JOBS_DIR", ROOT.resolve("jobs").toString()), Map.of(),
                "serve", "--data-dir", DATA.toString(), "--server.port=0", "--thidua.inbox-dir=" + inbox,
                "--thidua.out-dir=" + ROOT.resolve("out"));
        base = serve.awaitOutput(Pattern.compile("console (http://\\S+)/ "), Duration.ofMinutes(3)).group(1);
    }

    /** A command in its own JVM on the test's data dir; {@code args[0]} ending in a newline is its standard input. */
    private static void command(String name, String... args) {
        String input = args[0].endsWith("\n") ? args[0] : null;
        String[] rest = input == null ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
        java.util.List<String> all = new java.util.ArrayList<>(List.of(rest));
        all.addAll(List.of("--data-dir", DATA.toString()));
        try (ChildJvm jvm = ChildJvm.start(name, ChildJvm.logFile(ConsoleBrowserTest.class, name), Map.of(), Map.of(),
                all.toArray(String[]::new))) {
            if (input != null) {
                jvm.input(input);
            }
            assertThat(jvm.awaitExit(Duration.ofMinutes(3))).as(jvm.tail()).isZero();
        }
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void headquartersUnitsAndLeadersWorkInTheConsole() throws Exception {
        // The ADMIN made at the terminal adds a unit clerk and a leader, with temporary passwords.
        try (Browser admin = Browser.start(ROOT.resolve("downloads-admin"), 1280, 900)) {
            WebDriver d = admin.driver();
            d.get(base + "/");
            assertThat(d.getCurrentUrl()).contains("/dang-nhap");
            admin.screenshot("01-dang-nhap");
            signIn(d, "quantri", ADMIN_PASSWORD);
            d.get(base + "/nguoi-dung");
            addUser(d, "pa01", "Lê Văn Văn Thư", "UNIT", "PA01");
            addUser(d, "lanhdao", "Phạm Đức Lãnh Đạo", "LEADER", "");
            assertThat(text(d)).contains("pa01", "lanhdao", "Lê Văn Văn Thư");
            admin.screenshot("02-nguoi-dung");
            d.get(base + "/nhat-ky");
            assertThat(text(d)).contains("quantri");
            admin.screenshot("03-nhat-ky");
        }

        long rejectedId;
        long acceptedId;
        try (Browser hq = Browser.start(ROOT.resolve("downloads-hq"), 1280, 900)) {
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
            d.get(base + "/nop");
            upload(d, sample("PC08-2024.xlsx"), sample(invalid));
            String verdicts = text(d);
            assertThat(verdicts).contains("PC08-2024.xlsx", "Được nhận", invalid, "Bị trả lại");
            List<thidua.workbook.Finding> expected = expectedErrors(invalid);
            assertThat(expected).isNotEmpty();
            for (thidua.workbook.Finding f : expected) {
                assertThat(verdicts).contains(f.code(), f.cell());
            }
            hq.screenshot("05-nop-ket-qua");
            acceptedId = idFromLink(d, "PC08-2024.xlsx");
            rejectedId = idFromLink(d, invalid);

            // The error report: the unit's own workbook, `Lỗi` first, each error listed.
            d.findElement(By.partialLinkText("Tải báo cáo lỗi")).click();
            Path report = hq.awaitDownload(".loi.xlsx", Duration.ofSeconds(30));
            try (Workbook wb = WorkbookFactory.create(report.toFile(), null, true)) {
                Sheet first = wb.getSheetAt(0);
                assertThat(first.getSheetName()).isEqualTo("Lỗi");
                String listed = sheetText(first);
                for (thidua.workbook.Finding f : expected) {
                    assertThat(listed).contains(f.code(), f.cell());
                }
            }

            d.get(base + "/tep");
            assertThat(text(d)).contains("PC08-2024.xlsx", invalid);
            hq.screenshot("06-tep-da-nhan");
            d.get(base + "/tep/" + rejectedId);
            assertThat(text(d)).contains(expected.get(0).code(), expected.get(0).cell());
            hq.screenshot("07-tep-chi-tiet");
            submit(d, d.findElement(By.xpath("//button[normalize-space()='Kiểm tra lại']")));
            assertThat(text(d)).contains("vẫn bị trả lại");
            hq.screenshot("08-kiem-tra-lai");

            d.get(base + "/lan-chay");
            assertThat(text(d)).contains("Lần chạy");
            hq.screenshot("09-lan-chay");
            d.get(base + "/tong-hop");
            submit(d, d.findElement(By.xpath("//button[normalize-space()='Tổng hợp ngay']")));
            assertThat(text(d)).contains("bang-diem-2024.xlsx", "tong-hop-2024.xlsx", "bao-cao-2024.pdf");
            hq.screenshot("10-tong-hop");
        }

        // The unit's clerk: the temporary password is changed first; then only its own unit, anywhere.
        try (Browser unit = Browser.start(ROOT.resolve("downloads-unit"), 1280, 900)) {
            WebDriver d = unit.driver();
            signIn(d, "pa01", TEMPORARY);
            assertThat(d.getCurrentUrl()).contains("/doi-mat-khau");
            unit.screenshot("11-doi-mat-khau");
            changePassword(d, TEMPORARY, "Văn-thư-đơn-vị-mới");
            assertThat(d.getCurrentUrl()).contains("/tong-quan");
            String board = text(d);
            assertThat(board).contains("PA01").doesNotContain("PC08", "PA02", "CAH.BS");
            unit.screenshot("12-tong-quan-don-vi");

            d.get(base + "/nop");
            upload(d, sample("PA01-2024.xlsx"), sample("PC09-2024.xlsx"));
            String verdicts = text(d);
            assertThat(verdicts).contains("PA01-2024.xlsx", "Được nhận", "PC09-2024.xlsx", "E-UNIT-NOT-OWN");
            unit.screenshot("13-nop-don-vi");

            d.get(base + "/tep");
            assertThat(text(d)).contains("PA01-2024.xlsx", "PC09-2024.xlsx").doesNotContain("PC08-2024.xlsx", invalid);
            unit.screenshot("14-tep-don-vi");
            d.get(base + "/tep/" + acceptedId); // HQ's upload for PC08: not this unit's
            assertThat(text(d)).contains("Không tìm thấy").doesNotContain("PC08-2024.xlsx");
            unit.screenshot("15-tep-khong-thuoc-don-vi");
            d.get(base + "/lan-chay");
            assertThat(text(d)).contains("không có quyền");
        }

        // The leader reads and downloads; nowhere a control that changes data.
        try (Browser leader = Browser.start(ROOT.resolve("downloads-leader"), 1280, 900)) {
            WebDriver d = leader.driver();
            signIn(d, "lanhdao", TEMPORARY);
            changePassword(d, TEMPORARY, "Lãnh-đạo-mới-2024");
            assertThat(text(d)).contains("PC08", "CAH.BS");
            assertNothingChangesData(d);
            leader.screenshot("16-tong-quan-lanh-dao");
            d.get(base + "/tong-hop");
            assertNothingChangesData(d);
            assertThat(d.findElements(By.xpath("//button[normalize-space()='Tổng hợp ngay']"))).isEmpty();
            leader.screenshot("17-tong-hop-lanh-dao");
            d.findElement(By.linkText("bang-diem-2024.xlsx")).click();
            Path scores = leader.awaitDownload("bang-diem-2024.xlsx", Duration.ofSeconds(30));
            try (Workbook wb = WorkbookFactory.create(scores.toFile(), null, true)) {
                assertThat(wb.getSheet("Xếp hạng")).isNotNull();
                assertThat(sheetText(wb.getSheet("Xếp hạng"))).contains("PC08");
            }
            for (String page : List.of("/nop", "/tep", "/lan-chay", "/nguoi-dung")) {
                d.get(base + page);
                assertThat(text(d)).as(page).contains("không có quyền");
                assertNothingChangesData(d);
            }
        }
    }

    private static Path sample(String name) {
        return TestSubmissions.SAMPLES.resolve(SampleProvince.SUBMISSION_FOLDER).resolve(name).toAbsolutePath();
    }

    /** The errors the importer finds in a sample, read in-process: what the page must show, cell by cell. */
    private static List<thidua.workbook.Finding> expectedErrors(String name) throws IOException {
        try (Workbook wb = WorkbookFactory.create(sample(name).toFile(), null, true)) {
            return thidua.submission.SubmissionReader.read(wb, thidua.workbook.Samples.schemes()).errors();
        }
    }

    private static void signIn(WebDriver d, String login, String password) {
        d.get(base + "/dang-nhap");
        d.findElement(By.name("username")).sendKeys(login);
        d.findElement(By.name("password")).sendKeys(password);
        submit(d, d.findElement(By.xpath("//button[normalize-space()='Đăng nhập']")));
    }

    private static void changePassword(WebDriver d, String current, String next) {
        d.findElement(By.name("current")).sendKeys(current);
        d.findElement(By.name("next")).sendKeys(next);
        d.findElement(By.name("repeat")).sendKeys(next);
        submit(d, d.findElement(By.xpath("//button[normalize-space()='Đổi mật khẩu']")));
    }

    private static void addUser(WebDriver d, String login, String name, String role, String unit) {
        WebElement form = d.findElement(By.cssSelector("form[action$='/nguoi-dung']"));
        form.findElement(By.name("login")).sendKeys(login);
        form.findElement(By.name("name")).sendKeys(name);
        new Select(form.findElement(By.name("role"))).selectByValue(role);
        form.findElement(By.name("unit")).clear();
        form.findElement(By.name("unit")).sendKeys(unit);
        form.findElement(By.name("password")).sendKeys(TEMPORARY);
        submit(d, form.findElement(By.xpath(".//button[normalize-space()='Thêm người dùng']")));
    }

    private static void upload(WebDriver d, Path... files) {
        WebElement input = d.findElement(By.cssSelector("input[type=file][name=file]"));
        input.sendKeys(String.join("\n", java.util.Arrays.stream(files).map(Path::toString).toList()));
        submit(d, d.findElement(By.xpath("//form[.//input[@type='file']]//button[@type='submit']")));
    }

    /** The import id a result card links to for {@code name}. */
    private static long idFromLink(WebDriver d, String name) {
        WebElement card = d.findElement(By.xpath("//article[.//*[normalize-space()='" + name + "']]"));
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
        WebElement page = d.findElement(By.tagName("html"));
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(60))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(60)).until(driver ->
                "complete".equals(((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript("return document.readyState")));
    }

    private static String text(WebDriver d) {
        return d.findElement(By.tagName("body")).getText();
    }

    private static String sheetText(Sheet sheet) {
        StringBuilder all = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> all.append(new org.apache.poi.ss.usermodel.DataFormatter()
                .formatCellValue(cell)).append('\t')));
        return all.toString();
    }
}
