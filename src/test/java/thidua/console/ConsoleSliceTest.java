package thidua.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import thidua.access.Role;
import thidua.access.WebSliceSecurity;
import thidua.access.WebSliceSecurity.SliceUsers;
import thidua.batch.Executions;
import thidua.batch.Outputs;
import thidua.scoring.SubmissionStatus;
import thidua.submission.ImportStatus;
import thidua.status.PeriodBoard;

/**
 * Console pages rendered by their real Thymeleaf templates behind thidua's real security
 * configuration, in a web slice (MockMvc, no server, no database: the board, the outputs
 * and the executions are Mockito mocks): the overview shows each unit's stand and, to those
 * who may read them, the period's outputs; a UNIT's overview is asked for its own unit only;
 * the anonymous caller is sent to sign in; a page outside one's role is 403 and asks nothing.
 */
@WebMvcTest(controllers = {OverviewPage.class, RunPages.class, ErrorPages.class},
        properties = "spring.main.web-application-type=servlet")
@Import(WebSliceSecurity.class)
class ConsoleSliceTest {
    private static final String PASSWORD = "Mat-khau-thu-nghiem-1";
    private static final PeriodBoard.Choice Y2024 = new PeriodBoard.Choice("2024", "Tổng kết năm 2024", 2024,
            LocalDate.of(2024, 12, 20));

    @Autowired
    MockMvc mvc;
    @Autowired
    SliceUsers users;
    @MockitoBean
    PeriodBoard boards;
    @MockitoBean
    Outputs outputs;
    @MockitoBean
    Executions executions;

    @BeforeEach
    void peopleAndAPeriod() {
        users.clear();
        users.add("thuongtruc", Role.HQ, null, PASSWORD);
        users.add("lanhdao", Role.LEADER, null, PASSWORD);
        users.add("donvi", Role.UNIT, "PA01", PASSWORD);
        when(boards.periods()).thenReturn(List.of(Y2024));
        when(boards.defaultPeriod(any())).thenReturn(Optional.of("2024"));
    }

    @Test
    void theOverviewShowsEachUnitsStandTheCountsAndTheOutputsToALeader() throws Exception {
        when(boards.of("2024", null)).thenReturn(Optional.of(board(
                row("PA01", "Phòng An ninh chính trị nội bộ", SubmissionStatus.SUBMITTED),
                row("PC08", "Phòng Cảnh sát giao thông", SubmissionStatus.LATE),
                row("PA05", "Phòng An ninh mạng", SubmissionStatus.RETURNED))));
        when(outputs.of("2024")).thenReturn(List.of(
                new Outputs.Output("2024", "bang-diem-2024.xlsx", 12_345, Instant.parse("2024-12-22T02:00:00Z"))));

        String page = mvc.perform(get("/tong-quan").param("ky", "2024").with(httpBasic("lanhdao", PASSWORD)))
                .andExpect(status().isOk()).andExpect(view().name("overview"))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("PA01", "Phòng An ninh chính trị nội bộ", "PC08", "Phòng Cảnh sát giao thông",
                "PA05", "Đã nộp", "Nộp muộn", "Bị trả lại", "Tổng kết năm 2024");
        assertThat(page).contains("/tong-hop/2024/bang-diem-2024.xlsx");
        // A leader reads: the layout's menu offers no sending and no runs.
        assertThat(page).doesNotContain("href=\"/nop\"", "href=\"/lan-chay\"");
    }

    @Test
    void aUnitsOverviewIsAskedForItsOwnUnitAndListsNoOutputs() throws Exception {
        when(boards.of("2024", "PA01")).thenReturn(Optional.of(board(
                row("PA01", "Phòng An ninh chính trị nội bộ", SubmissionStatus.RETURNED))));

        String page = mvc.perform(get("/tong-quan").with(httpBasic("donvi", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("PA01", "Bị trả lại");
        verify(boards, never()).of(eq("2024"), eq(null));
        verify(outputs, never()).of(anyString());
    }

    @Test
    void anUnknownPeriodIsTheConsoles404Page() throws Exception {
        when(boards.of("2099", null)).thenReturn(Optional.empty());

        String page = mvc.perform(get("/tong-quan").param("ky", "2099").with(httpBasic("thuongtruc", PASSWORD)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Không có kỳ báo cáo này trong bộ tiêu chí nào đang dùng.");
    }

    @Test
    void theAnonymousCallerSignsInFirstAndAPageOutsideOnesRoleIs403() throws Exception {
        mvc.perform(get("/tong-quan")).andExpect(status().isFound()).andExpect(redirectedUrl("/dang-nhap"));
        mvc.perform(get("/lan-chay")).andExpect(status().isFound()).andExpect(redirectedUrl("/dang-nhap"));
        verifyNoInteractions(boards);

        mvc.perform(get("/lan-chay").with(httpBasic("lanhdao", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/lan-chay").with(httpBasic("donvi", PASSWORD))).andExpect(status().isForbidden());
        verify(executions, never()).list(any(), anyInt());

        when(executions.list(null, 60)).thenReturn(List.of(new Executions.Execution(12, "importJob", "COMPLETED",
                "COMPLETED", Instant.parse("2024-12-21T01:00:00Z"), Instant.parse("2024-12-21T01:00:05Z"), Map.of())));
        String runs = mvc.perform(get("/lan-chay").with(httpBasic("thuongtruc", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(runs).contains("Lần chạy", "#12");
    }

    private static PeriodBoard.Board board(PeriodBoard.Row... rows) {
        List<PeriodBoard.StatusCount> counts = java.util.Arrays.stream(SubmissionStatus.values())
                .map(s -> new PeriodBoard.StatusCount(s, s.label(),
                        (int) java.util.Arrays.stream(rows).filter(r -> r.status() == s).count()))
                .toList();
        return new PeriodBoard.Board("2024", "Tổng kết năm 2024", 2024, LocalDate.of(2024, 12, 20),
                Instant.parse("2024-12-20T17:00:00Z"), counts, List.of(new PeriodBoard.BlockCount("K2", "Khối An ninh",
                rows.length, count(rows, SubmissionStatus.SUBMITTED), count(rows, SubmissionStatus.LATE),
                count(rows, SubmissionStatus.RETURNED), count(rows, SubmissionStatus.MISSING))), List.of(rows), null);
    }

    private static int count(PeriodBoard.Row[] rows, SubmissionStatus status) {
        return (int) java.util.Arrays.stream(rows).filter(r -> r.status() == status).count();
    }

    private static PeriodBoard.Row row(String unit, String name, SubmissionStatus status) {
        boolean sent = status != SubmissionStatus.MISSING;
        return new PeriodBoard.Row(unit, name, "K2", "Khối An ninh", status, status.label(),
                sent ? Instant.parse("2024-12-18T02:00:00Z") : null, sent ? 7L : null,
                status == SubmissionStatus.RETURNED ? ImportStatus.REJECTED : sent ? ImportStatus.ACCEPTED : null,
                status == SubmissionStatus.RETURNED ? 1 : 0, 0);
    }
}
