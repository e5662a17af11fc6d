package thidua.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import thidua.access.AppUser;

/**
 * What every console page's layout needs (who is signed in, the menu for their role, the
 * formatters) and the console's own refusals: not found (404), an upload over the limit
 * (413). Anything else unexpected goes to {@link ErrorPages} as a 500.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {
    private static final Formats FORMATS = new Formats();
    private static final Words WORDS = new Words();
    private final ErrorPages errors;

    ConsoleModel(ErrorPages errors) {
        this.errors = errors;
    }

    /** The signed-in user, or null (the sign-in page, an error page for an anonymous caller). */
    static AppUser signedIn() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof AppUser u ? u : null;
    }

    @ModelAttribute("me")
    AppUser me() {
        return signedIn();
    }

    @ModelAttribute("can")
    Can can() {
        AppUser me = signedIn();
        return Can.of(me == null ? null : me.role());
    }

    @ModelAttribute("nav")
    List<NavItem> nav(HttpServletRequest request) {
        AppUser me = signedIn();
        if (me == null || me.mustChangePassword()) {
            return List.of();
        }
        return NavItem.menu(Can.of(me.role()), request.getServletPath());
    }

    @ModelAttribute("fmt")
    Formats fmt() {
        return FORMATS;
    }

    @ModelAttribute("words")
    Words words() {
        return WORDS;
    }

    /** The layout's attributes, for a view an exception handler renders (model attribute methods do not run then). */
    static java.util.Map<String, Object> layout(HttpServletRequest request) {
        AppUser me = signedIn();
        java.util.Map<String, Object> model = new java.util.HashMap<>();
        model.put("me", me);
        model.put("can", Can.of(me == null ? null : me.role()));
        model.put("nav", me == null || me.mustChangePassword() ? List.of()
                : NavItem.menu(Can.of(me.role()), request.getServletPath()));
        model.put("fmt", FORMATS);
        model.put("words", WORDS);
        return model;
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e, HttpServletRequest request) {
        return errors.page(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return errors.page(HttpStatus.valueOf(413), null, request);
    }
}
