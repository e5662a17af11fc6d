package thidua.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import thidua.access.AppUser;
import thidua.access.AuditLog;
import thidua.download.Download;
import thidua.report.ErrorReportWriter;
import thidua.submission.SubmissionStore;

/**
 * Imports as a signed-in person reaches them, the one way the console and the API both
 * use: a UNIT user sees only its own unit's imports (any other id is as absent as one that
 * does not exist), and every download and rerun is audited.
 */
@Service
public class ImportAccess {
    private final SubmissionStore submissions;
    private final BatchRuns runs;
    private final AuditLog audit;

    public ImportAccess(SubmissionStore submissions, BatchRuns runs, AuditLog audit) {
        this.submissions = submissions;
        this.runs = runs;
        this.audit = audit;
    }

    /** The import with this id if {@code user} may see it; empty otherwise, as for an id that does not exist. */
    public Optional<SubmissionStore.Stored> visible(long id, AppUser user) {
        return submissions.find(id)
                .filter(s -> user.scopeUnit() == null || submissions.belongsTo(s, user.scopeUnit()));
    }

    /** The original as it arrived, under the name it was sent with; its download audited. Empty when the file is gone. */
    public Optional<Download> original(SubmissionStore.Stored s, AppUser user, String address) {
        Download d = new Download(Path.of(s.storedPath()), s.originalName());
        return audited(d, "DOWNLOAD_ORIGINAL", s, user, address);
    }

    /** The error report beside a rejected original; its download audited. Empty when there is none. */
    public Optional<Download> errorReport(SubmissionStore.Stored s, AppUser user, String address) {
        Download d = new Download(ErrorReportWriter.reportPath(Path.of(s.storedPath())), errorReportName(s));
        return audited(d, "DOWNLOAD_ERROR_REPORT", s, user, address);
    }

    public boolean hasErrorReport(SubmissionStore.Stored s) {
        return new Download(ErrorReportWriter.reportPath(Path.of(s.storedPath())), "").exists();
    }

    /** The name people get the error report under: the name as sent, with `.loi.xlsx`. */
    public static String errorReportName(SubmissionStore.Stored s) {
        return s.originalName().replaceFirst("\\.[^.]*$", "") + ErrorReportWriter.SUFFIX;
    }

    /**
     * Re-validates a rejected import (and consolidates its period again when it is accepted
     * now and was consolidated before), audited as {@code RERUN}.
     */
    public List<RunResult> rerun(SubmissionStore.Stored s, AppUser user, String address) throws BadRequest {
        List<RunResult> results = runs.rerunImport(s.id());
        audit.record(user.login(), "RERUN", "#" + s.id(),
                String.join("; ", results.stream().map(RunText::outcome).toList()), address);
        return results;
    }

    private Optional<Download> audited(Download d, String action, SubmissionStore.Stored s, AppUser user,
                                       String address) {
        if (!d.exists()) {
            return Optional.empty();
        }
        audit.record(user.login(), action, "#" + s.id(), d.name(), address);
        return Optional.of(d);
    }
}
