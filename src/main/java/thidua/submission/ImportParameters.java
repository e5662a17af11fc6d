package thidua.submission;

import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import thidua.job.JobRequest;

/**
 * The parameters of the `import` job ({@link ImportJobConfig}): {@code inbox} and
 * {@code requestedAt}, both identifying; {@code firing} when a schedule launched it.
 *
 * @param firing null when a person asked
 */
public record ImportParameters(Path inbox, String firing) {
    public static final String INBOX = "inbox";

    public JobParameters toJobParameters() {
        return JobRequest.stamped(new JobParametersBuilder().addString(INBOX, inbox.toString()), firing)
                .toJobParameters();
    }

    public static ImportParameters from(JobParameters p) {
        return new ImportParameters(Path.of(p.getString(INBOX)), p.getString(JobRequest.FIRING));
    }
}
