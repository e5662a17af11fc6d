package thidua.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at every request, before the security chain: a {@code Host} that is not one
 * of thidua's configured names is refused (a page of another site whose name was pointed at
 * this machine, DNS rebinding, must not reach the console with the browser's trust); so is a
 * query or form whose text is not UTF-8 or holds a NUL (the server would fail on it: 500),
 * and a health path the actuator cannot answer.
 */
class RequestGuard extends OncePerRequestFilter {
    private final Set<String> hosts;

    RequestGuard(Collection<String> hosts) {
        this.hosts = hosts.stream().map(RequestGuard::bare).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = SecurityConfig.path(request);
        if (!hosts.contains(bare(hostOf(request)))) {
            refuse(request, response, 400, "Địa chỉ máy chủ \"" + clip(hostOf(request)) + "\" không phải tên đã cấu hình"
                    + " của thidua (thidua.console.hosts): yêu cầu bị từ chối");
            return;
        }
        if (!readable(request.getQueryString()) || !formReadable(request)) {
            refuse(request, response, 400, "Tham số của yêu cầu không phải văn bản UTF-8 hợp lệ hoặc có ký tự NUL");
            return;
        }
        // thidua's health has no nested contributor; Boot fails (500) on /actuator/health/unknown/more.
        if (path.startsWith("/actuator/health/") && path.substring("/actuator/health/".length()).contains("/")) {
            refuse(request, response, 404, "Không có mục kiểm tra sức khoẻ này");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The Host header as sent; without one (HTTP/1.0, a test's mock request) the server's own
     * name for the request, which is what a missing header means: no other name was asked for.
     */
    private static String hostOf(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host == null ? String.valueOf(request.getServerName()) : host;
    }

    /** A host name without its port, lower case: {@code [::1]:8080} → {@code [::1]}. */
    static String bare(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        if (h.indexOf(':') != h.lastIndexOf(':')) {
            return "[" + h + "]"; // a bare IPv6 address, as server.address may give one
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** True when the percent-encoded text decodes to UTF-8 without a NUL. */
    static boolean readable(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()
                    && Character.digit(encoded.charAt(i + 1), 16) >= 0 && Character.digit(encoded.charAt(i + 2), 16) >= 0) {
                bytes.put((byte) Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c > 0x7f) {
                return true; // already decoded text (not sent by a browser): Tomcat judges it
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            return text.indexOf('\0') < 0;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A urlencoded form is read here already (Tomcat would fail later, as a 500, on bad text); multipart is not. */
    private static boolean formReadable(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return true;
        }
        try {
            return request.getParameterMap().values().stream()
                    .allMatch(values -> java.util.Arrays.stream(values).noneMatch(v -> v.indexOf('\0') >= 0));
        } catch (IllegalStateException e) { // Tomcat's InvalidParameterException
            return false;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        String path = SecurityConfig.path(request);
        if (path.startsWith("/api/") || path.startsWith("/actuator")) {
            SecurityConfig.json(response, status, message);
        } else {
            response.setStatus(status);
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\">"
                    + "<title>Yêu cầu không hợp lệ — thidua</title></head><body><h1>Yêu cầu không hợp lệ</h1><p>"
                    + escape(message) + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String clip(String s) {
        String t = s.replaceAll("[\\p{Cntrl}\"\\\\<>&]", "?");
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
