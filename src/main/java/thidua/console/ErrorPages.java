package thidua.console;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import thidua.settings.ThiduaProperties;

/**
 * Every error the server answers, in place of Boot's whitelabel page: {@code {"error": "…"}}
 * in Vietnamese for the API and the actuator, a Vietnamese page for everything else. Never
 * a class name or a stack trace (those go to the log only).
 */
@Controller
class ErrorPages implements ErrorController {
    /** Where the access-denied handler (SecurityConfig) puts the sentence to show. */
    static final String DENIED = "thidua.denied";
    private final long maxFileBytes;
    private final DataSize maxRequest;

    ErrorPages(ThiduaProperties settings,
               @Value("${spring.servlet.multipart.max-request-size:60MB}") DataSize maxRequest) {
        this.maxFileBytes = settings.maxFileBytes();
        this.maxRequest = maxRequest;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = !(code instanceof Integer i) ? HttpStatus.NOT_FOUND // /error asked for directly
                : HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s.substring(request.getContextPath().length()) : "";
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", apiMessage(status, request.getMethod())));
        }
        return page(status, status == HttpStatus.FORBIDDEN ? denied(request) : null, request);
    }

    /** The error page for {@code status}; {@code message} replaces the usual explanation when given. */
    ModelAndView page(HttpStatus status, String message, HttpServletRequest request) {
        ModelAndView view = new ModelAndView("problem", ConsoleModel.layout(request));
        view.setStatus(status);
        view.addObject("code", status.value());
        view.addObject("title", title(status));
        view.addObject("message", message != null ? message : explanation(status));
        return view;
    }

    private static String denied(HttpServletRequest request) {
        return request.getAttribute(DENIED) instanceof String s ? s : "Tài khoản của bạn không có quyền làm việc này.";
    }

    private static String title(HttpStatus status) {
        return switch (status.value()) {
            case 404 -> "Không tìm thấy";
            case 403 -> "Không có quyền";
            case 413 -> "Tệp quá lớn";
            case 400 -> "Yêu cầu không hợp lệ";
            case 405 -> "Thao tác không được hỗ trợ";
            case 401 -> "Cần đăng nhập";
            default -> status.is5xxServerError() ? "Lỗi hệ thống" : "Không thực hiện được";
        };
    }

    private String explanation(HttpStatus status) {
        return switch (status.value()) {
            case 404 -> "Trang hoặc tệp bạn tìm không có, hoặc tài khoản của bạn không được xem.";
            case 403 -> "Tài khoản của bạn không có quyền làm việc này.";
            case 413 -> "Mỗi tệp tối đa " + mb(maxFileBytes) + ", mỗi lần gửi tối đa "
                    + mb(maxRequest.toBytes()) + ". Không có tệp nào được lưu. Hãy xoá ảnh, sheet thừa trong tệp rồi gửi lại.";
            case 400 -> "Yêu cầu gửi lên không đọc được. Hãy tải lại trang rồi làm lại.";
            case 405 -> "Địa chỉ này không nhận thao tác đó. Hãy dùng các nút trên trang.";
            case 401 -> "Hãy đăng nhập để tiếp tục.";
            default -> status.is5xxServerError()
                    ? "Hệ thống gặp lỗi khi xử lý yêu cầu. Chi tiết đã ghi vào nhật ký máy chủ; hãy thử lại sau hoặc báo quản trị."
                    : "Yêu cầu không thực hiện được.";
        };
    }

    private String apiMessage(HttpStatus status, String method) {
        return switch (status.value()) {
            case 404 -> "không có địa chỉ này";
            case 405 -> "địa chỉ này không nhận phương thức " + method;
            case 413 -> "tệp gửi lên vượt giới hạn dung lượng (mỗi tệp tối đa " + mb(maxFileBytes)
                    + "); không lưu gì";
            case 400 -> "yêu cầu không hợp lệ";
            case 401 -> "cần đăng nhập (phiên làm việc hoặc HTTP Basic)";
            case 403 -> "không có quyền";
            default -> status.is5xxServerError()
                    ? "lỗi hệ thống khi xử lý yêu cầu; chi tiết ghi trong nhật ký máy chủ"
                    : "yêu cầu không thực hiện được (mã " + status.value() + ")";
        };
    }

    private static String mb(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }
}
