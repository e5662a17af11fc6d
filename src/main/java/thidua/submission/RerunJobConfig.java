package thidua.submission;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import thidua.job.JobSummary;
import thidua.job.ProcessRegistry;
import thidua.job.StepLog;

/**
 * The `rerun --import ID` job: re-validates one stored, rejected submission against the
 * current scheme (after the scheme was corrected, say), in one transaction. Parameters:
 * {@link RerunParameters}.
 */
@Configuration(proxyBeanMethods = false)
public class RerunJobConfig {
    public static final String JOB = "rerunImportJob";
    public static final String PERIOD = "period";

    @Bean
    Job rerunImportJob(JobRepository repository, Step revalidateImport, ProcessRegistry owner) {
        return new JobBuilder(JOB, repository).start(revalidateImport).listener(owner).build();
    }

    @Bean
    Step revalidateImport(JobRepository repository, PlatformTransactionManager tx, SubmissionStore store,
                          SubmissionExaminer examiner, SubmissionFiler filer, StepLog stepLog) {
        return new StepBuilder("revalidateImport", repository).listener(stepLog).tasklet((contribution, chunk) -> {
            JobExecution job = chunk.getStepContext().getStepExecution().getJobExecution();
            long id = RerunParameters.from(job.getJobParameters()).importId();
            SubmissionStore.Stored stored = store.find(id).orElseThrow(() ->
                    new IllegalArgumentException("Không có tệp nhận #" + id));
            Examination e = examiner.read(stored.file(), stored.senderUnit());
            filer.refile(stored, e);
            if (e.parsed().periodCode() != null) {
                job.getExecutionContext().putString(PERIOD, e.parsed().periodCode());
            }
            JobSummary.put(job, String.format("rerun: #%d %s is now %s%s", id, stored.originalName(),
                    e.verdict() == ImportStatus.ACCEPTED ? "accepted" : "still rejected",
                    e.verdict() == ImportStatus.ACCEPTED ? "" : " (" + e.parsed().errors().size() + " lỗi)"));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }
}
