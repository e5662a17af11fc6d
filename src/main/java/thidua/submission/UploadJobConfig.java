package thidua.submission;

import java.nio.file.Files;
import java.util.Locale;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import thidua.access.AuditLog;
import thidua.job.JobSummary;
import thidua.job.ProcessRegistry;
import thidua.job.StepLog;

/**
 * The upload job: one file sent through the console or the API, examined and filed
 * exactly as an inbox file is ({@link SubmissionExaminer}, {@link SubmissionFiler},
 * {@link InterruptedFilings}: the same rules, the same duplicate check, the same archive/ and rejected/ beside the
 * configured inbox), with the upload time as its arrival, in one transaction with its
 * audit row. Parameters: {@link UploadParameters}.
 */
@Configuration(proxyBeanMethods = false)
public class UploadJobConfig {
    public static final String JOB = "uploadJob";
    /** The id of the submission an upload became, in the job's execution context. */
    public static final String SUBMISSION_ID = "submissionId";

    @Bean
    Job uploadJob(JobRepository repository, Step fileUpload, ProcessRegistry owner,
                  ObjectProvider<ReportsDue> reportsDue) {
        return new JobBuilder(JOB, repository).start(fileUpload).listener(owner).listener(new JobExecutionListener() {
            /** After the step's commit filed the upload: a rejected one's error report goes to its unit. */
            @Override
            public void afterJob(JobExecution job) {
                if (job.getStatus() == BatchStatus.COMPLETED) {
                    JobSummary.put(job, ImportJobConfig.withReports(JobSummary.of(job), reportsDue, job.getId()));
                    repository.updateExecutionContext(job);
                }
            }
        }).build();
    }

    @Bean
    Step fileUpload(JobRepository repository, PlatformTransactionManager tx, SubmissionStore store,
                    SubmissionExaminer examiner, SubmissionFiler filer, InterruptedFilings interrupted, AuditLog audit,
                    StepLog stepLog) {
        return new StepBuilder("fileUpload", repository).listener(stepLog).tasklet((contribution, chunk) -> {
            JobExecution job = chunk.getStepContext().getStepExecution().getJobExecution();
            UploadParameters p = UploadParameters.from(job.getJobParameters());
            // Earlier uploads whose row committed but whose original a stopped process never filed: filed now.
            for (SubmissionStore.UnfiledUpload u : store.unfiledUploads()) {
                if (Files.isRegularFile(u.staged()) && !u.staged().equals(p.staged())) {
                    SubmissionStore.Stored s = u.stored();
                    interrupted.resumeInterrupted(new InboxFile(u.staged(), s.originalName(), s.arrivedAt(), s.size(),
                            s.sha256()));
                }
            }
            if (!Files.isRegularFile(p.staged())) {
                throw new IllegalStateException("Không còn bản tải lên " + p.staged().getFileName());
            }
            InboxFile file = p.file();
            // Restarted after its row committed but before its filing finished: finish it, record nothing new.
            if (interrupted.resumeInterrupted(file)) {
                JobSummary.put(job, "upload: " + p.originalName() + " filed");
                return RepeatStatus.FINISHED;
            }
            Examination e = examiner.examine(file, p.senderUnit());
            long id = filer.file(e, Inbox.beside(p.inbox()), job.getId());
            store.markUploaded(id, p.login(), p.senderUnit());
            String verdict = store.find(id).map(SubmissionStore.Stored::status).orElse(e.verdict()).name();
            audit.record(p.login(), "UPLOAD", "#" + id, p.originalName() + ": " + verdict, p.address());
            job.getExecutionContext().putLong(SUBMISSION_ID, id);
            JobSummary.put(job, "upload: " + p.originalName() + " " + verdict.toLowerCase(Locale.ROOT)
                    + " as #" + id);
            return RepeatStatus.FINISHED;
        }, tx).build();
    }
}
