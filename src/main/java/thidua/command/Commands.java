package thidua.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import thidua.batch.JobSummary;
import thidua.scheme.SchemeStore;
import thidua.submission.InboxFile;
import thidua.submission.SubmissionStore;

/**
 * The commands of OPERATIONS.md, each one or more Spring Batch jobs in the JDBC job
 * repository. Every job gets identifying parameters from its business keys plus the
 * time it was asked for, so each request is its own job instance and a failed one can
 * be restarted with exactly its parameters.
 */
@Component
public class Commands {
    private final JobOperator operator;
    private final Job schemeJob;
    private final Job importJob;
    private final Job consolidateJob;
    private final SubmissionStore submissions;
    private final SchemeStore schemes;
    private final thidua.status.StatusReport statusReport;

    public Commands(JobOperator operator, @Qualifier("schemeJob") Job schemeJob,
                    @Qualifier("importJob") Job importJob, @Qualifier("consolidateJob") Job consolidateJob,
                    SubmissionStore submissions, SchemeStore schemes, thidua.status.StatusReport statusReport) {
        this.operator = operator;
        this.schemeJob = schemeJob;
        this.importJob = importJob;
        this.consolidateJob = consolidateJob;
        this.submissions = submissions;
        this.schemes = schemes;
        this.statusReport = statusReport;
    }

    public int execute(Invocation invocation) {
        try {
            return switch (invocation.command()) {
                case "scheme" -> scheme(Path.of(invocation.option("file")));
                case "import" -> importInbox(Path.of(invocation.option("inbox")));
                case "consolidate" -> consolidate(invocation.option("period"), Path.of(invocation.option("out")));
                case "run" -> run(invocation);
                case "status" -> status(invocation.option("period"));
                default -> CommandLine.BAD_USAGE;
            };
        } catch (BadInput e) {
            System.out.println(invocation.command() + ": " + e.getMessage());
            return CommandLine.BAD_USAGE;
        }
    }

    private int run(Invocation invocation) throws BadInput {
        int code = scheme(Path.of(invocation.option("scheme")));
        if (code != CommandLine.OK) {
            System.out.println("run: stopped, the scheme was not loaded");
            return code;
        }
        code = importInbox(Path.of(invocation.option("inbox")));
        if (code != CommandLine.OK) {
            System.out.println("run: stopped, the import failed");
            return code;
        }
        code = consolidate(invocation.option("period"), Path.of(invocation.option("out")));
        System.out.println(code == CommandLine.OK ? "run: completed" : "run: consolidation failed");
        return code;
    }

    private int scheme(Path file) throws BadInput {
        requireFile(file, "--file/--scheme");
        String sha;
        try {
            sha = InboxFile.sha256(file);
        } catch (java.io.IOException e) {
            throw new BadInput("không đọc được " + file + ": " + e.getMessage());
        }
        JobParameters params = new JobParametersBuilder()
                .addString("file", file.toAbsolutePath().normalize().toString())
                .addString("sha256", sha)
                .addString("requestedAt", Instant.now().toString())
                .toJobParameters();
        JobExecution execution = launch(schemeJob, params);
        if (execution.getStatus() == BatchStatus.COMPLETED
                && JobSummary.REFUSED.getExitCode().equals(execution.getExitStatus().getExitCode())) {
            JobSummary.problems(execution).forEach(p -> System.out.println("  " + p));
            System.out.println(JobSummary.of(execution));
            return CommandLine.BAD_USAGE;
        }
        return finish("scheme", execution);
    }

    private int importInbox(Path inbox) throws BadInput {
        if (!Files.isDirectory(inbox)) {
            throw new BadInput("thư mục nhận báo cáo không tồn tại: " + inbox);
        }
        JobParameters params = new JobParametersBuilder()
                .addString("inbox", inbox.toAbsolutePath().normalize().toString())
                .addString("requestedAt", Instant.now().toString())
                .toJobParameters();
        JobExecution execution = launch(importJob, params);
        Map<String, Integer> counts = submissions.countsByStatus(execution.getId());
        JobSummary.put(execution, String.format("import: %d accepted, %d rejected, %d duplicate",
                counts.getOrDefault("ACCEPTED", 0), counts.getOrDefault("REJECTED", 0),
                counts.getOrDefault("DUPLICATE", 0)));
        return finish("import", execution);
    }

    private int consolidate(String period, Path out) throws BadInput {
        String code = thidua.text.Labels.code(period);
        if (schemes.currentForPeriod(code).isEmpty()) {
            throw new BadInput("kỳ báo cáo \"" + code + "\" không có trong bộ tiêu chí nào đã nạp (nạp bằng lệnh scheme)");
        }
        JobParameters params = new JobParametersBuilder()
                .addString("period", code)
                .addString("out", out.toAbsolutePath().normalize().toString())
                .addString("requestedAt", Instant.now().toString())
                .toJobParameters();
        return finish("consolidate", launch(consolidateJob, params));
    }

    /** A read-only look at the database: no job, nothing changes. */
    private int status(String period) throws BadInput {
        String code = period == null ? null : thidua.text.Labels.code(period);
        if (code != null && schemes.currentForPeriod(code).isEmpty()) {
            throw new BadInput("kỳ báo cáo \"" + code + "\" không có trong bộ tiêu chí nào đã nạp");
        }
        statusReport.lines(code).forEach(System.out::println);
        return CommandLine.OK;
    }

    private JobExecution launch(Job job, JobParameters params) {
        try {
            return operator.start(job, params);
        } catch (Exception e) {
            throw new IllegalStateException("Không chạy được " + job.getName() + ": " + e.getMessage(), e);
        }
    }

    /** Prints the job's one-line summary, or why it failed; exit code 0 or 1. */
    private static int finish(String command, JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            System.out.println(JobSummary.of(execution));
            return CommandLine.OK;
        }
        execution.getAllFailureExceptions().forEach(e -> System.out.println("  lỗi: " + rootMessage(e)));
        String summary = JobSummary.of(execution);
        System.out.println(command + ": FAILED (job execution " + execution.getId() + ", "
                + execution.getStatus() + ")" + (summary.isEmpty() ? "" : "; " + summary));
        return CommandLine.FAILED;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void requireFile(Path file, String option) throws BadInput {
        if (!Files.isRegularFile(file)) {
            throw new BadInput("không có tệp " + file + " (" + option + ")");
        }
    }

    /** Input that the command refuses before any job starts: exit code 2. */
    static class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }
}
