package thidua.delivery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import thidua.files.FileNames;
import thidua.job.JobSummary;
import thidua.job.StepLog;

/**
 * The {@code deliverOutputs} step of the consolidation job: delivers the files the
 * {@code consolidatePeriod} step listed under {@link #OUTPUTS} in the job's execution
 * context (or, if it did not, the outputs found in {@code OUT/P/}) and appends what it
 * did to the job's summary. SMTP failures do not fail it; an outbox it cannot write does.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
public class DeliveryStepConfig {
    /** Job execution context key: the paths (strings) of the files a consolidation wrote. */
    public static final String OUTPUTS = "outputs";
    /** Job execution context key, true when the consolidation had no accepted report: its files go to no one. */
    public static final String NOTHING_TO_REPORT = "nothingToReport";

    /** The period a job delivers and the folder its outputs are in, as its parameters say. */
    public interface Target {
        String period();

        Path out();
    }

    /** How the job that runs the step reads its {@link Target} from its parameters (the consolidation job's bean). */
    public interface Targets {
        Target of(JobParameters parameters);
    }

    /** The value to put under {@link #OUTPUTS}: a serialisable list of path strings. */
    public static ArrayList<String> outputs(List<Path> files) {
        return new ArrayList<>(files.stream().map(p -> p.toAbsolutePath().toString()).toList());
    }

    @Bean
    Step deliverOutputs(JobRepository repository, PlatformTransactionManager tx, Delivery delivery, Targets targets,
                        StepLog stepLog) {
        return new StepBuilder("deliverOutputs", repository).listener(stepLog).tasklet((contribution, chunk) -> {
            JobExecution job = chunk.getStepContext().getStepExecution().getJobExecution();
            Target target = targets.of(job.getJobParameters());
            String period = target.period();
            String summary = JobSummary.of(job);
            if (Boolean.TRUE.equals(job.getExecutionContext().get(NOTHING_TO_REPORT))) {
                // An empty report is written when asked for, never sent to the leaders (issue 11).
                JobSummary.put(job, (summary.isEmpty() ? "" : summary + "; ")
                        + "delivery: nothing delivered, no accepted report in " + period);
                return RepeatStatus.FINISHED;
            }
            Delivery.Report report = delivery.deliver(period, files(job, target), job.getId());
            JobSummary.put(job, (summary.isEmpty() ? "" : summary + "; ") + report.summary());
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @SuppressWarnings("unchecked")
    private static List<Path> files(JobExecution job, Target target) {
        ExecutionContext context = job.getExecutionContext();
        if (context.containsKey(OUTPUTS)) {
            return ((List<String>) context.get(OUTPUTS)).stream().map(Path::of).toList();
        }
        Path out = target.out().toAbsolutePath().normalize().resolve(FileNames.segment(target.period()));
        return Delivery.outputsIn(out, target.period());
    }
}
