package thidua.submission;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import thidua.job.JobRequest;

/**
 * The parameters of the `rerun --import ID` job ({@link RerunJobConfig}): {@code importId}
 * and {@code requestedAt}, both identifying.
 */
public record RerunParameters(long importId) {
    public static final String IMPORT_ID = "importId";

    public JobParameters toJobParameters() {
        return JobRequest.stamped(new JobParametersBuilder().addLong(IMPORT_ID, importId), null).toJobParameters();
    }

    public static RerunParameters from(JobParameters p) {
        return new RerunParameters(p.getLong(IMPORT_ID));
    }
}
