package thidua.scheme;

import java.nio.file.Path;
import java.util.ArrayList;
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
 * The `scheme` job: one transaction that reads, checks and stores a scheme workbook.
 * A refused scheme is an outcome, not a failure: the job completes with exit code
 * REFUSED and the problems in its execution context, where the command reads them.
 * Parameters: {@link SchemeParameters}.
 */
@Configuration(proxyBeanMethods = false)
class SchemeJobConfig {
    public static final String JOB = "schemeJob";

    @Bean
    Job schemeJob(JobRepository repository, Step loadScheme, ProcessRegistry owner) {
        return new JobBuilder(JOB, repository).start(loadScheme).listener(owner).build();
    }

    @Bean
    Step loadScheme(JobRepository repository, PlatformTransactionManager tx, SchemeLoader loader, StepLog stepLog) {
        return new StepBuilder("loadScheme", repository).listener(stepLog).tasklet((contribution, chunk) -> {
            var stepExecution = chunk.getStepContext().getStepExecution();
            JobExecution job = stepExecution.getJobExecution();
            Path file = SchemeParameters.from(job.getJobParameters()).file();
            SchemeLoader.Result result = loader.load(file, job.getId());
            var context = job.getExecutionContext();
            if (result.outcome() == SchemeLoader.Outcome.REFUSED) {
                ArrayList<String> problems = new ArrayList<>();
                result.problems().forEach(p -> problems.add(p.toString()));
                context.put(JobSummary.PROBLEMS, problems);
                JobSummary.put(job, "scheme: refused, " + problems.size() + " problem(s) in " + file.getFileName());
                contribution.setExitStatus(JobSummary.REFUSED);
                return RepeatStatus.FINISHED;
            }
            Scheme s = result.scheme();
            String what = switch (result.outcome()) {
                case LOADED -> "loaded";
                case REPLACED -> "loaded, replacing the previous version";
                default -> "unchanged";
            };
            JobSummary.put(job, String.format("scheme: %d %s (version %d): %d periods, %d blocks, %d units, "
                            + "%d indicators, %d criteria", s.year(), what, result.versionId(), s.periods().size(),
                    s.blocks().size(), s.units().size(), s.indicators().size(), s.criteria().size()));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }
}
