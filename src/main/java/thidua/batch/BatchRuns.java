package thidua.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;
import thidua.consolidation.ConsolidateParameters;
import thidua.consolidation.ConsolidationStore;
import thidua.files.Sha256;
import thidua.database.DatabaseLost;
import thidua.job.Failure;
import thidua.job.ProcessRegistry;
import thidua.scheme.SchemeParameters;
import thidua.scheme.SchemeStore;
import thidua.submission.ImportParameters;
import thidua.submission.ImportStatus;
import thidua.submission.RerunJobConfig;
import thidua.submission.RerunParameters;
import thidua.submission.SubmissionStore;
import thidua.submission.UploadParameters;
import thidua.text.Labels;

/**
 * Launches the batch jobs, the one way the command line, the scheduler and the API all
 * use. Every job gets identifying parameters from its business keys plus the time it was
 * asked for, so each request is its own job instance and a failed one can be restarted
 * with exactly its parameters. Launches are synchronous: the caller learns the outcome.
 */
@Service
public class BatchRuns {
    private static final Logger log = LoggerFactory.getLogger("thidua.batch");
    /** Spring Batch's own words and class names: for the log file only. */
    private static final Logger DETAIL = LoggerFactory.getLogger("thidua.file-only.batch");
    private final JobOperator operator;
    private final Job schemeJob;
    private final Job importJob;
    private final Job consolidateJob;
    private final Job rerunImportJob;
    private final Job uploadJob;
    private final SchemeStore schemes;
    private final SubmissionStore submissions;
    private final ConsolidationStore consolidations;
    private final JobRepository repository;
    private final ProcessRegistry process;

    public BatchRuns(JobOperator operator, JobRepository repository, @Qualifier("schemeJob") Job schemeJob,
                     @Qualifier("importJob") Job importJob, @Qualifier("consolidateJob") Job consolidateJob,
                     @Qualifier("rerunImportJob") Job rerunImportJob, @Qualifier("uploadJob") Job uploadJob,
                     SchemeStore schemes,
                     SubmissionStore submissions, ConsolidationStore consolidations, ProcessRegistry process) {
        this.operator = operator;
        this.process = process;
        this.repository = repository;
        this.schemeJob = schemeJob;
        this.importJob = importJob;
        this.consolidateJob = consolidateJob;
        this.rerunImportJob = rerunImportJob;
        this.uploadJob = uploadJob;
        this.schemes = schemes;
        this.submissions = submissions;
        this.consolidations = consolidations;
    }

    public RunResult scheme(Path file) throws BadRequest {
        if (!Files.isRegularFile(file)) {
            throw new BadRequest("không có tệp " + file);
        }
        String sha;
        try {
            sha = Sha256.of(file);
        } catch (IOException e) {
            throw new BadRequest("không đọc được " + file + ": " + e.getMessage());
        }
        return launch("scheme", schemeJob, new SchemeParameters(file.toAbsolutePath().normalize(), sha).toJobParameters());
    }

    public RunResult importInbox(Path inbox) throws BadRequest {
        return importInbox(inbox, null);
    }

    /**
     * @param firing the schedule firing that asks for it ({@code name@scheduled-time}), null
     *               when a person asks: recorded as a non-identifying parameter, so every
     *               execution tells which firing launched it
     */
    public RunResult importInbox(Path inbox, String firing) throws BadRequest {
        if (!Files.isDirectory(inbox)) {
            throw new BadRequest("thư mục nhận báo cáo không tồn tại: " + inbox);
        }
        return launch("import", importJob,
                new ImportParameters(inbox.toAbsolutePath().normalize(), firing).toJobParameters());
    }

    public RunResult consolidate(String period, Path out) throws BadRequest {
        return consolidate(period, out, null);
    }

    /** @param firing as for {@link #importInbox(Path, String)} */
    public RunResult consolidate(String period, Path out, String firing) throws BadRequest {
        String code = Labels.code(period);
        if (schemes.currentForPeriod(code).isEmpty()) {
            throw new BadRequest("kỳ báo cáo \"" + code + "\" không có trong bộ tiêu chí nào đã nạp (nạp bằng lệnh scheme)");
        }
        return launch("consolidate", consolidateJob,
                new ConsolidateParameters(code, out.toAbsolutePath().normalize(), firing).toJobParameters());
    }

    /**
     * Re-validates a rejected import against the current scheme; when it is accepted now
     * and its period was consolidated before, the period is consolidated again into the
     * same folder. Returns the rerun's result, then the consolidation's if there was one.
     */
    public List<RunResult> rerunImport(long id) throws BadRequest {
        SubmissionStore.Stored stored = submissions.find(id).orElseThrow(() ->
                new BadRequest("không có tệp nhận #" + id));
        if (stored.status() != ImportStatus.REJECTED) {
            throw new Conflict("tệp #" + id + " (" + stored.originalName() + ") đang ở trạng thái " + stored.status()
                    + ": chỉ chạy lại được tệp bị trả lại");
        }
        if (running(RerunJobConfig.JOB, RerunParameters.IMPORT_ID, id)) {
            throw new Conflict("tệp #" + id + " đang được chạy lại");
        }
        RunResult rerun = launch("rerun", rerunImportJob, new RerunParameters(id).toJobParameters());
        List<RunResult> results = new ArrayList<>(List.of(rerun));
        String period = rerun.execution().getExecutionContext().containsKey(RerunJobConfig.PERIOD)
                ? rerun.execution().getExecutionContext().getString(RerunJobConfig.PERIOD) : null;
        boolean accepted = submissions.find(id).map(s -> s.status() == ImportStatus.ACCEPTED).orElse(false);
        if (rerun.ok() && accepted && period != null) {
            Optional<Path> out = consolidations.lastOutRoot(period);
            if (out.isPresent()) {
                results.add(consolidate(period, out.get()));
            }
        }
        return results;
    }

    /** Examines and files one uploaded file, staged under a generated name, as the inbox would. */
    public RunResult upload(UploadParameters params) {
        return launch("upload", uploadJob, params.toJobParameters());
    }

    /**
     * The "already running?" check: true while an execution of {@code job} whose parameter
     * {@code parameter} is {@code value} has not ended, in this process or another instance
     * sharing the job repository.
     */
    public boolean running(String job, String parameter, Object value) {
        return repository.findRunningJobExecutions(job).stream().anyMatch(e -> {
            var p = e.getJobParameters().getParameter(parameter);
            return p != null && value.equals(p.value());
        });
    }

    /**
     * The job execution with this id, if there is one. Spring Batch 6's JDBC repository
     * throws for an unknown id instead of answering null (a 500 from the API, a stack trace
     * from `rerun --execution`), hence the catch.
     */
    public Optional<JobExecution> findExecution(long executionId) {
        try {
            return Optional.ofNullable(repository.getJobExecution(executionId));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    /** Restarts a FAILED or STOPPED job execution with its own parameters; it continues where it stopped. */
    public RunResult restart(long executionId) throws BadRequest {
        JobExecution execution = findExecution(executionId).orElse(null);
        if (execution == null) {
            throw new BadRequest("không có lần chạy #" + executionId);
        }
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
            throw new Conflict("lần chạy #" + executionId + " đang ở trạng thái " + execution.getStatus()
                    + ": chỉ chạy lại được lần chạy FAILED hoặc STOPPED");
        }
        try {
            return RunResult.of("restart", operator.restart(execution));
        } catch (Exception e) {
            if (DatabaseLost.causes(e)) {
                throw new Failure(RunResult.databaseLost("restart", process.lastStartedHere().orElse(executionId)), e);
            }
            DETAIL.warn("restart #{} refused by Spring Batch: {}", executionId, e.toString());
            throw new Conflict("không chạy lại được #" + executionId + ": " + refusal(e));
        }
    }

    /** Why Spring Batch refused a restart, in words a user reads (its own messages are English). */
    private static String refusal(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Batch 6 says "already complete" as a JobRestartException of its own, or as the exception of that name.
            if (t instanceof JobInstanceAlreadyCompleteException
                    || String.valueOf(t.getMessage()).startsWith("A job instance already exists and is complete")) {
                return "việc này đã chạy xong với đúng các tham số đó";
            }
            if (t instanceof JobExecutionAlreadyRunningException) {
                return "việc này đang chạy";
            }
        }
        return "Spring Batch không cho chạy lại (chi tiết trong tệp nhật ký)";
    }

    /**
     * Asks every job running in this process to stop (SIGTERM): each ends at its next
     * chunk boundary (for an import, between two files) as STOPPED, restartable; returns
     * how many were asked.
     *
     * <p>Only the live executions are flagged, and the job's own thread, at its next boundary,
     * stops and records it: Batch's {@code JobOperator.stop} writes the running step execution
     * from the calling thread, and the step's own next write then failed on its version
     * ({@code OptimisticLockingFailureException}: FAILED instead of STOPPED).
     */
    public int stopRunningHere() {
        int asked = 0;
        for (JobExecution execution : process.runningHere()) {
            if (!execution.isRunning()) {
                continue;
            }
            execution.setStatus(BatchStatus.STOPPING); // no next step starts
            execution.getStepExecutions().stream().filter(step -> step.getStatus().isRunning())
                    .forEach(StepExecution::setTerminateOnly); // the running one ends at its boundary
            asked++;
        }
        return asked;
    }

    private RunResult launch(String command, Job job, JobParameters params) {
        JobExecution execution;
        try {
            execution = operator.start(job, params);
        } catch (Exception e) {
            if (DatabaseLost.causes(e)) {
                throw new Failure(RunResult.databaseLost(command, process.lastStartedHere().orElse(null)), e);
            }
            throw new IllegalStateException("Không chạy được " + job.getName() + ": " + e.getMessage(), e);
        }
        return RunResult.of(command, execution);
    }
}
