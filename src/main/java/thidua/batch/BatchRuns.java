package thidua.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import thidua.scheme.SchemeStore;
import thidua.submission.InboxFile;
import thidua.text.Labels;

/**
 * Launches the batch jobs, the one way the command line, the scheduler and the API all
 * use. Every job gets identifying parameters from its business keys plus the time it was
 * asked for, so each request is its own job instance and a failed one can be restarted
 * with exactly its parameters. Launches are synchronous: the caller learns the outcome.
 */
@Service
public class BatchRuns {
    private final JobOperator operator;
    private final Job schemeJob;
    private final Job importJob;
    private final Job consolidateJob;
    private final SchemeStore schemes;

    public BatchRuns(JobOperator operator, @Qualifier("schemeJob") Job schemeJob,
                     @Qualifier("importJob") Job importJob, @Qualifier("consolidateJob") Job consolidateJob,
                     SchemeStore schemes) {
        this.operator = operator;
        this.schemeJob = schemeJob;
        this.importJob = importJob;
        this.consolidateJob = consolidateJob;
        this.schemes = schemes;
    }

    public RunResult scheme(Path file) throws BadRequest {
        if (!Files.isRegularFile(file)) {
            throw new BadRequest("không có tệp " + file);
        }
        String sha;
        try {
            sha = InboxFile.sha256(file);
        } catch (IOException e) {
            throw new BadRequest("không đọc được " + file + ": " + e.getMessage());
        }
        return launch("scheme", schemeJob, new JobParametersBuilder()
                .addString("file", file.toAbsolutePath().normalize().toString())
                .addString("sha256", sha)
                .addString("requestedAt", Instant.now().toString())
                .toJobParameters());
    }

    public RunResult importInbox(Path inbox) throws BadRequest {
        if (!Files.isDirectory(inbox)) {
            throw new BadRequest("thư mục nhận báo cáo không tồn tại: " + inbox);
        }
        return launch("import", importJob, new JobParametersBuilder()
                .addString("inbox", inbox.toAbsolutePath().normalize().toString())
                .addString("requestedAt", Instant.now().toString())
                .toJobParameters());
    }

    public RunResult consolidate(String period, Path out) throws BadRequest {
        String code = Labels.code(period);
        if (schemes.currentForPeriod(code).isEmpty()) {
            throw new BadRequest("kỳ báo cáo \"" + code + "\" không có trong bộ tiêu chí nào đã nạp (nạp bằng lệnh scheme)");
        }
        return launch("consolidate", consolidateJob, new JobParametersBuilder()
                .addString("period", code)
                .addString("out", out.toAbsolutePath().normalize().toString())
                .addString("requestedAt", Instant.now().toString())
                .toJobParameters());
    }

    private RunResult launch(String command, Job job, JobParameters params) {
        JobExecution execution;
        try {
            execution = operator.start(job, params);
        } catch (Exception e) {
            throw new IllegalStateException("Không chạy được " + job.getName() + ": " + e.getMessage(), e);
        }
        return RunResult.of(command, execution);
    }
}
