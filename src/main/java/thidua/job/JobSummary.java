package thidua.job;

import java.util.List;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Where a job leaves what the command prints: a one-line summary and, for a refused
 * input, its problems. Kept in the job's execution context, so a run restarted by
 * another process reports the same way.
 */
public final class JobSummary {
    public static final String KEY = "summary";
    public static final String PROBLEMS = "problems";
    /** A job that completed but refused its input (a broken scheme): exit code 2, not a failure. */
    public static final ExitStatus REFUSED = new ExitStatus("REFUSED");

    private JobSummary() {
    }

    public static void put(JobExecution job, String summary) {
        job.getExecutionContext().putString(KEY, summary);
    }

    public static String of(JobExecution job) {
        return job.getExecutionContext().containsKey(KEY) ? job.getExecutionContext().getString(KEY) : "";
    }

    @SuppressWarnings("unchecked")
    public static List<String> problems(JobExecution job) {
        Object problems = job.getExecutionContext().get(PROBLEMS);
        return problems == null ? List.of() : (List<String>) problems;
    }
}
