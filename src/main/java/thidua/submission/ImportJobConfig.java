package thidua.submission;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
import thidua.job.Parallel;
import thidua.scheme.StoredScheme;
import thidua.job.ProcessRegistry;
import thidua.job.StepLog;
import thidua.settings.ThiduaProperties;
import thidua.text.LogText;

/**
 * The `import` job: every file of the inbox is one item; a chunk of files
 * ({@code thidua.inbox.chunk-files}, 64) is
 * examined on every core at once, then recorded in one transaction. Each file is accepted
 * whole or rejected whole: its verdict is data recorded with it, so a bad file never undoes
 * another; a failure of the transaction itself (the database lost) records none of the
 * chunk, whose files stay in the inbox for the next run. Parameters: {@link ImportParameters}.
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
                     ItemWriter<Path> submissionWriter, StepLog stepLog, ThiduaProperties settings) {
        // Enough files that a commit and Batch's bookkeeping are paid once for many, few enough
        // that a run stopped mid-chunk examines little again.
        return new StepBuilder("importFiles", repository).listener(stepLog)
                .<Path, Path>chunk(settings.inbox().chunkFiles())
                .transactionManager(tx)
                .reader(inboxReader)
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
    SubmissionWriter submissionWriter(@Value("#{stepExecution}") StepExecution step, SubmissionFiler filer,
                                      SubmissionExaminer examiner, InterruptedFilings interrupted,
                                      SubmissionStore submissions, ThiduaProperties settings) {
        return new SubmissionWriter(filer, examiner, interrupted, submissions, settings.inboxHashCap(),
                Inbox.beside(ImportParameters.from(step.getJobParameters()).inbox()), step.getJobExecutionId());
    }

    /**
     * Examines a chunk's files on every core, then files them in the chunk's transaction (a
     * class, not a record: step scope proxies it).
     */
    static class SubmissionWriter implements ItemWriter<Path> {
        private final SubmissionFiler filer;
        private final SubmissionExaminer examiner;
        private final InterruptedFilings interrupted;
        private final SubmissionStore submissions;
        private final long hashCap;
        private final Inbox inbox;
        private final long jobExecutionId;

        SubmissionWriter(SubmissionFiler filer, SubmissionExaminer examiner, InterruptedFilings interrupted,
                         SubmissionStore submissions, long hashCap, Inbox inbox, long jobExecutionId) {
            this.filer = filer;
            this.examiner = examiner;
            this.interrupted = interrupted;
            this.submissions = submissions;
            this.hashCap = hashCap;
            this.inbox = inbox;
            this.jobExecutionId = jobExecutionId;
        }

        @Override
        public void write(Chunk<? extends Path> chunk) throws Exception {
            List<InboxFile> files = Parallel.map(chunk.getItems(), this::inboxFile).stream()
                    .filter(Objects::nonNull).toList();
            // Looked up once for the chunk: what was stored before it began, and the current schemes.
            List<String> hashes = files.stream().map(InboxFile::sha256).toList();
            Map<String, Long> stored = submissions.sameBytes(hashes);
            Set<String> unfiled = submissions.unfiledKeys(hashes);
            Map<String, Optional<StoredScheme>> schemes = new ConcurrentHashMap<>();
            Function<String, Optional<StoredScheme>> current =
                    period -> schemes.computeIfAbsent(period, examiner::currentScheme);
            List<Examination> examined = Parallel.map(files, file -> {
                // A file whose import committed but whose filing was interrupted is filed, not imported again.
                if (unfiled.contains(SubmissionStore.unfiledKey(file.sha256(), file.originalName()))
                        && interrupted.resumeInterrupted(file)) {
                    return null;
                }
                return examiner.examineAlone(file, stored.get(file.sha256()), current);
            });
            filer.fileAll(examined.stream().filter(Objects::nonNull).toList(), inbox, jobExecutionId,
                    examiner::withBaselines);
        }

        /** The inbox file, hashed; null when it is no longer a regular file. */
        private InboxFile inboxFile(Path path) {
            try {
                return InboxFile.of(path, hashCap);
            } catch (InboxFile.NotARegularFileException e) {
                // Swapped for a link or a FIFO since the scan: never read; the next scan sets it aside.
                LoggerFactory.getLogger("thidua.import").warn("{}", LogText.escape(e.getMessage()));
                return null;
            }
        }
    }
}
