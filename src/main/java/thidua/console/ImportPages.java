package thidua.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import thidua.access.AppUser;
import thidua.access.Signed;
import thidua.batch.BadRequest;
import thidua.batch.Conflict;
import thidua.batch.ImportAccess;
import thidua.batch.RunResult;
import thidua.batch.RunText;
import thidua.consolidation.ConsolidateParameters;
import thidua.scheme.SchemeStore;
import thidua.scheme.Unit;
import thidua.status.PeriodBoard;
import thidua.submission.ImportStatus;
import thidua.submission.SubmissionStore;
import thidua.workbook.Finding;

/**
 * *Tệp đã nhận*: the imports with filters, one import with every finding, its downloads,
 * and *Kiểm tra lại* for headquarters. A UNIT user reaches its own unit's imports only;
 * any other id answers 404 like an unknown one.
 */
@Controller
class ImportPages {
    private static final Logger log = LoggerFactory.getLogger("thidua.console");
    private final SubmissionStore submissions;
    private final ImportAccess imports;
    private final PeriodBoard boards;
    private final SchemeStore schemes;

    ImportPages(SubmissionStore submissions, ImportAccess imports, PeriodBoard boards, SchemeStore schemes) {
        this.submissions = submissions;
        this.imports = imports;
        this.boards = boards;
        this.schemes = schemes;
    }

    @GetMapping("/tep")
    String list(@RequestParam(name = "ky", required = false) String period,
                @RequestParam(name = "don-vi", required = false) String unit,
                @RequestParam(name = "trang-thai", required = false) String status, Model model) {
        AppUser me = Signed.user();
        String p = blankToNull(period);
        String u = me.scopeUnit() != null ? null : blankToNull(unit);
        ImportStatus s = status == null ? null : ImportStatus.of(status.trim().toUpperCase(Locale.ROOT)).orElse(null);
        model.addAttribute("rows", submissions.list(p == null ? null : p.toUpperCase(Locale.ROOT), s,
                u == null ? null : u.toUpperCase(Locale.ROOT), me.scopeUnit(), 300));
        TreeSet<String> periods = new TreeSet<>(submissions.periodsWithSubmissions());
        boards.periods().forEach(c -> periods.add(c.code()));
        model.addAttribute("periods", periods.descendingSet());
        model.addAttribute("units", schemes.current().stream().flatMap(x -> x.scheme().units().stream())
                .map(Unit::code).distinct().sorted().toList());
        model.addAttribute("statuses", ImportStatus.values());
        model.addAttribute("period", p == null ? "" : p);
        model.addAttribute("unit", u == null ? "" : u);
        model.addAttribute("status", s == null ? "" : s);
        return "imports";
    }

    @GetMapping("/tep/{id}")
    String show(@PathVariable String id, Model model) {
        SubmissionStore.Stored s = visible(id);
        List<Finding> findings = submissions.findings(s.id());
        model.addAttribute("imp", s);
        model.addAttribute("unitName", unitName(s));
        model.addAttribute("errors", findings.stream().filter(Finding::isError).count());
        model.addAttribute("warnings", findings.stream().filter(f -> !f.isError()).count());
        model.addAttribute("findings", findings);
        model.addAttribute("duplicateOf", s.status() == ImportStatus.DUPLICATE ? submissions.duplicateOf(s.id()) : null);
        model.addAttribute("errorReport", imports.hasErrorReport(s));
        return "import";
    }

    @GetMapping("/tep/{id}/goc")
    ResponseEntity<Resource> original(@PathVariable String id, HttpServletRequest request) {
        SubmissionStore.Stored s = visible(id);
        return imports.original(s, Signed.user(), request.getRemoteAddr())
                .orElseThrow(() -> new NotFound("Tệp gốc không còn trên máy chủ.")).response();
    }

    @GetMapping("/tep/{id}/bao-cao-loi")
    ResponseEntity<Resource> errorReport(@PathVariable String id, HttpServletRequest request) {
        SubmissionStore.Stored s = visible(id);
        return imports.errorReport(s, Signed.user(), request.getRemoteAddr())
                .orElseThrow(() -> new NotFound("Tệp này không có báo cáo lỗi.")).response();
    }

    /** Re-validates a rejected import against the current scheme (HQ, ADMIN: SecurityConfig). */
    @PostMapping("/tep/{id}/kiem-tra-lai")
    String rerun(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        SubmissionStore.Stored s = visible(id);
        if (s.status() != ImportStatus.REJECTED) {
            redirect.addFlashAttribute("problem", "Chỉ kiểm tra lại được tệp bị trả lại.");
            return "redirect:/tep/" + s.id();
        }
        try {
            List<RunResult> results = imports.rerun(s, Signed.user(), request.getRemoteAddr());
            ImportStatus now = submissions.find(s.id()).map(SubmissionStore.Stored::status).orElse(null);
            String said = now == ImportStatus.ACCEPTED ? "Kiểm tra lại xong: tệp nay được nhận."
                    : now == ImportStatus.REJECTED ? "Kiểm tra lại xong: tệp vẫn bị trả lại, xem các lỗi bên dưới."
                    : "Kiểm tra lại không xong.";
            if (results.size() > 1) {
                said += " Kỳ " + Optional.ofNullable(ConsolidateParameters.from(results.get(1).execution().getJobParameters()).period())
                        .orElse("") + " đã được tổng hợp lại: " + RunText.outcome(results.get(1)) + ".";
            }
            redirect.addFlashAttribute(results.get(0).ok() && now == ImportStatus.ACCEPTED ? "notice" : "problem", said);
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", "Chưa kiểm tra lại được: " + e.getMessage() + ".");
        } catch (BadRequest e) {
            log.warn("rerun #{} refused: {}", s.id(), e.getMessage());
            redirect.addFlashAttribute("problem", "Chưa kiểm tra lại được tệp này: " + e.getMessage() + ".");
        }
        return "redirect:/tep/" + s.id();
    }

    private SubmissionStore.Stored visible(String id) {
        long n = NotFound.id(id, "tệp nhận");
        return imports.visible(n, Signed.user()).orElseThrow(() -> new NotFound("Không có tệp nhận #" + n
                + ", hoặc tài khoản của bạn không được xem tệp này."));
    }

    private String unitName(SubmissionStore.Stored s) {
        if (s.unitCode() == null || s.periodCode() == null) {
            return "";
        }
        return schemes.currentForPeriod(s.periodCode()).flatMap(x -> x.scheme().unit(s.unitCode()))
                .map(Unit::name).orElse("");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
