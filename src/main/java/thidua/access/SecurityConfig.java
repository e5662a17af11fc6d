package thidua.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;
import thidua.settings.ThiduaProperties;

/**
 * One door for the console and the API (OPERATIONS.md, Console and API): form sign-in
 * with a session cookie for people, HTTP Basic for scripts, roles checked here for every
 * path and the unit scope checked by each controller. CSRF tokens on every form and on
 * every state-changing request that rides on the session cookie; a state-changing request
 * from another origin is refused whatever its credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfig {
    private static final String[] HQ = {"ADMIN", "HQ"};
    private static final String[] READERS = {"ADMIN", "HQ", "LEADER"};
    private static final String[] SENDERS = {"ADMIN", "HQ", "UNIT"};
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "object-src 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInProvider signIn, UserStore users, AuditLog audit,
                                            ThiduaProperties settings)
            throws Exception {
        Duration idle = settings.console().idleTimeout();
        RequestMatcher api = r -> path(r).startsWith("/api/") || path(r).startsWith("/actuator");
        // A page asked for before signing in is shown after it; an API call is not "asked for later"
        // (a script gets its 401 and retries): saving it would open a session for every anonymous call.
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(r -> r.getMethod().equals("GET") && !api.matches(r)
                && !path(r).matches("/(css|js|img|error)(/.*)?|/favicon\\.ico"));
        // The chain's own manager, without a parent: with http.authenticationProvider(signIn) the
        // global manager (which Boot also builds from the SignInProvider bean) was asked again after
        // each failure, so every wrong password counted twice and 3 wrong ones locked the account.
        http.authenticationManager(new ProviderManager(signIn))
                .requestCache(c -> c.requestCache(requestCache))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/dang-nhap", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/nguoi-dung/**", "/nhat-ky/**", "/api/users/**", "/api/audit/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/lan-chay/**", "/api/executions/**").hasAnyRole(HQ)
                        .requestMatchers(HttpMethod.POST, "/tep/*/kiem-tra-lai", "/api/imports/*/rerun",
                                "/tong-hop/**", "/api/periods/*/consolidate").hasAnyRole(HQ)
                        .requestMatchers("/tong-hop/**", "/api/outputs/**").hasAnyRole(READERS)
                        .requestMatchers("/tep/**", "/api/imports/**", "/nop/**", "/api/uploads/**")
                        .hasAnyRole(SENDERS)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage(SignInProvider.SIGN_IN_PATH).permitAll()
                        .successHandler((request, response, auth) -> {
                            request.getSession().setMaxInactiveInterval((int) idle.toSeconds());
                            AppUser user = (AppUser) auth.getPrincipal();
                            SavedRequest saved = requestCache.getRequest(request, response);
                            response.sendRedirect(user.mustChangePassword() ? AccountGate.CHANGE_PATH
                                    : saved != null ? saved.getRedirectUrl() : "/");
                        })
                        .failureHandler((request, response, e) -> response.sendRedirect(SignInProvider.SIGN_IN_PATH
                                + (e instanceof LockedException ? "?khoa" : e instanceof DisabledException
                                ? "?vo-hieu" : "?loi"))))
                .httpBasic(b -> b.realmName("thidua").authenticationEntryPoint(this::unauthorizedJson))
                .logout(l -> l.logoutUrl("/dang-xuat").logoutSuccessUrl("/dang-nhap?da-thoat")
                        .addLogoutHandler((request, response, auth) -> {
                            if (auth != null && auth.getPrincipal() instanceof AppUser u) {
                                audit.record(u.login(), "SIGN_OUT", u.login(), null, request.getRemoteAddr());
                            }
                        })
                        .deleteCookies("JSESSIONID"))
                // An API call with neither credentials nor a session cookie carries no ambient authority
                // to forge: it is not asked for a token, so it gets the 401 it deserves instead of a 403
                // "form expired". Forms (the sign-in included) and calls riding on a session still need one.
                // Only Basic credentials exempt a call: any other Authorization header (say "Bearer x") would
                // leave the session cookie to authenticate it, without a token. The token is read from the
                // X-CSRF-TOKEN header or the form's hidden field, never from the address (kept in logs and history).
                .csrf(c -> c.requireCsrfProtectionMatcher(r -> !isSafe(r) && !basic(r)
                        && !(api.matches(r) && r.getRequestedSessionId() == null))
                        .csrfTokenRequestHandler(new NotFromTheAddress()))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(this::unauthorizedJson, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/dang-nhap"),
                                r -> true)
                        .accessDeniedHandler((request, response, denied) -> {
                            boolean csrf = denied instanceof CsrfException;
                            audit.record(loginOf(request),
                                    csrf ? "CSRF_REFUSED" : "ACCESS_DENIED", path(request),
                                    request.getMethod(), request.getRemoteAddr());
                            String message = csrf
                                    ? "Biểu mẫu đã hết hạn hoặc không gửi từ trang của thidua: tải lại trang rồi làm lại."
                                    : "Tài khoản của bạn không có quyền làm việc này.";
                            if (api.matches(request)) {
                                json(response, 403, message);
                            } else {
                                // The console's error page (/error, permitted to anyone) shows the message.
                                request.setAttribute("thidua.denied", message);
                                response.sendError(403);
                            }
                        }))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new SameOrigin(), CsrfFilter.class)
                .addFilterAfter(new AccountGate(users), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * {@link RequestGuard} before everything else but the character encoding: a request for a
     * name that is not thidua's never reaches the security chain, a page or the API.
     */
    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard(ThiduaProperties settings,
                                                      @Value("${server.address:}") String address) {
        List<String> hosts = new ArrayList<>(settings.console().hosts());
        if (!address.isBlank() && !address.equals("0.0.0.0") && !address.equals("::")) {
            hosts.add(address);
        }
        FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(new RequestGuard(hosts));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    private static String loginOf(HttpServletRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AppUser u ? u.login() : null;
    }

    private void unauthorizedJson(HttpServletRequest request, HttpServletResponse response,
                                  AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"thidua\", charset=\"UTF-8\"");
        json(response, 401, "Cần đăng nhập (phiên làm việc hoặc HTTP Basic)");
    }

    /** Spring's masked token, read from the header or the form's field; a token in the query string is refused. */
    private static final class NotFromTheAddress implements CsrfTokenRequestHandler {
        private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                           java.util.function.Supplier<CsrfToken> token) {
            masked.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            String query = request.getQueryString();
            if (request.getHeader(token.getHeaderName()) == null && query != null
                    && ("&" + query).contains("&" + token.getParameterName() + "=")) {
                return null;
            }
            return masked.resolveCsrfTokenValue(request, token);
        }
    }

    private static boolean basic(HttpServletRequest r) {
        String authorization = r.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    static boolean isSafe(HttpServletRequest r) {
        String m = r.getMethod();
        return m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS") || m.equals("TRACE");
    }

    static String path(HttpServletRequest r) {
        String p = r.getServletPath();
        return p == null || p.isEmpty() ? r.getRequestURI() : p;
    }

    /** {@code {"error": "…"}}, as every refused API request answers. */
    static void json(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getOutputStream().write(("{\"error\":\"" + escaped + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
