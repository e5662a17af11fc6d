package thidua.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import thidua.access.Signed;
import thidua.status.PeriodBoard;

/** The submission board of a period (every signed-in role; a UNIT user gets its own unit only). */
@RestController
class PeriodsController {
    private final PeriodBoard board;

    PeriodsController(PeriodBoard board) {
        this.board = board;
    }

    @GetMapping("/api/periods/{period}/status")
    PeriodBoard.Board status(@PathVariable String period) {
        return board.of(period, Signed.user().scopeUnit())
                .orElseThrow(() -> new ApiErrors.NotFound("không có kỳ báo cáo \"" + Ids.clip(period)
                        + "\" trong bộ tiêu chí nào đang dùng"));
    }
}
