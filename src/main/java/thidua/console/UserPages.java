package thidua.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import thidua.access.AccountState;
import thidua.access.AppUser;
import thidua.access.Role;
import thidua.access.Signed;
import thidua.access.Users;
import thidua.scheme.SchemeStore;
import thidua.scheme.Unit;

/**
 * *Người dùng* (ADMIN: SecurityConfig): the users, adding one, a temporary password,
 * disabling and enabling. {@link Users} checks and audits every change; a password an
 * ADMIN sets is temporary: its owner changes it at the next sign-in.
 */
@Controller
class UserPages {
    private final Users users;
    private final SchemeStore schemes;

    UserPages(Users users, SchemeStore schemes) {
        this.users = users;
        this.schemes = schemes;
    }

    /** A user's state in words: disabled, locked until, must change password, or active. */
    record Line(AppUser user, String state, String stateBadge, boolean locked) {
        static Line of(AppUser u, Instant now) {
            AccountState state = u.state(now);
            String badge = switch (state) {
                case DISABLED -> "badge muted";
                case LOCKED -> "badge bad";
                case MUST_CHANGE_PASSWORD -> "badge warn";
                case ACTIVE -> "badge ok";
            };
            String label = state == AccountState.LOCKED ? state.label() + " đến " + new Formats().time(u.lockedUntil())
                    : state.label();
            return new Line(u, label, badge, state == AccountState.LOCKED);
        }
    }

    @GetMapping("/nguoi-dung")
    String list(Model model) {
        Instant now = Instant.now();
        model.addAttribute("lines", users.list().stream().map(u -> Line.of(u, now)).toList());
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("units", schemes.current().stream().flatMap(s -> s.scheme().units().stream())
                .collect(Collectors.toMap(Unit::code, Unit::name, (a, b) -> a,
                        TreeMap::new)));
        model.addAttribute("minLength", Users.MIN_PASSWORD);
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new Draft("", "", "UNIT", ""));
        }
        return "users";
    }

    /** What was typed into the add form, kept when it is refused (never the password). */
    record Draft(String login, String name, String role, String unit) {
    }

    @PostMapping("/nguoi-dung")
    String add(@RequestParam(defaultValue = "") String login, @RequestParam(defaultValue = "") String name,
               @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String unit,
               @RequestParam(defaultValue = "") String password, HttpServletRequest request,
               RedirectAttributes redirect) {
        Role r = Arrays.stream(Role.values()).filter(x -> x.name().equals(role)).findFirst().orElse(null);
        try {
            if (r == null) {
                throw new Users.Refused("Cần chọn vai trò");
            }
            AppUser added = users.add(login, r, r == Role.UNIT ? unit : null, name, password, true,
                    Signed.actor(request));
            redirect.addFlashAttribute("notice", "Đã thêm người dùng " + added.login() + " (" + r.label()
                    + "). Người này phải đổi mật khẩu tạm ở lần đăng nhập đầu.");
        } catch (Users.Refused e) {
            redirect.addFlashAttribute("problem", "Chưa thêm được người dùng: " + e.getMessage() + ".");
            redirect.addFlashAttribute("draft", new Draft(login, name, role, unit));
        }
        return "redirect:/nguoi-dung";
    }

    @PostMapping("/nguoi-dung/{login}/mat-khau")
    String password(@PathVariable String login, @RequestParam(defaultValue = "") String password,
                    HttpServletRequest request, RedirectAttributes redirect) {
        return act(redirect, () -> users.setPassword(login, password, true, Signed.actor(request)),
                "Đã đặt mật khẩu tạm cho " + login + ". Người này phải đổi mật khẩu ở lần đăng nhập tới.",
                "Chưa đặt được mật khẩu cho " + login);
    }

    @PostMapping("/nguoi-dung/{login}/vo-hieu")
    String disable(@PathVariable String login, HttpServletRequest request, RedirectAttributes redirect) {
        return act(redirect, () -> users.disable(login, Signed.actor(request)),
                "Đã vô hiệu hoá tài khoản " + login + ".", "Chưa vô hiệu hoá được " + login);
    }

    /** Enables a disabled account, and unlocks a locked one. */
    @PostMapping("/nguoi-dung/{login}/kich-hoat")
    String enable(@PathVariable String login, HttpServletRequest request, RedirectAttributes redirect) {
        return act(redirect, () -> users.enable(login, Signed.actor(request)),
                "Tài khoản " + login + " đã dùng được.", "Chưa kích hoạt được " + login);
    }

    /** One account action: its notice when done, or why it was refused, back on the users page. */
    private static String act(RedirectAttributes redirect, Action action, String notice, String refused) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (Users.Refused e) {
            redirect.addFlashAttribute("problem", refused + ": " + e.getMessage() + ".");
        }
        return "redirect:/nguoi-dung";
    }

    private interface Action {
        void run() throws Users.Refused;
    }
}
