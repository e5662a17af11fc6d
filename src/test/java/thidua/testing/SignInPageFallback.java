package thidua.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * A bare sign-in form at {@code GET /dang-nhap} for tests of the sign-in itself, used only
 * where the console's own page is not there: it is mapped after every controller
 * (order 1000), so once the console's sign-in page exists, that page answers and these
 * tests read its {@code _csrf} input instead. The form's fields are what Spring
 * Security's form login reads: {@code username}, {@code password}, {@code _csrf}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SignInPageFallback {

    @Bean
    SimpleUrlHandlerMapping signInPageFallback() {
        HttpRequestHandler page = (request, response) -> {
            if (!request.getMethod().equals("GET")) {
                response.sendError(405);
                return;
            }
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(("""
                    <!doctype html><html lang="vi"><body><form method="post" action="/dang-nhap">
                    <input name="username"><input name="password" type="password">
                    <input type="hidden" name="%s" value="%s"><button>Đăng nhập</button></form></body></html>"""
                    .formatted(token.getParameterName(), token.getToken())).getBytes(StandardCharsets.UTF_8));
        };
        return new SimpleUrlHandlerMapping(Map.of("/dang-nhap", page), 1000);
    }
}
