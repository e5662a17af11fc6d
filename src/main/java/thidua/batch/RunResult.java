package thidua.batch;

import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import thidua.database.DatabaseLost;
import thidua.job.ExitCode;
import thidua.job.Failure;
import thidua.job.JobSummary;

/**
 * How one launched job ended, as every caller (command line, scheduler, API) reports it,
 * with its {@link ExitCode}.
 */
public record RunResult(String command, JobExecution execution, ExitCode exitCode, String summary,
                        List<String> problems, List<String> failures) {

    static RunResult of(String command, JobExecution execution) {
        String summary = JobSummary.of(execution);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            boolean refused = JobSummary.REFUSED.getExitCode().equals(execution.getExitStatus().getExitCode());
            return new RunResult(command, execution, refused ? ExitCode.REFUSED : ExitCode.COMPLETED, summary, JobSummary.problems(execution),
                    List.of());
        }
        if (execution.getAllFailureExceptions().stream().anyMatch(DatabaseLost::causes)) {
            return new RunResult(command, execution, ExitCode.FAILED, databaseLost(command, execution.getId()), List.of(),
                    List.of());
        }
        boolean stopped = execution.getStatus() == BatchStatus.STOPPED;
        // A stop (SIGTERM) is not a failure: what was done is kept, the rest waits for the restart.
        List<String> failures = stopped ? List.of()
                : execution.getAllFailureExceptions().stream().map(RunResult::rootMessage).toList();
        List<String> problems = stopped ? List.of("đã dừng theo yêu cầu giữa hai tệp; chạy tiếp bằng lệnh rerun --execution "
                + execution.getId()) : List.of();
        String failed = command + ": " + (stopped ? "STOPPED" : "FAILED") + " (job execution " + execution.getId() + ", "
                + execution.getStatus() + ")" + (summary.isEmpty() ? "" : "; " + summary);
        return new RunResult(command, execution, ExitCode.FAILED, failed, problems, failures);
    }

    /** The one line of a job the database went away under (the traces are in the log file). */
    static String databaseLost(String command, Long executionId) {
        return command + ": mất kết nối tới cơ sở dữ liệu, công việc dừng giữa chừng"
                + (executionId == null ? "" : " (lần chạy #" + executionId + "); khi cơ sở dữ liệu hoạt động trở lại, "
                + "chạy tiếp bằng lệnh rerun --execution " + executionId);
    }

    private static String rootMessage(Throwable e) {
        Failure said = Failure.in(e);
        if (said != null) {
            return said.getMessage();
        }
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    public boolean ok() {
        return exitCode == ExitCode.COMPLETED;
    }
}
