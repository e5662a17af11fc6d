package thidua.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What consolidation knows of one unit for one period: its status, the arrival of its
 * first accepted submission, the values of its latest accepted one (empty when none),
 * and the warnings of its latest file, which do not block but are shown to readers.
 */
public record UnitReport(String unitCode, SubmissionStatus status, Instant firstArrival,
                         Map<String, ReportedValue> values, List<String> warnings) {

    public UnitReport(String unitCode, SubmissionStatus status, Instant firstArrival, Map<String, ReportedValue> values) {
        this(unitCode, status, firstArrival, values, List.of());
    }

    public boolean accepted() {
        return status == SubmissionStatus.SUBMITTED || status == SubmissionStatus.LATE;
    }
}
