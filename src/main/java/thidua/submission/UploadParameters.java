package thidua.submission;

import java.nio.file.Path;
import java.time.Instant;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import thidua.job.JobRequest;

/**
 * The parameters of the upload job ({@link UploadJobConfig}): {@code upload} (the staged
 * copy under the data dir, a generated name) and {@code requestedAt} identify it; the name
 * as sent, the arrival, the inbox, who sent it and for which unit are carried along.
 */
public record UploadParameters(Path staged, Path inbox, String originalName, Instant arrivedAt, long size,
                               String sha256, String login, String senderUnit, String address) {
    public static final String UPLOAD = "upload";
    public static final String ORIGINAL_NAME = "originalName";
    public static final String LOGIN = "login";

    public JobParameters toJobParameters() {
        var b = JobRequest.stamped(new JobParametersBuilder().addString(UPLOAD, staged.toString()), null)
                .addString(ImportParameters.INBOX, inbox.toString(), false)
                .addString(ORIGINAL_NAME, originalName, false)
                .addString("arrivedAt", arrivedAt.toString(), false)
                .addLong("size", size, false)
                .addString("sha256", sha256, false)
                .addString(LOGIN, login, false)
                .addString("address", address == null ? "" : address, false);
        if (senderUnit != null) {
            b.addString("senderUnit", senderUnit, false);
        }
        return b.toJobParameters();
    }

    public static UploadParameters from(JobParameters p) {
        return new UploadParameters(Path.of(p.getString(UPLOAD)), Path.of(p.getString(ImportParameters.INBOX)),
                p.getString(ORIGINAL_NAME), Instant.parse(p.getString("arrivedAt")), p.getLong("size"),
                p.getString("sha256"), p.getString(LOGIN), p.getString("senderUnit"), p.getString("address"));
    }

    InboxFile file() {
        return new InboxFile(staged, originalName, arrivedAt, size, sha256);
    }
}
