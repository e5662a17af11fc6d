package thidua.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import thidua.access.AuditLog;
import thidua.access.Role;
import thidua.access.WebSliceSecurity;
import thidua.access.WebSliceSecurity.SliceUsers;
import thidua.batch.Executions;
import thidua.batch.ImportAccess;
import thidua.batch.Outputs;
import thidua.download.Download;
import thidua.status.PeriodBoard;
import thidua.submission.SubmissionStore;
import thidua.upload.Uploads;

/**
 * The API's controllers behind thidua's real security configuration in a web slice (MockMvc,
 * no server, no database: the services behind the controllers are Mockito mocks): who gets
 * 401 and who 403, with the JSON error body; malformed ids 400 and unknown ones 404 before any
 * service is asked; the board and an output download as the controllers hand them over.
 */
@WebMvcTest(controllers = {JobsController.class, PeriodsController.class, ImportsController.class,
        UploadsController.class, ApiErrors.class},
        // The console's error controller: the console's advice (in every web slice) needs it.
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "thidua\\.console\\.ErrorPages"),
        properties = "spring.main.web-application-type=servlet")
@Import(WebSliceSecurity.class)
class ApiSliceTest {
    private static final String PASSWORD = "Mat-khau-thu-nghiem-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    SliceUsers users;
    @Autowired
    AuditLog audit;
    @MockitoBean
    Executions executions;
    @MockitoBean
    Outputs outputs;
    @MockitoBean
    PeriodBoard board;
    @MockitoBean
    SubmissionStore submissions;
    @MockitoBean
    ImportAccess imports;
    @MockitoBean
    Uploads uploads;
    @TempDir
    Path dir;

    @BeforeEach
    void onePersonPerRole() {
        users.clear();
        users.add("quantri", Role.ADMIN, null, PASSWORD);
        users.add("thuongtruc", Role.HQ, null, PASSWORD);
        users.add("lanhdao", Role.LEADER, null, PASSWORD);
        users.add("donvi", Role.UNIT, "PA01", PASSWORD);
    }

    @Test
    void anAnonymousCallIs401WithBasicChallengeAndAJsonErrorAndAsksNoService() throws Exception {
        for (String path : List.of("/api/outputs", "/api/executions", "/api/imports", "/api/periods/2024/status",
                "/api/outputs/2024/bang-diem-2024.xlsx")) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")))
                    .andExpect(content().contentTypeCompatibleWith("application/json"))
                    .andExpect(jsonPath("$.error").value("Cần đăng nhập (phiên làm việc hoặc HTTP Basic)"));
        }
        // A wrong password is no better.
        mvc.perform(get("/api/outputs").with(httpBasic("lanhdao", "sai-mat-khau"))).andExpect(status().isUnauthorized());
        verifyNoInteractions(outputs, executions, board, imports, submissions);
    }

    @Test
    void aRoleOutsideTheTableIs403WithAJsonErrorAuditedAndNothingHappens() throws Exception {
        mvc.perform(get("/api/executions").with(httpBasic("lanhdao", PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error").value("Tài khoản của bạn không có quyền làm việc này."));
        mvc.perform(get("/api/outputs").with(httpBasic("donvi", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(post("/api/periods/2024/consolidate").with(httpBasic("lanhdao", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/executions/7/restart").with(httpBasic("donvi", PASSWORD)))
                .andExpect(status().isForbidden());
        verifyNoInteractions(executions, outputs);
        verify(audit).record("lanhdao", "ACCESS_DENIED", "/api/executions", "GET", "127.0.0.1");
        verify(audit).record("donvi", "ACCESS_DENIED", "/api/executions/7/restart", "POST", "127.0.0.1");
    }

    @Test
    void malformedIdsAre400AndUnknownOnes404AsJsonBeforeAnyServiceActs() throws Exception {
        for (String id : List.of("0x10", "-1", "1e3", "12abc", "99999999999999999999")) {
            mvc.perform(post("/api/executions/" + id + "/restart").with(httpBasic("thuongtruc", PASSWORD)))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").isNotEmpty());
        }
        mvc.perform(get("/api/executions?limit=abc").with(httpBasic("thuongtruc", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").isNotEmpty());
        verify(executions, never()).restart(anyLong(), anyString(), anyString());
        verify(executions, never()).list(any(), anyInt());

        when(executions.exists(999L)).thenReturn(false);
        mvc.perform(post("/api/executions/999/restart").with(httpBasic("thuongtruc", PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("không có lần chạy #999"));
        verify(executions, never()).restart(anyLong(), anyString(), anyString());

        when(board.of(eq("2099"), any())).thenReturn(Optional.empty());
        mvc.perform(get("/api/periods/2099/status").with(httpBasic("lanhdao", PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("không có kỳ báo cáo \"2099\" trong bộ tiêu chí nào đang dùng"));
        // A caller never chooses where a consolidation writes.
        mvc.perform(post("/api/periods/2024/consolidate?out=/tmp").with(httpBasic("thuongtruc", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(
                        org.hamcrest.Matchers.containsString("không nhận thư mục ra")));
        verify(outputs, never()).consolidateNow(anyString(), anyString(), anyString());
    }

    @Test
    void aUnitsBoardIsAskedForItsOwnUnitOnly() throws Exception {
        PeriodBoard.Board own = new PeriodBoard.Board("2024", "Tổng kết năm 2024", 2024, LocalDate.of(2024, 12, 20),
                Instant.parse("2024-12-20T17:00:00Z"), List.of(), List.of(), List.of(), null);
        when(board.of("2024", "PA01")).thenReturn(Optional.of(own));
        when(board.of("2024", null)).thenReturn(Optional.empty());

        mvc.perform(get("/api/periods/2024/status").with(httpBasic("donvi", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.period").value("2024"))
                .andExpect(jsonPath("$.deadline").value("2024-12-20"));
        // Headquarters' board is every unit's (here: none defined, so 404).
        mvc.perform(get("/api/periods/2024/status").with(httpBasic("thuongtruc", PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anOutputIsFoundAmongTheListedOnesByNameAndSentAsAnAttachment() throws Exception {
        Path file = Files.write(dir.resolve("bang-diem-2024.xlsx"), new byte[] {1, 2, 3, 4});
        Outputs.Output listed = new Outputs.Output("2024", "bang-diem-2024.xlsx", 4, Instant.now());
        when(outputs.find("2024", "bang-diem-2024.xlsx")).thenReturn(Optional.of(listed));
        when(outputs.find("2024", "khong-co.xlsx")).thenReturn(Optional.empty());
        when(outputs.download(eq(listed), eq("lanhdao"), anyString()))
                .thenReturn(new Download(file, "bang-diem-2024.xlsx"));

        byte[] body = mvc.perform(get("/api/outputs/2024/bang-diem-2024.xlsx").with(httpBasic("lanhdao", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).containsExactly(1, 2, 3, 4);

        mvc.perform(get("/api/outputs/2024/khong-co.xlsx").with(httpBasic("lanhdao", PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("không có tệp kết quả 2024/khong-co.xlsx"));
        verify(outputs, never()).download(eq(null), anyString(), anyString());
    }
}
