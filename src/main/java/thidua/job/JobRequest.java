package thidua.job;

import java.time.Instant;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters every job request carries beside its own, which the typed parameter
 * record next to each job config names ({@code ImportParameters}, …).
 */
public final class JobRequest {
    /** Identifying: when it was asked for, so that each request is its own job instance. */
    public static final String REQUESTED_AT = "requestedAt";
    /** Non-identifying: the schedule firing that launched it ({@code name@scheduled-time}); absent when a person asked. */
    public static final String FIRING = "firing";

    private JobRequest() {
    }

    /** {@code parameters} with {@link #REQUESTED_AT} now and, when not null, the {@link #FIRING}. */
    public static JobParametersBuilder stamped(JobParametersBuilder parameters, String firing) {
        parameters.addString(REQUESTED_AT, Instant.now().toString());
        return firing == null ? parameters : parameters.addString(FIRING, firing, false);
    }
}
