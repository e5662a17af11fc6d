package thidua.scoring;

import java.time.Instant;
import java.util.Map;
import thidua.submission.ReportedValue;
import thidua.submission.SubmissionStatus;

/**
 * What consolidation knows of one unit for one period: its status, the arrival of its
 * first accepted submission, and the values of its latest accepted one (empty when none).
 */
public record UnitReport(String unitCode, SubmissionStatus status, Instant firstArrival,
                         Map<String, ReportedValue> values) {

    public boolean accepted() {
        return status == SubmissionStatus.SUBMITTED || status == SubmissionStatus.LATE;
    }
}
