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

    /** The errors {@link SubmissionReader} finds in {@code file}, read against the sample scheme. */
    public static List<Finding> errors(Path file) {
        try (Grid workbook = Samples.read(file)) {
            return SubmissionReader.read(workbook, Samples.schemes()).errors();
        }
    }
}
