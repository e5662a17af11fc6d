package thidua.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import thidua.access.Signed;
import thidua.batch.BadRequest;
import thidua.batch.Outputs;
import thidua.batch.RunResult;
import thidua.batch.RunText;
import thidua.consolidation.ConsolidationStore;
import thidua.status.PeriodBoard;

/**
 * *Tổng hợp*: the outputs by period with their downloads (HQ, ADMIN, LEADER), and
 * *Tổng hợp ngay* into the configured folder (HQ, ADMIN: SecurityConfig).
 */
@Controller
class OutputPages {
    private static final Logger log = LoggerFactory.getLogger("thidua.console");
    private final Outputs outputs;
    private final PeriodBoard boards;
    private final ConsolidationStore consolidations;

    OutputPages(Outputs outputs, PeriodBoard boards, ConsolidationStore consolidations) {
        this.outputs = outputs;
        this.boards = boards;
        this.consolidations = consolidations;
    }

    /** A period with its outputs; {@code name} empty for a folder no current scheme defines. */
    record PeriodOutputs(String code, String name, Instant lastConsolidatedAt, boolean current,
                         List<Outputs.Output> files) {
    }

    @GetMapping("/tong-hop")
    String list(Model model) {
        Map<String, List<Outputs.Output>> byPeriod = new LinkedHashMap<>();
        for (Outputs.Output o : outputs.list()) {
            byPeriod.computeIfAbsent(o.period(), k -> new ArrayList<>()).add(o);
        }
        List<PeriodOutputs> periods = new ArrayList<>();
        for (PeriodBoard.Choice c : boards.periods()) {
            List<Outputs.Output> files = byPeriod.remove(c.code());
            periods.add(new PeriodOutputs(c.code(), c.name(), last(c.code()), true, files == null ? List.of() : files));
        }
        byPeriod.forEach((code, files) -> periods.add(new PeriodOutputs(code, "", last(code), false, files)));
        model.addAttribute("periods", periods);
        return "outputs";
    }

    @GetMapping("/tong-hop/{period}/{file}")
    ResponseEntity<Resource> download(@PathVariable String period, @PathVariable String file,
                                      HttpServletRequest request) {
        // Only a file the listing has, matched by name: no path is ever built from the request.
        Outputs.Output found = outputs.find(period, file)
                .orElseThrow(() -> new NotFound("Không có tệp kết quả này."));
        return outputs.download(found, Signed.user().login(), request.getRemoteAddr()).response();
    }

    @PostMapping("/tong-hop/{period}")
    String consolidate(@PathVariable String period, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            RunResult result = outputs.consolidateNow(period, Signed.user().login(), request.getRemoteAddr());
            redirect.addFlashAttribute(result.ok() ? "notice" : "problem", RunText.outcome(result) + ".");
        } catch (BadRequest e) { // running already (Conflict), or a period no current scheme defines
            log.warn("consolidate {} refused: {}", period, e.getMessage());
            redirect.addFlashAttribute("problem", "Chưa tổng hợp được: " + e.getMessage() + ".");
        }
        return "redirect:/tong-hop";
    }

    private Instant last(String period) {
        return consolidations.last(period).map(ConsolidationStore.Last::at).orElse(null);
    }
}
