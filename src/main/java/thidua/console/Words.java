package thidua.console;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import thidua.access.Role;
import thidua.access.Users;
import thidua.batch.RunText;
import thidua.scoring.SubmissionStatus;
import thidua.upload.UploadStatus;

/**
 * The Vietnamese of codes the pages show (templates call it as {@code words}): verdicts, runs,
 * audited actions. The console's one door to state labels: roles, a unit's standing and an
 * account's state carry their own ({@code label()}), batch statuses are {@link RunText}'s; the
 * pages never print a code's name. The JSON API keeps the codes.
 */
final class Words {
    /** Every audited action, in the order the audit page offers them as filters. */
    static final Map<String, String> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put("SIGN_IN", "Đăng nhập");
        ACTIONS.put("SIGN_IN_FAILED", "Đăng nhập không thành công");
        ACTIONS.put("ACCOUNT_LOCKED", "Tài khoản bị khoá tạm");
        ACTIONS.put("SIGN_OUT", "Đăng xuất");
        ACTIONS.put("PASSWORD_CHANGE", "Tự đổi mật khẩu");
        ACTIONS.put("UPLOAD", "Nộp tệp");
        ACTIONS.put("UPLOAD_REFUSED", "Tệp nộp bị từ chối trước khi lưu");
        ACTIONS.put("RERUN", "Kiểm tra lại tệp");
        ACTIONS.put("RESTART", "Chạy tiếp lần chạy");
        ACTIONS.put("CONSOLIDATE", "Tổng hợp kỳ");
        ACTIONS.put("DOWNLOAD_ORIGINAL", "Tải tệp gốc");
        ACTIONS.put("DOWNLOAD_ERROR_REPORT", "Tải báo cáo lỗi");
        ACTIONS.put("DOWNLOAD_OUTPUT", "Tải tệp kết quả");
        ACTIONS.put("USER_ADD", "Thêm người dùng");
        ACTIONS.put("USER_PASSWORD", "Đặt mật khẩu cho người dùng");
        ACTIONS.put("USER_DISABLE", "Vô hiệu hoá người dùng");
        ACTIONS.put("USER_ENABLE", "Kích hoạt lại người dùng");
        ACTIONS.put("ACCESS_DENIED", "Bị từ chối vì không có quyền");
        ACTIONS.put("CSRF_REFUSED", "Biểu mẫu bị từ chối (hết hạn hoặc gửi từ trang khác)");
    }

    /**
     * ACCEPTED, REJECTED, DUPLICATE (and FAILED for an upload the system could not take): an
     * {@code ImportStatus}, an {@code UploadStatus} or its name.
     */
    public String importStatus(Object status) {
        UploadStatus s = uploadStatus(status);
        return s == null ? "Không rõ" : switch (s) {
            case ACCEPTED -> "Đã nhận";
            case REJECTED -> "Bị trả lại";
            case DUPLICATE -> "Trùng lặp";
            case FAILED -> "Lỗi hệ thống";
        };
    }

    /** An import's or an upload's status, or its name; null for anything else. */
    private static UploadStatus uploadStatus(Object status) {
        return status == null ? null : Arrays.stream(UploadStatus.values())
                .filter(s -> s.name().equals(status.toString())).findFirst().orElse(null);
    }

    public String action(String code) {
        return ACTIONS.getOrDefault(code, "Việc khác");
    }

    /**
     * An audit row's detail as people read it: the few English codes some actions record
     * (a verdict, a role, an HTTP method) said in Vietnamese; everything else as recorded.
     */
    public String detail(String action, String detail) {
        if (detail == null) {
            return "";
        }
        return switch (action == null ? "" : action) {
            case "UPLOAD" -> {
                Matcher m = Pattern.compile("(.*): (ACCEPTED|REJECTED|DUPLICATE)")
                        .matcher(detail);
                yield m.matches() ? m.group(1) + ": " + importStatus(m.group(2)).toLowerCase(Locale.ROOT)
                        : detail;
            }
            case "USER_ADD" -> {
                String[] parts = detail.split(" ", 2);
                yield Arrays.stream(Role.values()).filter(r -> r.name().equals(parts[0]))
                        .findFirst().map(r -> r.label() + (parts.length > 1 ? " " + parts[1] : "")).orElse(detail);
            }
            case "ACCESS_DENIED", "CSRF_REFUSED" -> switch (detail) {
                case "GET", "HEAD" -> "xem (" + detail + ")";
                case "POST", "PUT", "PATCH", "DELETE" -> "gửi thao tác (" + detail + ")";
                default -> detail;
            };
            default -> detail;
        };
    }

    /** Who did an audited thing: the login, or the server's terminal, or someone not signed in. */
    public String actor(String login, String address) {
        return login != null ? login : Users.Actor.TERMINAL.address().equals(address) ? "dòng lệnh trên máy chủ"
                : "chưa đăng nhập";
    }

    /** Where an audited thing came from: the caller's address, or the server itself for the terminal. */
    public String address(String address) {
        return Users.Actor.TERMINAL.address().equals(address) ? "tại máy chủ" : address == null ? "" : address;
    }

    public String job(String jobName) {
        return RunText.job(jobName);
    }

    public String runStatus(String status) {
        return RunText.status(status);
    }

    /** A CSS class for a verdict's badge (as for {@link #importStatus}). */
    public String importBadge(Object status) {
        UploadStatus s = uploadStatus(status);
        return s == null ? "badge warn" : switch (s) {
            case ACCEPTED -> "badge ok";
            case REJECTED -> "badge bad";
            case DUPLICATE -> "badge muted";
            case FAILED -> "badge warn";
        };
    }

    /** A CSS class for a unit's standing (Đã nộp, Nộp muộn, Bị trả lại, Chưa nộp). */
    public String standingBadge(SubmissionStatus status) {
        return switch (status) {
            case SUBMITTED -> "badge ok";
            case LATE -> "badge warn";
            case RETURNED -> "badge bad";
            case MISSING -> "badge muted";
        };
    }

    public String runBadge(String status) {
        return switch (status == null ? "" : status) {
            case "COMPLETED" -> "badge ok";
            case "FAILED" -> "badge bad";
            case "STARTED", "STARTING" -> "badge info";
            default -> "badge warn";
        };
    }
}
