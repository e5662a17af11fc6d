package thidua.scheme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import thidua.files.Sha256;
import thidua.workbook.Finding;
import thidua.workbook.Grid;
import thidua.workbook.UnreadableWorkbookException;
import thidua.workbook.WorkbookFiles;

/**
 * Loads a scheme workbook: the same file twice changes nothing; a changed workbook
 * for a year already loaded becomes that year's current version, and the old one is
 * kept, marked replaced (submissions are checked and scored against the current one).
 */
@Component
class SchemeLoader {
    private static final SchemeLimits LIMITS = SchemeLimits.DEFAULT;
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
        String name = file.getFileName().toString();
        SchemeReadResult read = read(file, LIMITS);
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
        long id = store.store(scheme, content, sha, name, jobExecutionId);
        return new Result(current.isPresent() ? Outcome.REPLACED : Outcome.LOADED, scheme, id, List.of());
    }

    /** The scheme in {@code file}, or every problem that refuses it, within the scheme's {@code limits}. */
    static SchemeReadResult read(Path file, SchemeLimits limits) {
        String name = file.getFileName().toString();
        try (Grid workbook = WorkbookFiles.read(file, limits.workbookLimits())) {
            return SchemeReader.read(workbook, name, limits);
        } catch (UnreadableWorkbookException e) {
            return new SchemeReadResult(null, List.of(aboutScheme(e.finding(), name, limits)));
        }
    }

    /**
     * The pre-checks' size refusals speak of a submission ("báo cáo chỉ gồm các dòng chỉ
     * tiêu"); a scheme far past its own limits is told in a scheme's words. Other findings
     * (corrupt, macro, encrypted…) are about any file and stay as they are.
     */
    private static Finding aboutScheme(Finding finding, String name, SchemeLimits limits) {
        String scheme = "Bộ tiêu chí \"" + name + "\"";
        return switch (finding.code()) {
            case "E-FILE-TOO-MANY-ROWS" -> Finding.error(finding.code(), finding.sheet(), finding.cell(), scheme
                    + " có một sheet hơn " + SchemeLimits.number(limits.workbookLimits().maxRows())
                    + " dòng, vượt xa giới hạn " + SchemeLimits.number(limits.maxRows())
                    + " dòng một sheet của bộ tiêu chí: tệp không phải bộ tiêu chí đúng mẫu, cần xóa dữ liệu thừa "
                    + "rồi nạp lại.");
            case "E-FILE-TOO-MANY-CELLS" -> Finding.error(finding.code(), finding.sheet(), finding.cell(), scheme
                    + " có hơn " + SchemeLimits.number(limits.workbookLimits().maxCells())
                    + " ô có nội dung trong một sheet hoặc đoạn chữ khác nhau, vượt xa cỡ của một bộ tiêu chí (tối đa "
                    + SchemeLimits.number(limits.maxUnits()) + " đơn vị, " + SchemeLimits.number(limits.maxRows())
                    + " dòng một sheet): tệp không phải bộ tiêu chí đúng mẫu, cần xóa dữ liệu thừa rồi nạp lại.");
            case "E-FILE-TOO-LARGE" -> Finding.error(finding.code(), finding.sheet(), finding.cell(), scheme
                    + " quá lớn: tệp dài hơn " + SchemeLimits.number(SchemeLimits.MAX_BYTES)
                    + " byte hoặc nội dung khi giải nén vượt " + SchemeLimits.number(limits.workbookLimits()
                    .maxTotalBytes()) + " byte (có thể là tệp nén bất thường), vượt cỡ của một bộ tiêu chí: "
                    + "cần nạp tệp bộ tiêu chí đúng mẫu, không kèm ảnh hay dữ liệu khác.");
            case "E-FILE-TOO-MANY-PARTS" -> Finding.error(finding.code(), finding.sheet(), finding.cell(), scheme
                    + " có hơn " + SchemeLimits.number(limits.workbookLimits().maxEntries())
                    + " phần nén (một bộ tiêu chí chỉ có vài chục phần): tệp không phải bộ tiêu chí đúng mẫu, "
                    + "cần lưu lại bằng Excel rồi nạp lại.");
            default -> finding;
        };
    }
}
