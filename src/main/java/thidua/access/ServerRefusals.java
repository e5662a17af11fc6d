package thidua.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, before any filter or page of thidua runs: an address it
 * refuses to decode ({@code %2f}, {@code %5c}, {@code %00}, bytes that are not UTF-8) or a
 * request it cannot parse. Tomcat's own page is English and names Tomcat; this one says it
 * in Vietnamese, as {@code {"error": …}} under /api and /actuator.
 */
@Component
@ConditionalOnWebApplication
class ServerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(Valve.class.getName());
            }
        });
    }

    /** Public with a public constructor: Tomcat makes it by its class name. */
    public static class Valve extends ErrorReportValve {
        public Valve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
            boolean api = uri.startsWith("/api/") || uri.equals("/api") || uri.startsWith("/actuator");
            String message = status == 400
                    ? "Địa chỉ hoặc yêu cầu không hợp lệ (ký tự bị cấm hoặc mã hoá sai trong đường dẫn)"
                    : "Máy chủ không xử lý được yêu cầu (mã " + status + ")";
            try {
                response.setCharacterEncoding("UTF-8");
                byte[] body;
                if (api) {
                    response.setContentType("application/json;charset=UTF-8");
                    body = ("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
                } else {
                    response.setContentType("text/html;charset=UTF-8");
                    body = ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\"><title>Yêu cầu không hợp lệ"
                            + " — thidua</title></head><body><h1>Yêu cầu không hợp lệ</h1><p>" + message
                            + ". Hãy mở lại trang từ bảng điều khiển.</p></body></html>").getBytes(StandardCharsets.UTF_8);
                }
                response.getOutputStream().write(body);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the answer cannot be written: nothing more to say.
            }
        }
    }
}
