package thidua.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import thidua.access.AppUser;
import thidua.access.AuditLog;
import thidua.access.Role;
import thidua.access.Users;
import thidua.access.WebSliceSecurity;
import thidua.access.WebSliceSecurity.SliceUsers;
import thidua.batch.Executions;
import thidua.batch.ImportAccess;
import thidua.batch.Outputs;
import thidua.consolidation.ConsolidationStore;
import thidua.scheme.SchemeStore;
import thidua.scoring.SubmissionStatus;
import thidua.status.PeriodBoard;
import thidua.submission.ImportStatus;
import thidua.submission.SubmissionStore;
import thidua.workbook.Finding;

/**
 * Every state a person reads on the console is Vietnamese (issue 11, item 7): the pages that
 * list runs, imports, one import, users, outputs, the board and the audit log, rendered by
 * their real templates behind the real security configuration (a web slice: the services
 * are Mockito mocks, fed one row for every value of every status enum), show the Vietnamese
 * words and, in their visible text (text nodes and the attributes a person sees), never a
 * code's English name. The filters' option values stay codes: they are what the URL carries.
 */
@WebMvcTest(controllers = {RunPages.class, ImportPages.class, UserPages.class, OutputPages.class,
        OverviewPage.class, AuditPage.class, ErrorPages.class},
        properties = "spring.main.web-application-type=servlet")
@Import(WebSliceSecurity.class)
class ConsoleStatesSliceTest {
    private static final String PASSWORD = "Mat-khau-thu-nghiem-1";
    /** The English names of every state, role and verdict thidua knows, as whole words. */
    private static final Pattern ENGLISH = Pattern.compile("(?<![\\w-])(" + String.join("|", englishNames())
            + ")(?![\\w-])");
    private static final Instant AT = Instant.parse("2024-12-18T02:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    SliceUsers users;
    @Autowired
    AuditLog audit;
    @MockitoBean
    Executions executions;
    @MockitoBean
    SubmissionStore submissions;
    @MockitoBean
    ImportAccess imports;
    @MockitoBean
    PeriodBoard boards;
    @MockitoBean
    SchemeStore schemes;
    @MockitoBean
    Users accounts;
    @MockitoBean
    Outputs outputs;
    @MockitoBean
    ConsolidationStore consolidations;

    @BeforeEach
    void oneRowOfEveryState() {
        users.clear();
        users.add("quantri", Role.ADMIN, null, PASSWORD);
        long id = 1;
        List<Executions.Execution> runs = new ArrayList<>();
        for (BatchStatus s : BatchStatus.values()) {
            runs.add(new Executions.Execution(id++, "importJob", s.name(), s.name(), AT, AT, Map.of()));
        }
        when(executions.list(any(), anyInt())).thenReturn(runs);
        when(executions.summary(anyLong())).thenReturn("import: 1 accepted, 1 rejected, 1 duplicate");

        List<SubmissionStore.Listed> listed = new ArrayList<>();
        for (ImportStatus s : ImportStatus.values()) {
            listed.add(new SubmissionStore.Listed(id++, "PA01-" + s.ordinal() + ".xlsx", s, "PA01", "2024", AT, AT, null,
                    s == ImportStatus.REJECTED ? 1 : 0, 0, s == ImportStatus.DUPLICATE ? 1L : null));
        }
        when(submissions.list(any(), any(), any(), any(), anyInt())).thenReturn(listed);
        SubmissionStore.Stored rejected = new SubmissionStore.Stored(77, "ab", "PC04-2024.xlsx", "/x", 1234, AT,
                ImportStatus.REJECTED, "PC04", "2024", null, null);
        when(imports.visible(anyLong(), any())).thenReturn(Optional.of(rejected));
        when(imports.hasErrorReport(any())).thenReturn(true);
        when(submissions.findings(77)).thenReturn(List.of(
                Finding.error("E-VALUE-BLANK", "Chỉ tiêu", "E6", "Ô trống: cần ghi số liệu cho \"TP.XR\"."),
                Finding.warning("W-VALUE-JUMP", "Chỉ tiêu", "E7", "Số liệu tăng hơn 10 lần cùng kỳ.")));

        List<AppUser> accountsOfEveryKind = new ArrayList<>();
        for (Role r : Role.values()) {
            accountsOfEveryKind.add(new AppUser(id++, "tk-" + r.ordinal(), "Người " + r.ordinal(), r,
                    r == Role.UNIT ? "PA01" : null, false, 0, null, null, AT, AT));
        }
        accountsOfEveryKind.add(new AppUser(id++, "phai-doi", "Phải đổi", Role.HQ, null, true, 0, null, null, AT, AT));
        accountsOfEveryKind.add(new AppUser(id++, "bi-khoa", "Bị khoá", Role.HQ, null, false, 5,
                Instant.now().plusSeconds(600), null, AT, AT));
        accountsOfEveryKind.add(new AppUser(id++, "vo-hieu", "Vô hiệu", Role.LEADER, null, false, 0, null, AT, AT, AT));
        when(accounts.list()).thenReturn(accountsOfEveryKind);

        PeriodBoard.Choice y2024 = new PeriodBoard.Choice("2024", "Tổng kết năm 2024", 2024, LocalDate.of(2024, 12, 20));
        when(boards.periods()).thenReturn(List.of(y2024));
        when(boards.defaultPeriod(any())).thenReturn(Optional.of("2024"));
        List<PeriodBoard.Row> rows = new ArrayList<>();
        for (SubmissionStatus s : SubmissionStatus.values()) {
            boolean sent = s != SubmissionStatus.MISSING;
            rows.add(new PeriodBoard.Row("U" + s.ordinal(), "Đơn vị " + s.ordinal(), "K1", "Khối Một", s, s.label(),
                    sent ? AT : null, sent ? (long) s.ordinal() + 1 : null,
                    s == SubmissionStatus.RETURNED ? ImportStatus.REJECTED : sent ? ImportStatus.ACCEPTED : null, 0, 0));
        }
        List<PeriodBoard.StatusCount> counts = Arrays.stream(SubmissionStatus.values())
                .map(s -> new PeriodBoard.StatusCount(s, s.label(), 1)).toList();
        when(boards.of("2024", null)).thenReturn(Optional.of(new PeriodBoard.Board("2024", "Tổng kết năm 2024", 2024,
                LocalDate.of(2024, 12, 20), Instant.parse("2024-12-20T17:00:00Z"), counts,
                List.of(new PeriodBoard.BlockCount("K1", "Khối Một", 4, 1, 1, 1, 1)), rows, AT)));
        List<Outputs.Output> files = List.of(new Outputs.Output("2024", "bang-diem-2024.xlsx", 12_345, AT),
                new Outputs.Output("2024", "tong-hop-2024.xlsx", 9_000, AT),
                new Outputs.Output("2024", "bao-cao-2024.pdf", 90_000, AT));
        when(outputs.list()).thenReturn(files);
        when(outputs.of("2024")).thenReturn(files);
        when(consolidations.last(anyString())).thenReturn(Optional.of(new ConsolidationStore.Last(3, AT)));

        when(audit.recent(anyString(), anyString(), anyInt())).thenReturn(List.of(
                new AuditLog.Event(1, AT, "quantri", "UPLOAD", "#5", "PA01-2024.xlsx: ACCEPTED", "127.0.0.1"),
                new AuditLog.Event(2, AT, "quantri", "UPLOAD", "#6", "PC04-2024.xlsx: REJECTED", "127.0.0.1"),
                new AuditLog.Event(3, AT, "quantri", "UPLOAD", "#7", "PC04-2024.xlsx: DUPLICATE", "127.0.0.1"),
                new AuditLog.Event(4, AT, null, "USER_ADD", "quantri", "ADMIN", Users.Actor.TERMINAL.address()),
                new AuditLog.Event(5, AT, "quantri", "USER_ADD", "lanhdao", "LEADER", "127.0.0.1"),
                new AuditLog.Event(6, AT, "quantri", "USER_ADD", "pa01", "UNIT PA01", "127.0.0.1"),
                new AuditLog.Event(7, AT, "quantri", "USER_ADD", "tt", "HQ", "127.0.0.1"),
                new AuditLog.Event(8, AT, "lanhdao", "ACCESS_DENIED", "/lan-chay", "GET", "127.0.0.1")));
    }

    @Test
    void theRunsPageSaysEveryBatchStatusInVietnamese() throws Exception {
        String text = visibleText("/lan-chay");
        assertThat(text).contains("Hoàn tất", "Lỗi", "Đã dừng", "Đang dừng", "Đang khởi động", "Đang chạy", "Đã bỏ",
                "Không rõ", "Nhận tệp từ thư mục nhận", "1 tệp được nhận, 1 bị trả lại, 1 trùng lặp");
        assertNoEnglishState(text, "/lan-chay");
    }

    @Test
    void theImportsPagesSayEveryVerdictInVietnamese() throws Exception {
        String list = visibleText("/tep");
        assertThat(list).contains("Đã nhận", "Bị trả lại", "Trùng lặp");
        assertNoEnglishState(list, "/tep");

        String one = visibleText("/tep/77");
        assertThat(one).contains("Bị trả lại", "Trang tính", "Mã lỗi", "Lỗi", "Cảnh báo", "Kiểm tra lại")
                .doesNotContain("Sheet");
        assertNoEnglishState(one, "/tep/77");
    }

    @Test
    void theUsersPageSaysEveryRoleAndAccountStateInVietnamese() throws Exception {
        String text = visibleText("/nguoi-dung");
        assertThat(text).contains("Quản trị", "Cơ quan thường trực", "Lãnh đạo", "Đơn vị", "Đang dùng",
                "Đang dùng — phải đổi mật khẩu", "Khoá tạm đến", "Đã vô hiệu hoá");
        assertNoEnglishState(text, "/nguoi-dung");
    }

    @Test
    void theOutputsPageAndTheBoardSayTheirStatesInVietnamese() throws Exception {
        String outputsPage = visibleText("/tong-hop");
        assertThat(outputsPage).contains("bang-diem-2024.xlsx", "tong-hop-2024.xlsx", "bao-cao-2024.pdf",
                "Tổng hợp gần nhất", "Tổng hợp ngay");
        assertNoEnglishState(outputsPage, "/tong-hop");

        String board = visibleText("/tong-quan?ky=2024");
        assertThat(board).contains("Đã nộp", "Nộp muộn", "Bị trả lại", "Chưa nộp", "Đã nhận");
        assertNoEnglishState(board, "/tong-quan");
    }

    @Test
    void theAuditLogSaysRecordedVerdictsRolesAndTheTerminalInVietnamese() throws Exception {
        String text = visibleText("/nhat-ky");
        assertThat(text).contains("PA01-2024.xlsx: đã nhận", "PC04-2024.xlsx: bị trả lại", "PC04-2024.xlsx: trùng lặp",
                "Quản trị", "Lãnh đạo", "Đơn vị PA01", "Cơ quan thường trực", "dòng lệnh trên máy chủ", "tại máy chủ",
                "xem (GET)");
        assertThat(text).doesNotContain("terminal");
        assertNoEnglishState(text, "/nhat-ky");
    }

    /** The page as a person reads it: text nodes and the attributes a browser shows, entities decoded. */
    private String visibleText(String path) throws Exception {
        String html = mvc.perform(get(path).with(httpBasic("quantri", PASSWORD))).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).as(path).contains("</html>");
        StringBuilder shown = new StringBuilder();
        Matcher attributes = Pattern.compile("\\s(?:title|placeholder|aria-label|alt)=\"([^\"]*)\"").matcher(html);
        while (attributes.find()) {
            shown.append(' ').append(attributes.group(1));
        }
        String text = html.replaceAll("(?s)<(script|style)\\b.*?</\\1>", " ").replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)<[^>]*>", " ");
        return HtmlUtils.htmlUnescape(text + shown).replaceAll("\\s+", " ");
    }

    private static void assertNoEnglishState(String text, String page) {
        Matcher m = ENGLISH.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).as("English state names shown on " + page).isEmpty();
    }

    private static List<String> englishNames() {
        return java.util.stream.Stream.of(BatchStatus.values(), ImportStatus.values(),
                        thidua.upload.UploadStatus.values(), Role.values(), SubmissionStatus.values(),
                        thidua.access.AccountState.values(), Finding.Severity.values())
                .flatMap(Arrays::stream).map(e -> ((Enum<?>) e).name()).distinct().collect(Collectors.toList());
    }
}
