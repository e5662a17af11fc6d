package thidua.console;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import thidua.access.AuditLog;

/** *Nhật ký* (ADMIN: SecurityConfig): the audit log, newest first, read-only. */
@Controller
class AuditPage {
    private static final int SHOWN = 300;
    private final AuditLog audit;

    AuditPage(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/nhat-ky")
    String list(@RequestParam(name = "nguoi", required = false) String login,
                @RequestParam(name = "viec", required = false) String action, Model model) {
        String l = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
        String a = action != null && Words.ACTIONS.containsKey(action) ? action : "";
        model.addAttribute("events", audit.recent(l, a, SHOWN));
        model.addAttribute("actions", Words.ACTIONS);
        model.addAttribute("login", l);
        model.addAttribute("action", a);
        model.addAttribute("shown", SHOWN);
        return "audit";
    }
}
