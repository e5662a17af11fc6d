package thidua.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import thidua.settings.ThiduaProperties;

/**
 * Checks a login and password for the sign-in form and for HTTP Basic alike: a disabled
 * account is refused, a locked one is refused even with the right password, the
 * {@code max-failed}-th wrong password in a row locks it for {@code lock}. Every form
 * sign-in and every failure is audited; a script's Basic request audits its failures
 * (its successes are requests, audited by what they do).
 */
@Component
class SignInProvider implements AuthenticationProvider {
    static final String SIGN_IN_PATH = "/dang-nhap";
    private final UserStore users;
    private final AuditLog audit;
    private final PasswordEncoder encoder;
    private final int maxFailed;
    private final Duration lock;
    /**
     * Compared against when the login is unknown, so an unknown login takes as long as a wrong password:
     * a BCrypt hash at the default cost (10, as every stored hash) of a random string nobody kept. Fixed
     * rather than made at start-up, which cost every command a tenth of a second or more of hashing.
     */
    private static final String DECOY = "{bcrypt}$2a$10$X4Y5aFNzJ8v5kb9bPg1E6.D4RdUfCLrbp4V4mzJGHlI8uWh5fDJ/G";

    SignInProvider(UserStore users, AuditLog audit, PasswordEncoder encoder,
                   ThiduaProperties settings) {
        this.users = users;
        this.audit = audit;
        this.encoder = encoder;
        this.maxFailed = settings.security().maxFailed();
        this.lock = settings.security().lock();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = Users.normalLogin(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = address();
        boolean form = isForm();
        Optional<AppUser> found = users.find(login);
        if (found.isEmpty()) {
            encoder.matches(password, DECOY);
            audit.record(null, "SIGN_IN_FAILED", clip(login), "không có tài khoản" + channel(form), address);
            throw new BadCredentialsException("unknown");
        }
        AppUser user = found.get();
        if (user.disabled()) {
            audit.record(user.login(), "SIGN_IN_FAILED", user.login(), "tài khoản đã bị vô hiệu hoá" + channel(form),
                    address);
            throw new DisabledException("disabled");
        }
        if (user.lockedAt(Instant.now())) {
            audit.record(user.login(), "SIGN_IN_FAILED", user.login(), "tài khoản đang bị khoá tạm thời" + channel(form),
                    address);
            throw new LockedException("locked");
        }
        String hash = users.passwordHash(login).orElseThrow();
        if (!encoder.matches(password, hash)) {
            boolean locked = users.recordFailure(user.id(), maxFailed, lock);
            audit.record(user.login(), "SIGN_IN_FAILED", user.login(), "sai mật khẩu" + channel(form), address);
            if (locked) {
                audit.record(user.login(), "ACCOUNT_LOCKED", user.login(), maxFailed + " lần sai mật khẩu liên tiếp, khoá "
                        + lock.toMinutes() + " phút", address);
            }
            throw new BadCredentialsException("bad password");
        }
        users.recordSuccess(user.id());
        if (form) {
            audit.record(user.login(), "SIGN_IN", user.login(), null, address);
        }
        AppUser fresh = users.find(user.id()).orElseThrow();
        return UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                List.of(new SimpleGrantedAuthority(fresh.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String channel(boolean form) {
        return form ? "" : " (HTTP Basic)";
    }

    private static String clip(String login) {
        return login.length() > 64 ? login.substring(0, 64) + "…" : login;
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }

    private static boolean isForm() {
        HttpServletRequest r = request();
        return r != null && SIGN_IN_PATH.equals(r.getServletPath()) && "POST".equals(r.getMethod());
    }

    static String address() {
        HttpServletRequest r = request();
        return r == null ? null : r.getRemoteAddr();
    }
}
