package thidua.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import thidua.scoring.ReportedValue;
import thidua.workbook.Finding;

/**
 * What a submission workbook said, after every check: the unit and period it names
 * (null when unreadable), its values by indicator code (only those that apply to the
 * unit's block), and every error and warning. Accepted exactly when there is no error.
 */
record ParsedSubmission(String unitCode, String periodCode, Map<String, ReportedValue> values,
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

    /** The same submission with more findings (warnings found against the database). */
    public ParsedSubmission with(List<Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        return new ParsedSubmission(unitCode, periodCode, values, cells, List.copyOf(all));
    }

    /** A file that could not be read, sent by {@code unit} (null: unknown sender unit). */
    public static ParsedSubmission unreadable(Finding finding, String unit) {
        return new ParsedSubmission(unit, null, Map.of(), Map.of(), List.of(finding));
    }

    public static ParsedSubmission unreadable(Finding finding) {
        return new ParsedSubmission(null, null, Map.of(), Map.of(), List.of(finding));
    }
}
