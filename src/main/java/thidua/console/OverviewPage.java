package thidua.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import thidua.access.AppUser;
import thidua.access.Signed;
import thidua.batch.Outputs;
import thidua.status.PeriodBoard;

/** *Tổng quan*: a period's submission board, for every role (a UNIT user sees its own unit's line only). */
@Controller
class OverviewPage {
    private final PeriodBoard boards;
    private final Outputs outputs;

    OverviewPage(PeriodBoard boards, Outputs outputs) {
        this.boards = boards;
        this.outputs = outputs;
    }

    /** The console's front door; a message flashed for it (e.g. after a password change) is kept for the overview. */
    @GetMapping("/")
    String root(HttpServletRequest request, RedirectAttributes redirect) {
        Map<String, ?> flashed = RequestContextUtils.getInputFlashMap(request);
        if (flashed != null) {
            flashed.forEach(redirect::addFlashAttribute);
        }
        return "redirect:/tong-quan";
    }

    @GetMapping("/tong-quan")
    String show(@RequestParam(name = "ky", required = false) String period, Model model) {
        AppUser me = Signed.user();
        List<PeriodBoard.Choice> periods = boards.periods();
        model.addAttribute("periods", periods);
        if (periods.isEmpty()) {
            return "overview";
        }
        Instant now = Instant.now();
        String code = period == null || period.isBlank() ? boards.defaultPeriod(now).orElseThrow() : period;
        PeriodBoard.Board board = boards.of(code, me.scopeUnit())
                .orElseThrow(() -> new NotFound("Không có kỳ báo cáo này trong bộ tiêu chí nào đang dùng."));
        model.addAttribute("board", board);
        model.addAttribute("now", now);
        model.addAttribute("late", now.isAfter(board.deadlineEnds()));
        if (Can.of(me.role()).outputs()) {
            model.addAttribute("outputs", outputs.of(board.period()));
        }
        return "overview";
    }
}
