package thidua.workbook;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Workbook;
import thidua.scheme.Scheme;
import thidua.scheme.TestSchemes;

/** The shipped samples, opened read-only, and the sample scheme as the production reader reads it. */
public final class Samples {
    public static final Path DIR = Path.of("input-samples");
    public static final Path SCHEME = DIR.resolve("scheme-2024.xlsx");

    private static Scheme scheme;

    private Samples() {
    }

    /** The shipped submission file of a unit for period 2024, e.g. {@code PC08-2024.xlsx}. */
    public static Path submission(String fileName) {
        return DIR.resolve("2024").resolve(fileName);
    }

    /** Opens a file the way the system does (read-only, by content). */
    public static Workbook open(Path file) {
        try {
            return WorkbookFiles.open(file, WorkbookFiles.DEFAULT_MAX_BYTES);
        } catch (UnreadableWorkbookException e) {
            throw new AssertionError("cannot open " + file + ": " + e.finding(), e);
        }
    }

    /** Reads a file's cells the way the import does ({@link WorkbookFiles#read}: streamed when it can be). */
    public static Grid read(Path file) {
        try {
            return WorkbookFiles.read(file, WorkbookLimits.ofFileSize(WorkbookFiles.DEFAULT_MAX_BYTES));
        } catch (UnreadableWorkbookException e) {
            throw new AssertionError("cannot read " + file + ": " + e.finding(), e);
        }
    }

    /** The sample scheme, read once by the production reader; fails the test when it is refused. */
    public static synchronized Scheme scheme() {
        if (scheme == null) {
            try (Workbook workbook = open(SCHEME)) {
                scheme = TestSchemes.read(workbook);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return scheme;
    }

    /** The lookup a submission is read with: the sample scheme for its own periods, nothing else. */
    public static Function<String, Optional<Scheme>> schemes() {
        Scheme s = scheme();
        return code -> s.period(code).isPresent() ? Optional.of(s) : Optional.empty();
    }
}
