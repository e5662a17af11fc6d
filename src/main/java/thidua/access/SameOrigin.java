package thidua.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request that a browser sent from another site: its
 * {@code Origin} (or, without one, {@code Sec-Fetch-Site: cross-site}) does not match the
 * address it was sent to, or without an Origin its {@code Referer} names another site. This
 * also covers HTTP Basic credentials a browser may have cached, which a CSRF token does not
 * (scripts send none of these headers and pass). {@code Origin: null} (a sandboxed frame, a
 * page opened from a file) is refused: the console's own pages always send their origin.
 */
class SameOrigin extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SecurityConfig.isSafe(request) && crossSite(request)) {
            if (SecurityConfig.path(request).startsWith("/api/")) {
                SecurityConfig.json(response, 403, "Yêu cầu gửi từ trang web khác bị từ chối");
            } else {
                response.sendError(403);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            // An old browser sends neither Origin nor Sec-Fetch-Site, but still a Referer (the console's
            // policy is same-origin): one naming another site is as telling. A script sends none of them.
            String referer = request.getHeader("Referer");
            if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))
                    || "same-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
                return true;
            }
            if (referer == null || referer.isBlank()) {
                return false;
            }
            origin = referer;
        }
        if (origin.equals("null")) {
            return true;
        }
        try {
            URI o = URI.create(origin);
            String host = request.getHeader("Host");
            String expected = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return host == null || !(host.equalsIgnoreCase(expected)
                    || (o.getPort() < 0 && host.equalsIgnoreCase(o.getHost() + ":" + defaultPort(o.getScheme()))));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
