package thidua.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import thidua.report.ErrorReportWriter;
import thidua.workbook.Finding;

/**
 * Stores an examined file: its original is copied under a generated name into
 * {@code archive/P/UNIT/}, {@code archive/duplicate/} or {@code rejected/} and the
 * verdict is recorded, in one transaction. The inbox copy is removed only after the
 * commit; on rollback the stored copy is removed, so a file is never lost nor half-stored.
 */
@Component
public class SubmissionFiler {
    private static final Logger log = LoggerFactory.getLogger("thidua.import");
    private final SubmissionStore store;

    public SubmissionFiler(SubmissionStore store) {
        this.store = store;
    }

    public void file(Examination e, Inbox inbox, long jobExecutionId) {
        long id = store.nextId();
        Path target = target(e, inbox, id);
        copyNew(e.file().path(), target);
        Path report = e.verdict() == Examination.Verdict.REJECTED ? ErrorReportWriter.reportPath(target) : null;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    deleteQuietly(e.file().path());
                } else {
                    deleteQuietly(target);
                    if (report != null) {
                        deleteQuietly(report);
                    }
                }
            }
        });
        if (report != null) {
            writeReport(target, e, report);
        }
        store.insert(id, e, target.toString(), jobExecutionId);
        announce(e, id, report);
    }

    /**
     * Files a new verdict on a stored, rejected submission (a rerun). Accepted now: its
     * original is copied into {@code archive/P/UNIT/} (the quarantined copy stays where it
     * was). Still rejected: its error report is written again from the new findings.
     */
    public void refile(SubmissionStore.Stored stored, Examination e) {
        Path original = Path.of(stored.storedPath());
        String storedPath = stored.storedPath();
        if (e.verdict() == Examination.Verdict.ACCEPTED) {
            // rejected/ and archive/ are siblings beside the inbox
            Inbox inbox = Inbox.beside(original.getParent().resolveSibling("inbox"));
            Path target = target(e, inbox, stored.id());
            copyNew(original, target);
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
            writeReport(original, e, ErrorReportWriter.reportPath(original));
        }
        store.revalidate(stored.id(), e, storedPath);
        log.info("#{} {}: re-validated, now {}", stored.id(), stored.originalName(), e.verdict().name().toLowerCase());
        e.parsed().findings().forEach(f -> log.info("    {}", f));
    }

    /** The error report beside the quarantined original: the unit's own workbook, faulty cells red, `Lỗi` first. */
    private static void writeReport(Path stored, Examination e, Path report) {
        try {
            new ErrorReportWriter().write(stored, e.parsed().findings(), report);
        } catch (IOException ex) {
            throw new UncheckedIOException("Không ghi được báo cáo lỗi " + report, ex);
        }
    }

    private static Path target(Examination e, Inbox inbox, long id) {
        // Generated names only: what the sender called the file is kept in the database, not in paths.
        String name = String.format("%06d-%s.%s", id, e.file().sha256().substring(0, 12), e.extension());
        return switch (e.verdict()) {
            case ACCEPTED -> inbox.archive().resolve(safe(e.parsed().periodCode()))
                    .resolve(safe(e.parsed().unitCode())).resolve(name);
            case DUPLICATE -> inbox.archive().resolve("duplicate").resolve(name);
            case REJECTED -> inbox.rejected().resolve(name);
        };
    }

    /** Period and unit codes were checked against the scheme; still, keep only path-safe characters. */
    private static String safe(String code) {
        return code.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void copyNew(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES); // fails rather than overwrite
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
        String name = e.file().originalName();
        switch (e.verdict()) {
            case ACCEPTED -> log.info("{}: accepted as #{} ({} kỳ {}, {} chỉ tiêu{})", name, id, e.parsed().unitCode(),
                    e.parsed().periodCode(), e.parsed().values().size(),
                    e.parsed().warnings().isEmpty() ? "" : ", " + e.parsed().warnings().size() + " cảnh báo");
            case DUPLICATE -> log.info("{}: duplicate of #{}, not imported again", name, e.duplicateOf());
            case REJECTED -> {
                log.info("{}: rejected as #{} with {} lỗi, report {}", name, id, e.parsed().errors().size(), report);
                for (Finding f : e.parsed().errors()) {
                    log.info("    {}", f);
                }
            }
        }
        for (Finding w : e.parsed() == null ? java.util.List.<Finding>of() : e.parsed().warnings()) {
            log.info("    {}", w);
        }
    }
}
