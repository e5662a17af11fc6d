package thidua.submission;

import java.nio.file.Path;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import thidua.job.JobSummary;

/**
 * The `import` job: every file of the inbox is one item and one transaction (chunk of
 * one), so each submission is accepted whole or rejected whole, whatever happens to
 * the next. Parameters: {@code inbox} and {@code requestedAt}, both identifying.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobConfig {
    public static final String JOB = "importJob";

    @Bean
    Job importJob(JobRepository repository, Step importFiles, SubmissionStore submissions, InterruptedFilings interrupted,
                  thidua.job.ProcessRegistry owner) {
        return new JobBuilder(JOB, repository).start(importFiles).listener(owner).listener(new JobExecutionListener() {
            /** The summary counts what this execution stored, so a restarted run reports the same way. */
            @Override
            public void afterJob(JobExecution job) {
                // After the scan, which finished the filings whose originals were still in the inbox.
                interrupted.recordFinishedFilings(Inbox.beside(Path.of(job.getJobParameters().getString("inbox"))));
                java.util.Map<String, Integer> counts = submissions.countsByStatus(job.getId());
                JobSummary.put(job, String.format("import: %d accepted, %d rejected, %d duplicate",
                        counts.getOrDefault("ACCEPTED", 0), counts.getOrDefault("REJECTED", 0),
                        counts.getOrDefault("DUPLICATE", 0)));
                // After the last step: stored only if written here (the console's run list reads it back).
                repository.updateExecutionContext(job);
            }
        }).build();
    }

    @Bean
    Step importFiles(JobRepository repository, PlatformTransactionManager tx, ListItemReader<Path> inboxReader,
                     SubmissionExaminer examiner, InterruptedFilings interrupted, ItemWriter<Examination> submissionWriter,
                     thidua.job.StepLog stepLog) {
        return new StepBuilder("importFiles", repository).listener(stepLog)
                .<Path, Examination>chunk(1)
                .transactionManager(tx)
                .reader(inboxReader)
                // A file whose import committed but whose filing was interrupted is filed, not imported again.
                .processor(path -> interrupted.resumeInterrupted(path) ? null : examiner.examine(path))
                .writer(submissionWriter)
                .build();
    }

    @Bean
    @StepScope
    ListItemReader<Path> inboxReader(@Value("#{jobParameters['inbox']}") String inbox,
                                     @Value("${thidua.inbox.settle-millis}") long settleMillis) {
        var files = Inbox.beside(Path.of(inbox)).readyFiles(java.time.Duration.ofMillis(settleMillis));
        org.slf4j.LoggerFactory.getLogger("thidua.import").info("{} file(s) in {}", files.size(), inbox);
        return new ListItemReader<>(files);
    }

    @Bean
    @StepScope
    SubmissionWriter submissionWriter(@Value("#{jobParameters['inbox']}") String inbox,
                                      @Value("#{stepExecution}") StepExecution step, SubmissionFiler filer) {
        return new SubmissionWriter(filer, Inbox.beside(Path.of(inbox)), step.getJobExecutionId());
    }

    /** Files each examined submission in the chunk's transaction (a class, not a record: step scope proxies it). */
    static class SubmissionWriter implements ItemWriter<Examination> {
        private final SubmissionFiler filer;
        private final Inbox inbox;
        private final long jobExecutionId;

        SubmissionWriter(SubmissionFiler filer, Inbox inbox, long jobExecutionId) {
            this.filer = filer;
            this.inbox = inbox;
            this.jobExecutionId = jobExecutionId;
        }

        @Override
        public void write(org.springframework.batch.infrastructure.item.Chunk<? extends Examination> chunk) {
            chunk.forEach(e -> filer.file(e, inbox, jobExecutionId));
        }
    }
}
