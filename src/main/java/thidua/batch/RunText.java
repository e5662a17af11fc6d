package thidua.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.batch.core.BatchStatus;
import thidua.consolidation.ConsolidateParameters;
import thidua.job.ExitCode;
import thidua.job.JobRequest;
import thidua.scheme.SchemeParameters;
import thidua.submission.ImportParameters;
import thidua.submission.RerunParameters;
import thidua.submission.UploadParameters;

/**
 * Job runs in the words of the people who read the console and the audit log. The jobs
 * write their one-line summaries in English for scripts (OPERATIONS.md); this says them
 * again in Vietnamese, without the server paths they may contain. A summary of a shape
 * not known here is not shown rather than shown in English.
 */
public final class RunText {
    private static final Pattern IMPORT = Pattern.compile("import: (\\d+) accepted, (\\d+) rejected, (\\d+) duplicate");
    private static final Pattern UPLOAD = Pattern.compile("upload: (.*) (accepted|rejected|duplicate) as #(\\d+)");
    private static final Pattern UPLOAD_FILED = Pattern.compile("upload: (.*) filed");
    private static final Pattern RERUN = Pattern.compile("rerun: #(\\d+) (.*) is now (accepted|still rejected)(?: \\((\\d+) lỗi\\))?");
    private static final Pattern SCHEME = Pattern.compile(
            "scheme: (\\d+) (loaded|loaded, replacing the previous version|unchanged) \\(version (\\d+)\\): (\\d+) periods, "
                    + "(\\d+) blocks, (\\d+) units, (\\d+) indicators, (\\d+) criteria");
    private static final Pattern SCHEME_REFUSED = Pattern.compile("scheme: refused, (\\d+) problem\\(s\\) in (.*)");
    private static final Pattern CONSOLIDATE = Pattern.compile(
            "consolidate: (.+?): (\\d+) of (\\d+) units ranked \\((\\d+) late\\), (\\d+) returned, (\\d+) missing");
    private static final Pattern FAILED = Pattern.compile("\\w+: (?:FAILED|STOPPED) \\(job execution \\d+, \\w+\\)(?:; (.*))?");
    private static final Pattern SERVED = Pattern.compile("delivered to (\\d+) recipient\\(s\\) \\((\\d+) file\\(s\\)\\)");
    private static final Pattern UP_TO_DATE = Pattern.compile("nothing new to deliver \\((\\d+) recipient\\(s\\) up to date\\)");
    private static final Pattern SENT = Pattern.compile("(\\d+) e-mail\\(s\\) sent");
    private static final Pattern PENDING = Pattern.compile("(\\d+) e-mail\\(s\\) pending");

    private RunText() {
    }

    /** What a job does, e.g. "Tổng hợp kỳ". */
    public static String job(String jobName) {
        return switch (jobName == null ? "" : jobName) {
            case "schemeJob" -> "Nạp bộ tiêu chí";
            case "importJob" -> "Nhận tệp từ thư mục nhận";
            case "uploadJob" -> "Nhận tệp tải lên";
            case "rerunImportJob" -> "Kiểm tra lại tệp";
            case "consolidateJob" -> "Tổng hợp kỳ";
            default -> "Công việc khác";
        };
    }

    /**
     * A batch status as people read it, e.g. "Hoàn tất": every {@link BatchStatus} has its
     * words (the switch names each one); anything else is "Không rõ".
     */
    public static String status(String status) {
        BatchStatus s = Arrays.stream(BatchStatus.values()).filter(b -> b.name().equals(status)).findFirst()
                .orElse(BatchStatus.UNKNOWN);
        return switch (s) {
            case COMPLETED -> "Hoàn tất";
            case FAILED -> "Lỗi";
            case STOPPED -> "Đã dừng";
            case STOPPING -> "Đang dừng";
            case STARTING -> "Đang khởi động";
            case STARTED -> "Đang chạy";
            case ABANDONED -> "Đã bỏ";
            case UNKNOWN -> "Không rõ";
        };
    }

    /** The outcome of a launched run in one Vietnamese sentence: status, then what it did. */
    public static String outcome(RunResult result) {
        String what = summary(result.summary());
        String status = result.exitCode() == ExitCode.REFUSED ? "Bị từ chối"
                : status(result.execution().getStatus().name());
        String s = job(result.execution().getJobInstance().getJobName()) + " (lần chạy #" + result.execution().getId()
                + "): " + status.toLowerCase(Locale.ROOT);
        if (!what.isEmpty()) {
            s += " — " + what;
        }
        if (!result.failures().isEmpty()) {
            s += ". Chi tiết lỗi ghi trong nhật ký máy chủ";
        }
        return s;
    }

    /** A job's summary line in Vietnamese; empty when its shape is not known. */
    public static String summary(String english) {
        if (english == null || english.isBlank()) {
            return "";
        }
        Matcher failed = FAILED.matcher(english);
        if (failed.matches()) {
            return failed.group(1) == null ? "" : summary(failed.group(1));
        }
        List<String> parts = new ArrayList<>();
        for (String part : english.split("; ")) {
            String said = part(part);
            if (!said.isEmpty()) {
                parts.add(said);
            }
        }
        return String.join("; ", parts);
    }

    private static String part(String p) {
        Matcher m;
        if ((m = IMPORT.matcher(p)).matches()) {
            return m.group(1) + " tệp được nhận, " + m.group(2) + " bị trả lại, " + m.group(3) + " trùng lặp";
        }
        if ((m = UPLOAD.matcher(p)).matches()) {
            return "tệp " + m.group(1) + " " + switch (m.group(2)) {
                case "accepted" -> "được nhận";
                case "rejected" -> "bị trả lại";
                default -> "trùng lặp";
            } + " (#" + m.group(3) + ")";
        }
        if ((m = UPLOAD_FILED.matcher(p)).matches()) {
            return "đã lưu xong tệp " + m.group(1);
        }
        if ((m = RERUN.matcher(p)).matches()) {
            return "tệp #" + m.group(1) + " " + m.group(2) + (m.group(3).equals("accepted") ? " nay được nhận"
                    : " vẫn bị trả lại" + (m.group(4) == null ? "" : " (" + m.group(4) + " lỗi)"));
        }
        if ((m = SCHEME.matcher(p)).matches()) {
            String how = switch (m.group(2)) {
                case "loaded" -> "đã nạp";
                case "unchanged" -> "không đổi";
                default -> "đã nạp, thay phiên bản trước";
            };
            return "bộ tiêu chí năm " + m.group(1) + " " + how + " (phiên bản " + m.group(3) + "): " + m.group(4)
                    + " kỳ, " + m.group(5) + " khối, " + m.group(6) + " đơn vị, " + m.group(7) + " chỉ tiêu, "
                    + m.group(8) + " tiêu chí";
        }
        if ((m = SCHEME_REFUSED.matcher(p)).matches()) {
            return "bộ tiêu chí " + m.group(2) + " bị từ chối: " + m.group(1) + " lỗi";
        }
        if ((m = CONSOLIDATE.matcher(p)).matches()) {
            return "kỳ " + m.group(1) + ": " + m.group(2) + "/" + m.group(3) + " đơn vị được xếp hạng (" + m.group(4)
                    + " nộp muộn), " + m.group(5) + " bị trả lại, " + m.group(6) + " chưa nộp";
        }
        if (p.startsWith("outputs in ")) {
            return ""; // a server path: the console lists the outputs instead
        }
        return delivery(p);
    }

    /** The delivery part of a consolidation's summary (Delivery.Report). */
    private static String delivery(String p) {
        List<String> said = new ArrayList<>();
        for (String piece : p.split(", (?=\\d|outbox)")) {
            Matcher m;
            if (piece.startsWith("delivery: no recipients configured")) {
                said.add("chưa cấu hình nơi nhận kết quả");
            } else if ((m = SERVED.matcher(piece)).matches()) {
                said.add("đã gửi cho " + m.group(1) + " nơi nhận (" + m.group(2) + " tệp)");
            } else if ((m = UP_TO_DATE.matcher(piece)).matches()) {
                said.add("không có gì mới để gửi (" + m.group(1) + " nơi nhận đã đủ)");
            } else if (piece.startsWith("outbox only")) {
                said.add("chỉ đặt vào thư mục gửi đi (chưa cấu hình máy chủ thư)");
            } else if ((m = SENT.matcher(piece)).matches()) {
                said.add("đã gửi " + m.group(1) + " thư điện tử");
            } else if ((m = PENDING.matcher(piece)).matches()) {
                said.add(m.group(1) + " thư điện tử chờ gửi");
            } else {
                return String.join(", ", said);
            }
        }
        return String.join(", ", said);
    }

    /**
     * A job's parameters as a person reads them: the period, the import, the file name as
     * sent; folders by their last name only; hashes, times and staging names left out.
     */
    public static String parameters(Map<String, String> params) {
        List<String> said = new ArrayList<>();
        String v;
        if ((v = params.get(ConsolidateParameters.PERIOD)) != null) {
            said.add("kỳ " + v);
        }
        if ((v = params.get(RerunParameters.IMPORT_ID)) != null) {
            said.add("tệp #" + v);
        }
        if ((v = params.get(UploadParameters.ORIGINAL_NAME)) != null) {
            said.add("tệp " + v);
        }
        if ((v = params.get(SchemeParameters.FILE)) != null) {
            said.add("tệp " + lastName(v));
        }
        if ((v = params.get(UploadParameters.LOGIN)) != null) {
            said.add("người gửi " + v);
        }
        if (params.containsKey(ImportParameters.INBOX) && !params.containsKey(UploadParameters.UPLOAD)) {
            said.add("thư mục " + lastName(params.get(ImportParameters.INBOX)));
        }
        if ((v = params.get(ConsolidateParameters.OUT)) != null) {
            said.add("ghi vào thư mục " + lastName(v));
        }
        if ((v = params.get(JobRequest.FIRING)) != null) {
            said.add("theo lịch " + v.replaceFirst("@.*", ""));
        }
        return String.join(", ", said);
    }

    private static String lastName(String path) {
        try {
            Path name = Path.of(path).getFileName();
            return name == null ? path : name.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
