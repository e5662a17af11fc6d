package thidua.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import thidua.access.Signed;
import thidua.batch.BadRequest;
import thidua.batch.Executions;
import thidua.batch.RunResult;
import thidua.batch.RunText;

/** *Lần chạy*: the batch job executions, and *Chạy tiếp* for a failed or stopped one (HQ, ADMIN: SecurityConfig). */
@Controller
class RunPages {
    private static final Logger log = LoggerFactory.getLogger("thidua.console");
    private static final List<String> STATUSES = List.of("COMPLETED", "FAILED", "STOPPED", "STARTED", "ABANDONED");
    private final Executions executions;

    RunPages(Executions executions) {
        this.executions = executions;
    }

    /** One execution as the page shows it: its parameters and summary already in Vietnamese. */
    record Line(Executions.Execution run, String parameters, String summary) {
    }

    @GetMapping("/lan-chay")
    String list(@RequestParam(name = "trang-thai", required = false) String status, Model model) {
        String s = status == null ? null : status.trim().toUpperCase(Locale.ROOT);
        if (s != null && !STATUSES.contains(s)) {
            s = null;
        }
        model.addAttribute("lines", executions.list(s, 60).stream()
                .map(e -> new Line(e, RunText.parameters(e.parameters()), RunText.summary(executions.summary(e.id()))))
                .toList());
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("status", s == null ? "" : s);
        return "runs";
    }

    @PostMapping("/lan-chay/{id}/chay-tiep")
    String restart(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        long n = NotFound.id(id, "lần chạy");
        if (!executions.exists(n)) {
            throw new NotFound("Không có lần chạy #" + n + ".");
        }
        try {
            RunResult result = executions.restart(n, Signed.user().login(), request.getRemoteAddr());
            redirect.addFlashAttribute(result.ok() ? "notice" : "problem",
                    "Chạy tiếp lần chạy #" + n + ": " + RunText.outcome(result) + ".");
        } catch (BadRequest e) {
            // Its message may quote Spring Batch in English: the log keeps it, the page says it plainly.
            log.warn("restart #{} refused: {}", n, e.getMessage());
            redirect.addFlashAttribute("problem", "Không chạy tiếp được lần chạy #" + n
                    + ": chỉ chạy tiếp được lần chạy bị lỗi hoặc đã dừng, và chưa có lần chạy tiếp nào khác của nó.");
        }
        return "redirect:/lan-chay";
    }
}
