package thidua.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import thidua.database.DatabaseLost;
import thidua.files.FileNames;
import thidua.files.SafeFiles;
import thidua.files.Sha256;
import thidua.job.Parallel;
import thidua.report.ErrorReportWriter;
import thidua.scheme.Period;
import thidua.scheme.Scheme;
import thidua.scheme.SchemeStore;
import thidua.scheme.StoredScheme;
import thidua.scheme.Unit;
import thidua.settings.ThiduaProperties;
import thidua.text.LogText;
import thidua.workbook.Finding;

/**
 * Stores an examined file: its verdict is recorded in the chunk's transaction; after the
 * commit its original is copied under a generated name into {@code archive/P/UNIT/},
 * {@code archive/duplicate/} or {@code rejected/} ({@link SafeFiles}: never half there,
 * never over another file, keeping its arrival time), the error report of a rejected
 * file is written beside it, the inbox copy is removed, and the row is marked filed. No
 * copy is ever made for a row that did not commit, so nothing in archive/ or rejected/
 * lacks its row. A filing interrupted by a killed process is finished by the next import:
 * {@link InterruptedFilings}.
 */
@Component
class SubmissionFiler {
    static final Logger log = LoggerFactory.getLogger("thidua.import");
    /** Why a mark failed, for the log file only (logback-spring.xml): the console reads a sentence. */
    private static final Logger UNRECORDED = LoggerFactory.getLogger("thidua.file-only.submission");
    private final SubmissionStore store;
    private final SchemeStore schemes;
    private final TransactionTemplate separately;
    private final long hardCap;

    public SubmissionFiler(SubmissionStore store, SchemeStore schemes, PlatformTransactionManager tx,
                           ThiduaProperties settings) {
        this.store = store;
        this.schemes = schemes;
        this.hardCap = settings.inboxHardCap();
        this.separately = new TransactionTemplate(tx);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records {@code e} in the caller's transaction and files its original after the commit; returns its id. */
    public long file(Examination e, Inbox inbox, long jobExecutionId) {
        return fileAll(List.of(e), inbox, jobExecutionId, (x, earlier) -> x).get(0);
    }

    /**
     * Records the examinations of one chunk in the caller's transaction, in order, with one
     * statement per table, and files their originals after its commit; returns their ids.
     * Each file's verdict is data: a rejected file is recorded like an accepted one, so one
     * bad file never undoes another. {@code beforeRecording} completes each examination once
     * it is known what was recorded before it (the chunk's earlier files, in order).
     */
    public List<Long> fileAll(List<Examination> chunk, Inbox inbox, long jobExecutionId,
                              BiFunction<Examination, List<Examination>, Examination> beforeRecording) {
        // Same bytes are locked once, in one order: two imports filing the same files never wait in a cycle.
        store.lockBytes(chunk.stream().map(e -> e.file().sha256()).distinct().sorted().toList());
        // Another import (an upload, another instance) may have stored the same bytes since they were
        // examined, or an earlier file of this chunk has them: the later one is a duplicate.
        Map<String, Long> stored = new HashMap<>(store.sameBytes(chunk.stream()
                .filter(e -> e.verdict() != ImportStatus.DUPLICATE).map(e -> e.file().sha256()).toList()));
        List<Long> ids = store.nextIds(chunk.size());
        List<SubmissionStore.Row> rows = new ArrayList<>();
        List<Filing> filings = new ArrayList<>();
        List<Examination> recorded = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            Examination e = chunk.get(i);
            long id = ids.get(i);
            if (e.verdict() != ImportStatus.DUPLICATE) {
                Long earlier = stored.putIfAbsent(e.file().sha256(), id);
                if (earlier != null) {
                    e = new Examination(e.file(), ImportStatus.DUPLICATE, null, null, earlier, e.extension());
                }
            }
            e = beforeRecording.apply(e, recorded);
            recorded.add(e);
            Path target = target(e, inbox, id);
            List<Finding> report = e.verdict() == ImportStatus.REJECTED ? e.parsed().findings() : null;
            ErrorReportWriter.About about = report == null ? null
                    : about(e.parsed().unitCode(), e.parsed().periodCode(), e.file().originalName(), e.file().arrivedAt());
            // Its report goes to the unit (delivery) once filed, when the file names a unit the scheme of its period knows.
            rows.add(new SubmissionStore.Row(id, e, target.toString(), jobExecutionId, about != null && about.unitName() != null));
            filings.add(new Filing(id, e.file().path(), target, report, about));
        }
        store.insert(rows);
        for (int i = 0; i < recorded.size(); i++) {
            Filing f = filings.get(i);
            announce(recorded.get(i), f.id(), f.report() == null ? null : ErrorReportWriter.reportPath(f.target()));
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // On every core: an error report costs tens of milliseconds to write.
                List<Boolean> placed;
                try {
                    placed = Parallel.map(filings, f -> place(f.id(), f.source(), f.target(), f.report(), f.about(), false));
                } catch (IOException e) {
                    return; // place() reports its own failures; nothing else throws one
                }
                List<Long> filed = new ArrayList<>();
                for (int i = 0; i < filings.size(); i++) {
                    if (placed.get(i)) {
                        filed.add(filings.get(i).id());
                    }
                }
                markFiled(filed);
            }
        });
        return ids;
    }

    /** One original to file after the commit. */
    private record Filing(long id, Path source, Path target, List<Finding> report, ErrorReportWriter.About about) {
    }

    /**
     * After the commit (or when an interrupted filing is finished): the stored copy unless
     * {@code stored} says it is there already, the error report, the inbox copy removed,
     * the row marked filed. Never throws: what fails is logged and the file stays in the
     * inbox for the next scan, which finishes the filing.
     */
    void complete(long id, Path source, Path target, List<Finding> report, ErrorReportWriter.About about,
                  boolean stored) {
        if (place(id, source, target, report, about, stored)) {
            markFiled(List.of(id));
        }
    }

    /**
     * {@link #complete} but the mark: the stored copy (forced to disk with its folder before
     * the inbox copy goes), the error report, the inbox copy removed. False when something
     * failed (logged; the file stays in the inbox for the next scan, which finishes it).
     */
    private boolean place(long id, Path source, Path target, List<Finding> report, ErrorReportWriter.About about,
                          boolean stored) {
        try {
            if (!stored && Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size() > hardCap) {
                // Far over the size limit (a 2 GB file): renamed into place, never copied (a disk filled twice).
                Files.createDirectories(target.getParent());
                Files.move(source, target);
            } else if (!stored) {
                SafeFiles.copyKeepingTime(source, target);
            }
            if (report != null) {
                new ErrorReportWriter().write(target, report, about, ErrorReportWriter.reportPath(target));
            }
            Files.deleteIfExists(source);
            return true;
        } catch (IOException | RuntimeException ex) {
            notYetFiled(id, source, target, ex);
            return false;
        }
    }

    /** Marks filed, in a transaction of their own (the chunk's has committed). */
    private void markFiled(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            separately.executeWithoutResult(status -> store.markFiled(ids));
        } catch (RuntimeException ex) {
            // Their files are in place: the next import records them filed (InterruptedFilings). A lost
            // database is the job's own one-line failure (CommandLine): said there, not twice.
            if (!DatabaseLost.causes(ex)) {
                log.warn("{} tệp đã được lưu nhưng chưa ghi nhận được là đã lưu: lần nhập sau ghi nhận tiếp",
                        ids.size());
            }
            UNRECORDED.warn("marking {} filed failed", ids, ex);
        }
    }

    static void notYetFiled(long id, Path source, Path target, Exception ex) {
        log.warn("#{} {}: recorded, but not yet filed into {} ({}); the next import finishes it", id,
                LogText.escape(source.getFileName().toString()), target.getParent(), LogText.escape(ex.toString()));
    }

    /**
     * Files a new verdict on a stored, rejected submission (a rerun). Accepted now: its
     * original is copied into {@code archive/P/UNIT/} (the quarantined copy stays where it
     * was). Still rejected: its error report is written again from the new findings.
     */
    public void refile(SubmissionStore.Stored stored, Examination e) {
        Path original = Path.of(stored.storedPath());
        String storedPath = stored.storedPath();
        if (e.verdict() == ImportStatus.ACCEPTED) {
            // rejected/ and archive/ are siblings beside the inbox
            Inbox inbox = Inbox.beside(original.getParent().resolveSibling("inbox"));
            Path target = target(e, inbox, stored.id());
            // The name is this submission's own: a copy there can only be left by a rerun that did not commit.
            copyUnlessThere(original, target);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(target);
                    }
                }
            });
            storedPath = target.toString();
        } else {
            writeReport(original, e, about(stored), ErrorReportWriter.reportPath(original));
        }
        store.revalidate(stored.id(), e, storedPath);
        log.info("#{} {}: re-validated, now {}", stored.id(), LogText.escape(stored.originalName()),
                e.verdict().name().toLowerCase());
        e.parsed().findings().forEach(f -> log.info("    {}", LogText.escape(f.toString())));
    }

    /** The error report beside the quarantined original: the unit's own workbook, faulty cells red, `Lỗi` first. */
    private static void writeReport(Path stored, Examination e, ErrorReportWriter.About about, Path report) {
        try {
            new ErrorReportWriter().write(stored, e.parsed().findings(), about, report);
        } catch (IOException ex) {
            throw new UncheckedIOException("Không ghi được báo cáo lỗi " + report, ex);
        }
    }

    /** What the title block of the error report of a stored, rejected submission says. */
    ErrorReportWriter.About about(SubmissionStore.Stored stored) {
        return about(stored.unitCode(), stored.periodCode(), stored.originalName(), stored.arrivedAt());
    }

    /**
     * What the title block of an error report says: the unit and period as the file names
     * them, with the unit's name and the period (its deadline) from the current scheme of
     * that period, when it knows them.
     */
    private ErrorReportWriter.About about(String unitCode, String periodCode, String originalName, Instant arrivedAt) {
        Optional<Scheme> scheme = periodCode == null ? Optional.empty()
                : schemes.currentForPeriod(periodCode).map(StoredScheme::scheme);
        Period period = scheme.flatMap(s -> s.period(periodCode)).orElse(null);
        String unitName = unitCode == null ? null : scheme.flatMap(s -> s.unit(unitCode)).map(Unit::name).orElse(null);
        return new ErrorReportWriter.About(unitCode, unitName, periodCode, period, originalName, arrivedAt);
    }

    private static Path target(Examination e, Inbox inbox, long id) {
        String name = storedName(id, e);
        return switch (e.verdict()) {
            case ACCEPTED -> inbox.archive().resolve(folder(e.parsed().periodCode()))
                    .resolve(folder(e.parsed().unitCode())).resolve(name);
            case DUPLICATE -> inbox.archive().resolve("duplicate").resolve(name);
            case REJECTED -> inbox.rejected().resolve(name);
        };
    }

    /**
     * The generated name of a stored original: {@code <id>-<UNIT>-<P>-<8 hex of SHA-256>.<ext>}
     * when the file names a unit and a period (e.g. {@code 000019-PC04-2024-e1415e3f.xlsx}),
     * else {@code <id>-<12 hex>.<ext>}. The codes are what the file says, made safe by
     * {@link FileNames#part} (a hostile {@code ../x} or {@code =cmd} never becomes a path or
     * a formula); the id makes the name unique. What the sender called the file is kept in
     * the database, never used in a path.
     */
    static String storedName(long id, Examination e) {
        String unit = e.parsed() == null ? "" : FileNames.part(e.parsed().unitCode());
        String period = e.parsed() == null ? "" : FileNames.part(e.parsed().periodCode());
        String sha = e.file().sha256();
        if (unit.isEmpty() || period.isEmpty()) {
            return String.format("%06d-%s.%s", id, sha.substring(0, 12), e.extension());
        }
        return String.format("%06d-%s-%s-%s.%s", id, unit, period, sha.substring(0, 8), e.extension());
    }

    /** Period and unit codes were checked against the scheme; still, one path-safe folder name each. */
    private static String folder(String code) {
        String part = FileNames.part(code);
        return part.isEmpty() ? "_" : part;
    }

    /** Copies {@code from} to {@code to} (keeping its arrival time) unless a copy with the same bytes is there. */
    private static void copyUnlessThere(Path from, Path to) {
        try {
            try {
                SafeFiles.copyKeepingTime(from, to);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isRegularFile(to) || !Sha256.of(to).equals(Sha256.of(from))) {
                    throw e; // other bytes under this submission's name: left as they are
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Không lưu được " + from + " vào " + to, ex);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ex) {
            log.warn("Could not remove {}: {}", path, ex.getMessage());
        }
    }

    private static void announce(Examination e, long id, Path report) {
        String name = LogText.escape(e.file().originalName());
        switch (e.verdict()) {
            case ACCEPTED -> log.info("{}: đã nhận, lưu số #{} ({} kỳ {}, {} chỉ tiêu{})", name, id, e.parsed().unitCode(),
                    e.parsed().periodCode(), e.parsed().values().size(),
                    e.parsed().warnings().isEmpty() ? "" : ", " + e.parsed().warnings().size() + " cảnh báo");
            case DUPLICATE -> log.info("{}: trùng lặp với tệp #{}, không nhập lại", name, e.duplicateOf());
            case REJECTED -> {
                log.info("{}: bị trả lại, lưu số #{}, {} lỗi, báo cáo lỗi {}", name, id, e.parsed().errors().size(), report);
                for (Finding f : e.parsed().errors()) {
                    log.info("    {}", LogText.escape(f.toString()));
                }
            }
        }
        for (Finding w : e.parsed() == null ? List.<Finding>of() : e.parsed().warnings()) {
            log.info("    {}", LogText.escape(w.toString()));
        }
    }
}
