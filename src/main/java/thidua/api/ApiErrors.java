package thidua.api;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import thidua.batch.BadRequest;
import thidua.batch.Conflict;

/**
 * Refused API requests as {@code {"error": "…"}} in Vietnamese: 409 for a clash with what
 * is running or already done, 404 for nothing there, 413 for an upload over the limit, 400
 * for the rest; anything unexpected is 500 with a sentence, its stack trace in the log only.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger("thidua.api");

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Map<String, String>> conflict(Conflict e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<Map<String, String>> badRequest(BadRequest e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, String>> notFound(NotFound e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "tệp gửi lên vượt giới hạn dung lượng; không lưu gì");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, String>> multipart(MultipartException e) {
        return error(HttpStatus.BAD_REQUEST, "yêu cầu tải lên không đọc được (cần multipart/form-data, trường \"file\")");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, String>> malformed(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "tham số của yêu cầu không hợp lệ");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "địa chỉ này không nhận phương thức " + e.getMethod());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException
                || e instanceof AuthenticationException) {
            throw e; // the security layer answers 401/403
        }
        log.error("API request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "lỗi hệ thống khi xử lý yêu cầu; chi tiết ghi trong nhật ký máy chủ");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        // Messages of the batch layer may name a file on the server (a restart that failed, say).
        return ResponseEntity.status(status).body(Map.of("error", ServerPaths.hide(message)));
    }

    /** Nothing at that address. */
    static class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
