package thidua.consolidation;

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
import thidua.delivery.DeliveryStepConfig;
import thidua.job.JobSummary;
import thidua.job.ProcessRegistry;
import thidua.job.StepLog;

/**
 * The `consolidate` job for one period. Parameters: {@link ConsolidateParameters}. Outputs are written atomically before the
 * record commits, so a failed run leaves the previous outputs or complete new ones.
 * Then {@code deliverOutputs} hands the files to the recipients (thidua.delivery).
 */
@Configuration(proxyBeanMethods = false)
public class ConsolidationJobConfig {
    public static final String JOB = "consolidateJob";

    @Bean
    Job consolidateJob(JobRepository repository, Step consolidatePeriod, Step deliverOutputs,
                       ProcessRegistry owner) {
        return new JobBuilder(JOB, repository).start(consolidatePeriod).next(deliverOutputs).listener(owner).build();
    }

    /** The {@code deliverOutputs} step delivers the period and out folder of this job's parameters. */
    @Bean
    DeliveryStepConfig.Targets deliveryTargets() {
        return ConsolidateParameters::from;
    }

    @Bean
    Step consolidatePeriod(JobRepository repository, PlatformTransactionManager tx, Consolidator consolidator, StepLog stepLog) {
        return new StepBuilder("consolidatePeriod", repository).listener(stepLog).tasklet((contribution, chunk) -> {
            JobExecution job = chunk.getStepContext().getStepExecution().getJobExecution();
            ConsolidateParameters p = ConsolidateParameters.from(job.getJobParameters());
            Consolidator.Outcome outcome = consolidator.consolidate(p.period(), p.out(), job.getId());
            JobSummary.put(job, outcome.summary());
            job.getExecutionContext().put(DeliveryStepConfig.OUTPUTS, DeliveryStepConfig.outputs(outcome.files()));
            job.getExecutionContext().put(DeliveryStepConfig.NOTHING_TO_REPORT, outcome.results().reporting().ranked() == 0);
            return RepeatStatus.FINISHED;
        }, tx).build();
    }
}
