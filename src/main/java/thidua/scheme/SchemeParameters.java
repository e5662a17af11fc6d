package thidua.scheme;

import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import thidua.job.JobRequest;

/**
 * The parameters of the `scheme` job ({@link SchemeJobConfig}): {@code file}, {@code sha256}
 * and {@code requestedAt}, all identifying.
 */
public record SchemeParameters(Path file, String sha256) {
    public static final String FILE = "file";
    public static final String SHA256 = "sha256";

    public JobParameters toJobParameters() {
        return JobRequest.stamped(new JobParametersBuilder()
                .addString(FILE, file.toString())
                .addString(SHA256, sha256), null)
                .toJobParameters();
    }

    public static SchemeParameters from(JobParameters p) {
        return new SchemeParameters(Path.of(p.getString(FILE)), p.getString(SHA256));
    }
}
