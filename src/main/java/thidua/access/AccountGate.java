package thidua.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every signed-in request sees the account as it is now: a disabled or removed account
 * ends its session at once, a changed role or unit applies at once, and a user who must
 * change their password reaches nothing but the change form (pages) or a 403 (API).
 */
class AccountGate extends OncePerRequestFilter {
    static final String CHANGE_PATH = "/doi-mat-khau";
    private final UserStore users;

    AccountGate(UserStore users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // Style sheets and scripts say nothing about anyone: no account look-up for each of a page's assets.
        if (auth == null || !(auth.getPrincipal() instanceof AppUser signed) || isAsset(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AppUser> now = users.find(signed.id());
        boolean api = SecurityConfig.path(request).startsWith("/api/");
        if (now.isEmpty() || now.get().disabled()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (api) {
                SecurityConfig.json(response, 401, "Tài khoản đã bị vô hiệu hoá");
            } else {
                response.sendRedirect("/dang-nhap?vo-hieu");
            }
            return;
        }
        AppUser user = now.get();
        if (!user.equals(signed)) {
            SecurityContext context = SecurityContextHolder.getContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                    List.of(new SimpleGrantedAuthority(user.role().authority()))));
        }
        if (user.mustChangePassword() && !allowedWhileChanging(request)) {
            if (api) {
                SecurityConfig.json(response, 403, "Cần đổi mật khẩu trước (trang Đổi mật khẩu của bảng điều khiển)");
            } else {
                response.sendRedirect(CHANGE_PATH);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isAsset(HttpServletRequest request) {
        String p = SecurityConfig.path(request);
        return p.startsWith("/css/") || p.startsWith("/js/") || p.startsWith("/img/");
    }

    private static boolean allowedWhileChanging(HttpServletRequest request) {
        String p = SecurityConfig.path(request);
        return p.equals(CHANGE_PATH) || p.equals("/dang-xuat") || p.startsWith("/error");
    }
}
