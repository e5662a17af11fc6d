package thidua.submission;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import thidua.job.JobSummary;
import thidua.job.ProcessRegistry;
import thidua.job.StepLog;
import thidua.settings.ThiduaProperties;
import thidua.text.LogText;

/**
 * The `import` job: every file of the inbox is one item and one transaction (chunk of
 * one), so each submission is accepted whole or rejected whole, whatever happens to
 * the next. Parameters: {@link ImportParameters}.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobConfig {
    public static final String JOB = "importJob";

    @Bean
    Job importJob(JobRepository repository, Step importFiles, SubmissionStore submissions, InterruptedFilings interrupted,
                  ProcessRegistry owner, ObjectProvider<ReportsDue> reportsDue) {
        return new JobBuilder(JOB, repository).start(importFiles).listener(owner).listener(new JobExecutionListener() {
            /** The summary counts what this execution stored, so a restarted run reports the same way. */
            @Override
            public void afterJob(JobExecution job) {
                // After the scan, which finished the filings whose originals were still in the inbox.
                interrupted.recordFinishedFilings(Inbox.beside(ImportParameters.from(job.getJobParameters()).inbox()));
                Map<ImportStatus, Integer> counts = submissions.countsByStatus(job.getId());
                String summary = String.format("import: %d accepted, %d rejected, %d duplicate",
                        counts.getOrDefault(ImportStatus.ACCEPTED, 0), counts.getOrDefault(ImportStatus.REJECTED, 0),
                        counts.getOrDefault(ImportStatus.DUPLICATE, 0));
                // The pinned part stays as OPERATIONS.md has it; what the units were sent follows it.
                JobSummary.put(job, withReports(summary, reportsDue, job.getId()));
                // After the last step: stored only if written here (the console's run list reads it back).
                repository.updateExecutionContext(job);
            }
        }).build();
    }

    /** {@code summary}, then {@code ; error reports: …} when reports were given to their units. */
    static String withReports(String summary, ObjectProvider<ReportsDue> reportsDue, long jobExecutionId) {
        ReportsDue given = reportsDue.getIfAvailable();
        String reports = given == null ? "" : given.giveDue(jobExecutionId);
        return reports.isEmpty() ? summary : summary + "; " + reports;
    }

    @Bean
    Step importFiles(JobRepository repository, PlatformTransactionManager tx, ListItemReader<Path> inboxReader,
                     SubmissionExaminer examiner, InterruptedFilings interrupted, ItemWriter<Examination> submissionWriter,
                     StepLog stepLog) {
        return new StepBuilder("importFiles", repository).listener(stepLog)
                .<Path, Examination>chunk(1)
                .transactionManager(tx)
                .reader(inboxReader)
                // A file whose import committed but whose filing was interrupted is filed, not imported again.
                .processor(path -> {
                    try {
                        return interrupted.resumeInterrupted(path) ? null : examiner.examine(path);
                    } catch (InboxFile.NotARegularFileException e) {
                        // Swapped for a link or a FIFO since the scan: never read; the next scan sets it aside.
                        LoggerFactory.getLogger("thidua.import").warn("{}", LogText.escape(e.getMessage()));
                        return null;
                    }
                })
                .writer(submissionWriter)
                .build();
    }

    @Bean
    @StepScope
    ListItemReader<Path> inboxReader(@Value("#{stepExecution}") StepExecution step, ThiduaProperties settings,
                                     SubmissionStore submissions, PlatformTransactionManager tx) {
        Path inbox = ImportParameters.from(step.getJobParameters()).inbox();
        var log = LoggerFactory.getLogger("thidua.import");
        // Links, folders, FIFOs, devices: never read, moved aside once, reported by this scan and by `status`.
        for (Inbox.NotAFile n : Inbox.beside(inbox).setAsideNotFiles()) {
            log.warn("W-INBOX-NOT-A-FILE {}: {}, not a file: not imported, {}", LogText.escape(n.originalName()), n.kind(),
                    n.movedTo() == null ? "left in the inbox" : "moved to " + n.movedTo());
            new TransactionTemplate(tx).executeWithoutResult(status ->
                    submissions.recordNotAFile(n.originalName(), n.kind(), n.movedTo(), step.getJobExecutionId()));
        }
        var files = Inbox.beside(inbox).readyFiles(Duration.ofMillis(settings.inbox().settleMillis()));
        log.info("{} tệp trong {}", files.size(), inbox);
        return new ListItemReader<>(files);
    }

    @Bean
    @StepScope
    SubmissionWriter submissionWriter(@Value("#{stepExecution}") StepExecution step, SubmissionFiler filer) {
        return new SubmissionWriter(filer, Inbox.beside(ImportParameters.from(step.getJobParameters()).inbox()),
                step.getJobExecutionId());
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
        public void write(Chunk<? extends Examination> chunk) {
            chunk.forEach(e -> filer.file(e, inbox, jobExecutionId));
        }
    }
}
