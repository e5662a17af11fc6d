package thidua.console;

import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import thidua.settings.ThiduaProperties;

/** The sign-in form; Spring Security takes its POST (SecurityConfig) and comes back here with the outcome. */
@Controller
class SignInPage {
    private final int maxFailed;
    private final Duration lock;

    SignInPage(ThiduaProperties settings) {
        this.maxFailed = settings.security().maxFailed();
        this.lock = settings.security().lock();
    }

    @GetMapping("/dang-nhap")
    String show(@RequestParam(name = "loi", required = false) String wrong,
                @RequestParam(name = "khoa", required = false) String locked,
                @RequestParam(name = "vo-hieu", required = false) String disabled,
                @RequestParam(name = "da-thoat", required = false) String signedOut, Model model) {
        if (ConsoleModel.signedIn() != null && wrong == null && locked == null && disabled == null) {
            return "redirect:/tong-quan";
        }
        if (wrong != null) {
            model.addAttribute("problem", "Tên đăng nhập hoặc mật khẩu không đúng.");
        } else if (locked != null) {
            model.addAttribute("problem", "Tài khoản đang bị khoá " + lock.toMinutes() + " phút vì nhập sai mật khẩu "
                    + maxFailed + " lần liên tiếp. Hãy thử lại sau, hoặc nhờ quản trị mở khoá.");
        } else if (disabled != null) {
            model.addAttribute("problem", "Tài khoản đã bị vô hiệu hoá. Hãy liên hệ quản trị hệ thống.");
        } else if (signedOut != null) {
            model.addAttribute("notice", "Bạn đã đăng xuất.");
        }
        return "sign-in";
    }
}
