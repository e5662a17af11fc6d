package thidua.scheme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.stereotype.Component;
import thidua.files.Sha256;
import thidua.workbook.Finding;
import thidua.workbook.UnreadableWorkbookException;
import thidua.workbook.WorkbookFiles;

/**
 * Loads a scheme workbook: the same file twice changes nothing; a changed workbook
 * for a year already loaded becomes that year's current version, and the old one is
 * kept, marked replaced (submissions are checked and scored against the current one).
 */
@Component
class SchemeLoader {
    /** Scheme workbooks are small; this only bounds a wrong file. */
    private static final long MAX_BYTES = 20L * 1024 * 1024;
    private final SchemeStore store;

    public SchemeLoader(SchemeStore store) {
        this.store = store;
    }

    public enum Outcome { LOADED, REPLACED, UNCHANGED, REFUSED }

    public record Result(Outcome outcome, Scheme scheme, long versionId, List<Finding> problems) {
    }

    public Result load(Path file, long jobExecutionId) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemeReadResult read;
        try (Workbook workbook = WorkbookFiles.open(file, MAX_BYTES)) {
            read = SchemeReader.read(workbook);
        } catch (UnreadableWorkbookException e) {
            return new Result(Outcome.REFUSED, null, 0, List.of(e.finding()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!read.ok()) {
            return new Result(Outcome.REFUSED, null, 0, read.problems());
        }
        Scheme scheme = read.scheme();
        List<Finding> conflicts = new ArrayList<>();
        List<String> codes = scheme.periods().stream().map(Period::code).toList();
        for (String taken : store.periodsTakenByOtherYears(scheme.year(), codes)) {
            conflicts.add(Finding.error("S-PERIOD-TAKEN", SchemeReader.PERIODS, "", "Mã kỳ \"" + taken
                    + "\" đã thuộc bộ tiêu chí của năm khác: mã kỳ phải khác nhau giữa các năm."));
        }
        if (!conflicts.isEmpty()) {
            return new Result(Outcome.REFUSED, null, 0, conflicts);
        }
        String sha = Sha256.of(content);
        Optional<StoredScheme> current = store.currentForYear(scheme.year());
        if (current.isPresent() && current.get().sha256().equals(sha)) {
            return new Result(Outcome.UNCHANGED, scheme, current.get().versionId(), List.of());
        }
        long id = store.store(scheme, content, sha, file.getFileName().toString(), jobExecutionId);
        return new Result(current.isPresent() ? Outcome.REPLACED : Outcome.LOADED, scheme, id, List.of());
    }
}
