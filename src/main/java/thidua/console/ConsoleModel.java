package thidua.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
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

    /** The layout's attributes on every console page: who is signed in, the menu, the formatters. */
    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        model.addAllAttributes(layout(request));
    }

    /** The layout's attributes, for a view an exception handler renders (model attribute methods do not run then). */
    static Map<String, Object> layout(HttpServletRequest request) {
        AppUser me = signedIn();
        Map<String, Object> model = new HashMap<>();
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
