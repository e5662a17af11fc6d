package thidua.submission;

import java.nio.file.Path;
import java.util.List;
import thidua.workbook.Finding;
import thidua.workbook.Grid;
import thidua.workbook.Samples;

/** What the importer's reader finds in a file, for tests of other packages (the console's pages show it). */
public final class Readings {
    private Readings() {
    }

    /**
     * Everything {@link SubmissionReader} makes of {@code workbook} against the sample scheme, as
     * one comparable text: unit, period, each value with its cells, each finding in order.
     */
    public static String reading(Grid workbook) {
        ParsedSubmission p = SubmissionReader.read(workbook, Samples.schemes());
        StringBuilder out = new StringBuilder(p.unitCode() + " " + p.periodCode() + "\n");
        new java.util.TreeMap<>(p.values()).forEach((code, v) -> out.append(code).append(' ').append(v.current())
                .append(' ').append(v.baseline()).append(' ').append(String.join(",", p.cells().get(code))).append('\n'));
        p.findings().forEach(f -> out.append(f).append('\n'));
        return out.toString();
    }

    /** The errors {@link SubmissionReader} finds in {@code file}, read against the sample scheme. */
    public static List<Finding> errors(Path file) {
        try (Grid workbook = Samples.read(file)) {
            return SubmissionReader.read(workbook, Samples.schemes()).errors();
        }
    }
}
