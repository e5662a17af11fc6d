package thidua.batch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import thidua.access.AuditLog;
import thidua.job.JobSummary;

/**
 * Job executions as the console and the API list them, and their restart on request,
 * audited: the one place both use.
 */
@Service
public class Executions {
    private final ExecutionStore store;
    private final BatchRuns runs;
    private final AuditLog audit;

    Executions(ExecutionStore store, BatchRuns runs, AuditLog audit) {
        this.store = store;
        this.runs = runs;
        this.audit = audit;
    }

    /** One execution; {@code parameters} by name, in name order. */
    public record Execution(long id, String job, String status, String exitCode, Instant startTime, Instant endTime,
                            Map<String, String> parameters) {

        public boolean restartable() {
            return status.equals("FAILED") || status.equals("STOPPED");
        }
    }

    /** The newest executions first; {@code status} filters when not null. */
    public List<Execution> list(String status, int limit) {
        return store.list(status, Math.min(Math.max(limit, 1), 1000));
    }

    public boolean exists(long id) {
        return runs.findExecution(id).isPresent();
    }

    /** The summary line an execution left (English, for scripts; {@link RunText#summary} says it in Vietnamese). */
    public String summary(long id) {
        return runs.findExecution(id).map(JobSummary::of).orElse("");
    }

    /** Restarts a FAILED or STOPPED execution with its own parameters and audits it ({@code RESTART}). */
    public RunResult restart(long id, String login, String address) throws BadRequest {
        RunResult result = runs.restart(id);
        audit.record(login, "RESTART", "lần chạy #" + id, RunText.outcome(result), address);
        return result;
    }
}
