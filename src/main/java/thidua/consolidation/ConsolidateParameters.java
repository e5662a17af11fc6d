package thidua.consolidation;

import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import thidua.delivery.DeliveryStepConfig;
import thidua.job.JobRequest;

/**
 * The parameters of the `consolidate` job ({@link ConsolidationJobConfig}): {@code period},
 * {@code out} and {@code requestedAt}, all identifying; {@code firing} when a schedule
 * launched it. Its {@code deliverOutputs} step reads them as its {@link DeliveryStepConfig.Target}.
 *
 * @param firing null when a person asked
 */
public record ConsolidateParameters(String period, Path out, String firing) implements DeliveryStepConfig.Target {
    public static final String PERIOD = "period";
    public static final String OUT = "out";

    public JobParameters toJobParameters() {
        return JobRequest.stamped(new JobParametersBuilder()
                .addString(PERIOD, period)
                .addString(OUT, out.toString()), firing)
                .toJobParameters();
    }

    public static ConsolidateParameters from(JobParameters p) {
        String out = p.getString(OUT);
        return new ConsolidateParameters(p.getString(PERIOD), out == null ? null : Path.of(out),
                p.getString(JobRequest.FIRING));
    }
}
