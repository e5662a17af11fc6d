package thidua.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person behind the current request, as every controller asks for it. */
public final class Signed {
    private Signed() {
    }

    /** The signed-in user; never null behind the security filter (every page but sign-in needs one). */
    public static AppUser user() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.getPrincipal() instanceof AppUser u) {
            return u;
        }
        throw new IllegalStateException("no signed-in user");
    }

    public static Users.Actor actor(HttpServletRequest request) {
        return new Users.Actor(user().login(), request.getRemoteAddr());
    }
}
