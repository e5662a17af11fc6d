package thidua.batch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import thidua.access.AuditLog;
import thidua.job.JobSummary;

/**
 * Job executions as the console and the API list them, and their restart on request,
 * audited: the one place both use.
 */
@Service
public class Executions {
    private final JdbcClient jdbc;
    private final JobRepository repository;
    private final BatchRuns runs;
    private final AuditLog audit;

    public Executions(JdbcClient jdbc, JobRepository repository, BatchRuns runs, AuditLog audit) {
        this.jdbc = jdbc;
        this.repository = repository;
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
        Map<Long, Execution> found = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT e.job_execution_id, i.job_name, e.status, e.exit_code, e.start_time, e.end_time
                FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE (CAST(:status AS TEXT) IS NULL OR e.status = :status)
                ORDER BY e.job_execution_id DESC LIMIT :limit""")
                .param("status", status).param("limit", Math.min(Math.max(limit, 1), 1000))
                .query(rs -> {
                    long id = rs.getLong(1);
                    found.put(id, new Execution(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), new TreeMap<>()));
                });
        if (!found.isEmpty()) {
            jdbc.sql("""
                    SELECT job_execution_id, parameter_name, parameter_value FROM batch_job_execution_params
                    WHERE job_execution_id IN (:ids)""")
                    .param("ids", List.copyOf(found.keySet()))
                    .query(rs -> {
                        found.get(rs.getLong(1)).parameters().put(rs.getString(2), rs.getString(3));
                    });
        }
        return List.copyOf(found.values());
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

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
