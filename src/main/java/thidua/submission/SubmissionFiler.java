package thidua.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import thidua.files.Sha256;
import thidua.report.ErrorReportWriter;
import thidua.workbook.Finding;

/**
 * Stores an examined file: its verdict is recorded in the chunk's transaction; after the
 * commit its original is copied under a generated name into {@code archive/P/UNIT/},
 * {@code archive/duplicate/} or {@code rejected/} (written to a hidden temporary file,
 * then renamed: never half there), the error report of a rejected file is written beside
 * it, the inbox copy is removed, and the row is marked filed. A process killed at any
 * point leaves no row and the file in the inbox (imported again from scratch); or a row
 * not marked filed and the file still in the inbox: the next import finishes that filing
 * ({@link #resumeInterrupted}) instead of importing the file twice; or a row not marked
 * filed whose original is already stored and gone from the inbox: the next import records
 * it ({@link #recordFinishedFilings}). No copy is ever made for a row that did not commit,
 * so nothing in archive/ or rejected/ lacks its row.
 */
@Component
class SubmissionFiler {
    private static final Logger log = LoggerFactory.getLogger("thidua.import");
    private final SubmissionStore store;
    private final TransactionTemplate separately;

    public SubmissionFiler(SubmissionStore store, PlatformTransactionManager tx) {
        this.store = store;
        this.separately = new TransactionTemplate(tx);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records {@code e} in the caller's transaction and files its original after the commit; returns its id. */
    public long file(Examination e, Inbox inbox, long jobExecutionId) {
        store.lockBytes(e.file().sha256());
        if (e.verdict() != ImportStatus.DUPLICATE) {
            // Another import (an upload, another instance) may have stored the same bytes since e was examined.
            java.util.Optional<Long> earlier = store.sameBytes(e.file().sha256());
            if (earlier.isPresent()) {
                e = new Examination(e.file(), ImportStatus.DUPLICATE, null, null, earlier.get(), e.extension());
            }
        }
        long id = store.nextId();
        Path target = target(e, inbox, id);
        List<Finding> report = e.verdict() == ImportStatus.REJECTED ? e.parsed().findings() : null;
        store.insert(id, e, target.toString(), jobExecutionId);
        Path source = e.file().path();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                complete(id, source, target, report, false);
            }
        });
        announce(e, id, report == null ? null : ErrorReportWriter.reportPath(target));
        return id;
    }

    /**
     * True when {@code path} is the original of a committed submission whose filing was
     * interrupted (same bytes, same name, not marked filed): the filing is finished now
     * and nothing new is recorded.
     */
    public boolean resumeInterrupted(Path path) {
        return resumeInterrupted(InboxFile.of(path));
    }

    /** As {@link #resumeInterrupted(Path)}, for a file whose name as sent is not its name on disk (an upload). */
    public boolean resumeInterrupted(InboxFile file) {
        Path path = file.path();
        java.util.Optional<SubmissionStore.Stored> unfiled = store.unfiled(file.sha256(), file.originalName());
        if (unfiled.isEmpty()) {
            return false;
        }
        SubmissionStore.Stored s = unfiled.get();
        log.info("{}: already imported as #{} ({}) by a run that stopped before filing it; filed now",
                file.originalName(), s.id(), s.status().name().toLowerCase(java.util.Locale.ROOT));
        complete(s.id(), path, Path.of(s.storedPath()), s.status() == ImportStatus.REJECTED ? store.findings(s.id()) : null,
                true);
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
            if (Files.exists(inbox.dir().resolve(s.originalName()))) {
                continue;
            }
            try {
                if (!Files.isRegularFile(stored) || !Sha256.of(stored).equals(s.sha256())) {
                    log.warn("#{} {}: neither filed in {} nor waiting in {}: look for the original", s.id(),
                            s.originalName(), stored.getParent(), inbox.dir());
                    continue;
                }
                Path report = ErrorReportWriter.reportPath(stored);
                if (s.status() == ImportStatus.REJECTED && !Files.exists(report)) {
                    new ErrorReportWriter().write(stored, store.findings(s.id()), report);
                }
                separately.executeWithoutResult(status -> store.markFiled(s.id()));
                log.info("#{} {}: filed by a run that stopped before recording it; recorded now", s.id(),
                        s.originalName());
            } catch (IOException | RuntimeException ex) {
                log.warn("#{} {}: could not record its filing ({})", s.id(), s.originalName(), ex.toString());
            }
        }
    }

    /**
     * After the commit: the stored copy, the error report, the inbox copy removed, the row
     * marked filed. Never throws: what fails is logged and the file stays in the inbox
     * for the next scan, which finishes the filing.
     */
    private void complete(long id, Path source, Path target, List<Finding> report, boolean resumed) {
        try {
            if (resumed) {
                removeTemporaries(target);
            }
            boolean stored = resumed && Files.isRegularFile(target); // renamed into place: complete
            if (stored && !Sha256.of(target).equals(Sha256.of(source))) {
                throw new IOException(target + " holds other bytes; left as it is");
            }
            if (!stored) {
                copyAtomically(source, target, resumed);
            }
            if (report != null) {
                new ErrorReportWriter().write(target, report, ErrorReportWriter.reportPath(target));
            }
            Files.deleteIfExists(source);
            separately.executeWithoutResult(status -> store.markFiled(id));
        } catch (IOException | RuntimeException ex) {
            log.warn("#{} {}: recorded, but not yet filed into {} ({}); the next import finishes it", id,
                    source.getFileName(), target.getParent(), ex.toString());
        }
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
            copyAtomically(original, target, true);
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

    /**
     * Copies {@code from} (keeping its modification time, the arrival) to a hidden temporary
     * file beside {@code to}, forces it to disk and renames it to {@code to} in one step.
     * Without {@code replace}, fails rather than overwrite an existing file.
     */
    private static void copyAtomically(Path from, Path to, boolean replace) {
        try {
            Files.createDirectories(to.getParent());
            if (!replace && Files.exists(to)) {
                throw new java.nio.file.FileAlreadyExistsException(to.toString());
            }
            Path tmp = Files.createTempFile(to.getParent(), "." + to.getFileName() + ".", ".tmp");
            try {
                Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(tmp,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Không lưu được " + from + " vào " + to, ex);
        }
    }

    /** Hidden temporary copies of {@code target} left by a process killed while copying. */
    private static void removeTemporaries(Path target) throws IOException {
        if (!Files.isDirectory(target.getParent())) {
            return;
        }
        String prefix = "." + target.getFileName() + ".";
        try (java.util.stream.Stream<Path> files = Files.list(target.getParent())) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".tmp")).toList()) {
                deleteQuietly(p);
            }
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
