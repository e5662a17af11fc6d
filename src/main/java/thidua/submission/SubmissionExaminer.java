package thidua.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.poi.EmptyFileException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import thidua.scheme.Scheme;
import thidua.scheme.SchemeStore;
import thidua.scheme.StoredScheme;
import thidua.scoring.ReportedValue;
import thidua.settings.ThiduaProperties;
import thidua.workbook.Finding;
import thidua.workbook.UnreadableWorkbookException;
import thidua.workbook.WorkbookLimits;

/** Decides what to do with one inbox file: a duplicate, or the verdict of reading it against its scheme. */
@Component
class SubmissionExaminer {
    private final SubmissionStore submissions;
    private final SchemeStore schemes;
    /** What POI failed on, for the log file only (logback-spring.xml): the sender reads a sentence. */
    private static final Logger UNREADABLE = LoggerFactory.getLogger("thidua.file-only.submission");
    private final WorkbookLimits limits;
    private final long hashCap;
    private final ParseBudget budget;

    public SubmissionExaminer(SubmissionStore submissions, SchemeStore schemes,
                              ThiduaProperties settings, ParseBudget budget) {
        this.submissions = submissions;
        this.schemes = schemes;
        this.hashCap = settings.inboxHashCap();
        this.budget = budget;
        this.limits = new WorkbookLimits(settings.maxFileBytes(), WorkbookLimits.DEFAULT.maxPartBytes(),
                WorkbookLimits.DEFAULT.maxTotalBytes(), settings.maxRows());
    }

    /**
     * A file from the inbox or an upload: a duplicate of bytes already seen, or the verdict
     * of reading it; {@code senderUnit} as for {@link #read(InboxFile, String)}.
     */
    public Examination examine(InboxFile file, String senderUnit) throws IOException {
        Optional<Long> earlier = submissions.sameBytes(file.sha256());
        if (earlier.isPresent()) {
            return new Examination(file, ImportStatus.DUPLICATE, null, null, earlier.get(), extension(file.path()));
        }
        return read(file, senderUnit);
    }

    /**
     * As {@link #examine(InboxFile, String)} for an inbox file, without the warnings that
     * compare it with last year's report of its unit ({@link #withBaselines}): the files of a
     * chunk are examined at once, and one of them may be that report. What the chunk looked up
     * once for all its files is given: the submission that has the same bytes (null: none) and
     * the current scheme of a period.
     */
    Examination examineAlone(InboxFile file, Long duplicateOf, Function<String, Optional<StoredScheme>> current)
            throws IOException {
        if (duplicateOf != null) {
            return new Examination(file, ImportStatus.DUPLICATE, null, null, duplicateOf, extension(file.path()));
        }
        return read(file, null, false, current);
    }

    /** The current scheme that defines a period, as {@link #read} looks it up. */
    Optional<StoredScheme> currentScheme(String periodCode) {
        return schemes.currentForPeriod(periodCode);
    }

    /** The verdict of reading a file against the current scheme of the period it names (also for reruns). */
    public Examination read(InboxFile file) throws IOException {
        return read(file, null);
    }

    /**
     * @param senderUnit the unit of the UNIT user who uploaded it (null: the inbox or
     *                   headquarters): a file naming another unit is rejected, and the
     *                   submission counts for the sender's unit whatever it names
     */
    public Examination read(InboxFile file, String senderUnit) throws IOException {
        return read(file, senderUnit, true, schemes::currentForPeriod);
    }

    private Examination read(InboxFile file, String senderUnit, boolean baselines,
                             Function<String, Optional<StoredScheme>> current) throws IOException {
        Path path = file.path();
        String extension = extension(path);
        Map<String, StoredScheme> used = new HashMap<>();
        ParsedSubmission parsed;
        // parsed in a worker within a memory and a time budget: a costly file is rejected on its own
        try (SpelledName readable = SpelledName.of(path); ParseBudget.Opened opened = budget.open(readable.path(), limits)) {
            parsed = SubmissionReader.read(opened.workbook(), period -> current.apply(period).map(s -> {
                used.put(period, s);
                return s.scheme();
            }), senderUnit);
        } catch (UnreadableWorkbookException e) {
            parsed = ParsedSubmission.unreadable(e.finding(), senderUnit);
        } catch (RuntimeException e) {
            // POI can fail deep inside a malformed sheet; the sender gets a verdict, not our stack trace.
            UNREADABLE.debug("{}: unreadable content", path.getFileName(), e);
            parsed = ParsedSubmission.unreadable(Finding.error("E-FILE-CORRUPT", "", "",
                    "Không đọc được nội dung tệp (tệp bị hỏng hoặc có nội dung Excel không tạo ra): "
                            + "cần lưu lại tệp bằng Excel theo đúng mẫu rồi gửi lại."), senderUnit);
        }
        StoredScheme scheme = parsed.periodCode() == null ? null : used.get(parsed.periodCode());
        Examination e = new Examination(file, parsed.accepted() ? ImportStatus.ACCEPTED : ImportStatus.REJECTED,
                parsed, scheme == null ? null : scheme.versionId(), null, extension);
        return baselines ? withBaselines(e, List.of()) : e;
    }

    /**
     * {@code e} with the warnings that compare its `Cùng kỳ` with last year's report of its unit:
     * the latest accepted one, stored or among {@code earlier} (the files recorded before it in
     * the same transaction, which the database does not show yet).
     */
    Examination withBaselines(Examination e, List<Examination> earlier) {
        if (e.verdict() != ImportStatus.ACCEPTED || e.schemeVersionId() == null) {
            return e;
        }
        List<Finding> warnings = baselineWarnings(e.parsed(), schemes.scheme(e.schemeVersionId()), earlier);
        return warnings.isEmpty() ? e : new Examination(e.file(), e.verdict(), e.parsed().with(warnings),
                e.schemeVersionId(), e.duplicateOf(), e.extension());
    }

    /**
     * `Cùng kỳ` should be what the unit itself reported as `Kỳ này` for the same period
     * last year, where that submission is here: a difference is worth a look, not a rejection.
     */
    private List<Finding> baselineWarnings(ParsedSubmission parsed, Scheme scheme, List<Examination> earlier) {
        var period = scheme.period(parsed.periodCode()).orElseThrow();
        Optional<String> lastYear = schemes.samePeriodLastYear(scheme, period);
        if (lastYear.isEmpty()) {
            return List.of();
        }
        Map<String, ReportedValue> previous = latestAccepted(parsed.unitCode(), lastYear.get(), earlier);
        List<Finding> warnings = new ArrayList<>();
        for (ReportedValue v : parsed.values().values()) {
            ReportedValue before = previous.get(v.indicator());
            if (before != null && v.baseline() != null && before.current().compareTo(v.baseline()) != 0) {
                warnings.add(Finding.warning("W-BASELINE-MISMATCH", SubmissionReader.VALUES,
                        parsed.cells().get(v.indicator())[1], "Cùng kỳ của \"" + v.indicator() + "\" ghi "
                                + v.baseline().toPlainString() + " nhưng báo cáo kỳ " + lastYear.get()
                                + " của đơn vị ghi kỳ này " + before.current().toPlainString() + ": cần kiểm tra lại."));
            }
        }
        return warnings;
    }

    /** The values of the latest accepted report of a unit for a period (by arrival, then by id), stored or earlier. */
    private Map<String, ReportedValue> latestAccepted(String unit, String period, List<Examination> earlier) {
        Examination inChunk = null;
        for (Examination x : earlier) { // later in the list: a larger id, so it wins a tie
            if (x.verdict() == ImportStatus.ACCEPTED && unit.equals(x.parsed().unitCode())
                    && period.equals(x.parsed().periodCode())
                    && (inChunk == null || !x.file().arrivedAt().isBefore(inChunk.file().arrivedAt()))) {
                inChunk = x;
            }
        }
        Optional<SubmissionStore.Latest> stored = submissions.latestAccepted(unit, period);
        if (inChunk != null && (stored.isEmpty() || !inChunk.file().arrivedAt().isBefore(stored.get().arrivedAt()))) {
            return inChunk.parsed().values();
        }
        return stored.map(l -> submissions.values(l.id())).orElse(Map.of());
    }

    /**
     * The file under a name that survives a trip through a {@code String}: POI reopens a file
     * from its name as text, and a name holding bytes that are not UTF-8 does not spell back
     * to the same file. Such a file is read through a hidden hard link with a generated name
     * beside it (the inbox ignores hidden files), removed after.
     */
    private record SpelledName(Path path, boolean link) implements AutoCloseable {
        static SpelledName of(Path path) throws IOException {
            try {
                if (Path.of(path.toString()).equals(path)) {
                    return new SpelledName(path, false);
                }
            } catch (InvalidPathException e) {
                // not even a name here: read through a link too
            }
            Path link = path.resolveSibling(".thidua-read-" + UUID.randomUUID() + ".tmp");
            Files.createLink(link, path);
            return new SpelledName(link, true);
        }

        @Override
        public void close() throws IOException {
            if (link) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The stored file's extension, from its content: a name chosen by the sender is never trusted. */
    private static String extension(Path path) {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(path))) {
            return switch (FileMagic.valueOf(in)) {
                case OOXML -> "xlsx";
                case OLE2 -> "xls";
                default -> "bin";
            };
        } catch (IOException | EmptyFileException e) {
            return "bin"; // too short to hold any magic (a 0-byte file): reading it says why
        }
    }
}
