package thidua.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import thidua.files.SafeFiles;
import thidua.report.ErrorReportWriter;
import thidua.settings.ThiduaProperties;
import thidua.text.LogText;
import thidua.workbook.Finding;

/**
 * Finishes the filings a killed process left half done ({@link SubmissionFiler} files in
 * steps: the row committed, the original copied, the inbox copy removed, the row marked
 * filed). A process killed at any point leaves one of:
 * <ul>
 * <li>no row and the file in the inbox: imported again from scratch (nothing to do here);</li>
 * <li>a row not marked filed and the file still in the inbox, its stored copy missing,
 * half written (a hidden temporary file) or complete: {@link #resumeInterrupted} finishes
 * that filing instead of importing the file twice;</li>
 * <li>a row not marked filed whose original is already stored and gone from the inbox:
 * {@link #recordFinishedFilings} records it.</li>
 * </ul>
 */
@Component
class InterruptedFilings {
    private static final Logger log = SubmissionFiler.log;
    private final SubmissionStore store;
    private final SubmissionFiler filer;
    private final TransactionTemplate separately;
    private final long hashCap;

    InterruptedFilings(SubmissionStore store, SubmissionFiler filer, PlatformTransactionManager tx,
                       ThiduaProperties settings) {
        this.store = store;
        this.hashCap = settings.inboxHashCap();
        this.filer = filer;
        this.separately = new TransactionTemplate(tx);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * True when {@code path} is the original of a committed submission whose filing was
     * interrupted (same bytes, same name, not marked filed): the filing is finished now
     * and nothing new is recorded.
     */
    public boolean resumeInterrupted(Path path) {
        return resumeInterrupted(InboxFile.of(path, hashCap));
    }

    /** As {@link #resumeInterrupted(Path)}, for a file whose name as sent is not its name on disk (an upload). */
    public boolean resumeInterrupted(InboxFile file) {
        Path path = file.path();
        Optional<SubmissionStore.Stored> unfiled = store.unfiled(file.sha256(), file.originalName());
        if (unfiled.isEmpty()) {
            return false;
        }
        SubmissionStore.Stored s = unfiled.get();
        log.info("{}: already imported as #{} ({}) by a run that stopped before filing it; filed now",
                LogText.escape(file.originalName()), s.id(), s.status().name().toLowerCase(Locale.ROOT));
        Path target = Path.of(s.storedPath());
        List<Finding> report = s.status() == ImportStatus.REJECTED ? store.findings(s.id()) : null;
        removeTemporaries(target);
        boolean stored;
        try {
            stored = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS); // renamed into place: complete
            if (stored && !InboxFile.hash(target, hashCap).equals(InboxFile.hash(path, hashCap))) {
                throw new IOException(target + " holds other bytes; left as it is");
            }
        } catch (IOException | RuntimeException ex) {
            SubmissionFiler.notYetFiled(s.id(), path, target, ex);
            return true;
        }
        filer.complete(s.id(), path, target, report, report == null ? null : filer.about(s), stored);
        return true;
    }

    /**
     * Records as filed the submissions of ended imports whose original is stored (with its
     * bytes) and no longer in {@code inbox}: a process stopped between removing the inbox
     * copy and recording it. One still in the inbox is left to the next scan, which
     * finishes its filing; one neither stored nor in the inbox is reported.
     */
    public void recordFinishedFilings(Inbox inbox) {
        for (SubmissionStore.Stored s : store.unfiledOfEndedImports()) {
            Path stored = Path.of(s.storedPath());
            try {
                if (Files.exists(inbox.dir().resolve(s.originalName()), LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
            } catch (InvalidPathException e) {
                continue; // a name this platform cannot spell: left to the next scan, which finds the file itself
            }
            try {
                if (!Files.isRegularFile(stored, LinkOption.NOFOLLOW_LINKS)
                        || !InboxFile.hash(stored, hashCap).equals(s.sha256())) {
                    log.warn("#{} {}: neither filed in {} nor waiting in {}: look for the original", s.id(),
                            LogText.escape(s.originalName()), stored.getParent(), inbox.dir());
                    continue;
                }
                Path report = ErrorReportWriter.reportPath(stored);
                if (s.status() == ImportStatus.REJECTED && !Files.exists(report)) {
                    new ErrorReportWriter().write(stored, store.findings(s.id()), filer.about(s), report);
                }
                separately.executeWithoutResult(status -> store.markFiled(s.id()));
                log.info("#{} {}: filed by a run that stopped before recording it; recorded now", s.id(),
                        LogText.escape(s.originalName()));
            } catch (IOException | RuntimeException ex) {
                log.warn("#{} {}: could not record its filing ({})", s.id(), LogText.escape(s.originalName()),
                        LogText.escape(ex.toString()));
            }
        }
    }

    /** Hidden temporary copies of {@code target} left by a process killed while copying; a failure is only logged. */
    private static void removeTemporaries(Path target) {
        try {
            SafeFiles.removeTemporaries(target);
        } catch (IOException | RuntimeException ex) {
            log.warn("Could not remove the temporary copies of {}: {}", target, ex.toString());
        }
    }
}
