package thidua.status;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import thidua.scheme.Period;
import thidua.scheme.SchemeStore;
import thidua.scheme.StoredScheme;
import thidua.scheme.Unit;
import thidua.scoring.SubmissionStatus;
import thidua.scoring.UnitReport;
import thidua.submission.PeriodReports;
import thidua.submission.SubmissionStore;
import thidua.text.LogText;
import thidua.workbook.Finding;

/**
 * What `status` prints: for each period, each unit's state (`Đã nộp`, `Nộp muộn`,
 * `Bị trả lại`, `Chưa nộp`), the arrival of its first accepted file, and the errors
 * or warnings of its latest file; then the rejected files that named no known unit
 * or period.
 */
@Component
public class StatusReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Period.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final SchemeStore schemes;
    private final SubmissionStore submissions;
    private final PeriodReports reports;

    public StatusReport(SchemeStore schemes, SubmissionStore submissions, PeriodReports reports) {
        this.schemes = schemes;
        this.submissions = submissions;
        this.reports = reports;
    }

    /** Printable lines, the last one the summary. {@code period} null means every period with submissions. */
    public List<String> lines(String period) {
        List<String> lines = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        List<String> periods = period == null ? submissions.periodsWithSubmissions() : List.of(period);
        for (String code : periods) {
            schemes.currentForPeriod(code).ifPresent(s -> summaries.add(periodLines(s, code, lines)));
        }
        List<SubmissionStore.Unattributed> unknown = submissions.unattributed();
        if (!unknown.isEmpty() && period == null) {
            lines.add("Tệp bị trả lại không xác định được đơn vị hoặc kỳ báo cáo:");
            for (SubmissionStore.Unattributed u : unknown) {
                lines.add(String.format("  #%d %s (nộp %s)", u.id(), LogText.escape(u.originalName()), TIME.format(u.arrivedAt())));
                submissions.findings(u.id()).forEach(f -> lines.add("      " + f));
            }
        }
        List<SubmissionStore.NotAFile> notFiles = period == null ? submissions.notFiles() : List.of();
        if (!notFiles.isEmpty()) {
            lines.add("Mục trong thư mục nhận không phải tệp báo cáo (liên kết, thư mục, FIFO, thiết bị):");
            for (SubmissionStore.NotAFile n : notFiles) {
                lines.add(String.format("  %s (phát hiện %s)", n, TIME.format(n.foundAt())));
            }
        }
        String summary = summaries.isEmpty() ? "status: no submissions" : "status: " + String.join("; ", summaries);
        if (!unknown.isEmpty() && period == null) {
            summary += "; " + unknown.size() + " unattributed rejected file(s)";
        }
        if (!notFiles.isEmpty()) {
            summary += "; " + notFiles.size() + " inbox entr" + (notFiles.size() == 1 ? "y" : "ies") + " not a file";
        }
        lines.add(summary);
        return lines;
    }

    private String periodLines(StoredScheme stored, String code, List<String> lines) {
        Period period = stored.scheme().period(code).orElseThrow();
        lines.add(String.format("Kỳ %s — %s (hạn nộp %s)", period.code(), period.name(), DATE.format(period.deadline())));
        Map<String, UnitReport> byUnit = reports.of(stored.scheme(), period);
        Map<String, SubmissionStore.UnitSubmissions> files = submissions.forPeriod(code);
        int[] counts = new int[SubmissionStatus.values().length];
        for (Unit unit : stored.scheme().units()) {
            UnitReport report = byUnit.get(unit.code());
            counts[report.status().ordinal()]++;
            lines.add(String.format("  %-4s %-9s %-11s %-16s %s", unit.blockCode(), unit.code(), report.status().label(),
                    report.firstArrival() == null ? "" : TIME.format(report.firstArrival()), unit.name()));
            SubmissionStore.UnitSubmissions f = files.get(unit.code());
            if (f != null) {
                for (Finding finding : submissions.findings(f.latestId())) {
                    lines.add("      " + finding);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (SubmissionStatus s : SubmissionStatus.values()) {
            parts.add(counts[s.ordinal()] + " " + s.label().toLowerCase(Locale.ROOT));
        }
        return code + ": " + String.join(", ", parts);
    }
}
