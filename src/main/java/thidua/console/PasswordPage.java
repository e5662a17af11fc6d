package thidua.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import thidua.access.AppUser;
import thidua.access.Signed;
import thidua.access.Users;

/**
 * A signed-in person changes their own password, proving the current one. The only page a
 * user whose password someone else set can reach until they have done it (AccountGate).
 */
@Controller
class PasswordPage {
    private final Users users;

    PasswordPage(Users users) {
        this.users = users;
    }

    @GetMapping("/doi-mat-khau")
    String show(Model model) {
        model.addAttribute("minLength", Users.MIN_PASSWORD);
        return "password";
    }

    @PostMapping("/doi-mat-khau")
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String next,
                  @RequestParam(defaultValue = "") String repeat, HttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        AppUser me = Signed.user();
        if (!next.equals(repeat)) {
            return refused("Mật khẩu mới nhập lại không khớp.", model);
        }
        try {
            users.changeOwnPassword(me.id(), current, next, request.getRemoteAddr());
        } catch (Users.Refused e) {
            return refused(e.getMessage() + ".", model);
        }
        redirect.addFlashAttribute("notice", "Đã đổi mật khẩu.");
        return "redirect:/";
    }

    private static String refused(String message, Model model) {
        model.addAttribute("problem", message);
        model.addAttribute("minLength", Users.MIN_PASSWORD);
        return "password";
    }
}
