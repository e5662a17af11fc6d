package thidua.submission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import thidua.scheme.Period;
import thidua.scheme.Scheme;
import thidua.scheme.Unit;
import thidua.scoring.SubmissionStatus;
import thidua.scoring.UnitReport;

/**
 * Each unit's report for a period as the rules see it: the latest accepted submission's
 * values, the arrival of the first accepted one (which decides lateness), and the
 * status — `Đã nộp`, `Nộp muộn`, `Bị trả lại` or `Chưa nộp` (SCORING.md).
 */
@Component
public class PeriodReports {
    private final SubmissionStore submissions;

    public PeriodReports(SubmissionStore submissions) {
        this.submissions = submissions;
    }

    /** The findings of a stored file as one line each: the warnings of an accepted file, the errors of a rejected one. */
    private List<String> notes(long submissionId) {
        return submissions.findings(submissionId).stream().map(Object::toString).toList();
    }

    public Map<String, UnitReport> of(Scheme scheme, Period period) {
        Map<String, SubmissionStore.UnitSubmissions> found = submissions.forPeriod(period.code());
        Map<String, UnitReport> reports = new LinkedHashMap<>();
        for (Unit unit : scheme.units()) {
            SubmissionStore.UnitSubmissions s = found.get(unit.code());
            if (s == null) {
                reports.put(unit.code(), new UnitReport(unit.code(), SubmissionStatus.MISSING, null, Map.of()));
            } else if (s.latestAcceptedId() != null) {
                SubmissionStatus status = period.isLate(s.firstAcceptedArrival())
                        ? SubmissionStatus.LATE : SubmissionStatus.SUBMITTED;
                reports.put(unit.code(), new UnitReport(unit.code(), status, s.firstAcceptedArrival(),
                        submissions.values(s.latestAcceptedId()), notes(s.latestAcceptedId())));
            } else {
                SubmissionStatus status = s.rejected() ? SubmissionStatus.RETURNED : SubmissionStatus.MISSING;
                reports.put(unit.code(), new UnitReport(unit.code(), status, null, Map.of(), notes(s.latestId())));
            }
        }
        return reports;
    }
}
