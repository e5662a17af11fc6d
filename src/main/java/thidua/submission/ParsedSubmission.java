package thidua.submission;

import java.util.List;
import java.util.Map;
import thidua.workbook.Finding;

/**
 * What a submission workbook said, after every check: the unit and period it names
 * (null when unreadable), its values by indicator code (only those that apply to the
 * unit's block), and every error and warning. Accepted exactly when there is no error.
 */
public record ParsedSubmission(String unitCode, String periodCode, Map<String, ReportedValue> values,
                               Map<String, String[]> cells, List<Finding> findings) {

    public boolean accepted() {
        return findings.stream().noneMatch(Finding::isError);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).toList();
    }

    public static ParsedSubmission unreadable(Finding finding) {
        return new ParsedSubmission(null, null, Map.of(), Map.of(), List.of(finding));
    }
}
