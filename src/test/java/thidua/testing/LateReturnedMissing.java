package thidua.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.batch.BadRequest;
import thidua.batch.BatchRuns;

/**
 * Period 2024 of the sample scheme (36 units) with one unit of each stand: PA01 on time
 * ({@code Đã nộp}), PC08 a minute after the end of the deadline day ({@code Nộp muộn}), PA05
 * only a file with an error ({@code Bị trả lại}, E-VALUE-BLANK at
 * Chỉ tiêu!E6), and the 33 others nothing ({@code Chưa nộp}). Made in a shared context's data
 * dir after {@link Database#reset}.
 */
public final class LateReturnedMissing {
    /** One minute after the end of the deadline day (20/12/2024, Asia/Ho_Chi_Minh). */
    public static final OffsetDateTime LATE = OffsetDateTime.parse("2024-12-21T00:01:00+07:00");
    public static final int UNITS = 36;

    private LateReturnedMissing() {
    }

    /** Resets the database and {@code dataDir}, loads the scheme and imports the three files. */
    public static void load(BatchRuns runs, JdbcClient jdbc, String dataDir) throws IOException, BadRequest {
        Database.reset(jdbc, dataDir);
        assertThat(runs.scheme(TestSubmissions.SCHEME).ok()).isTrue();
        Path inbox = Files.createDirectories(Path.of(dataDir).toAbsolutePath().resolve("inbox"));
        copy("PA01-2024.xlsx", inbox, TestSubmissions.ON_TIME);
        copy("PC08-2024.xlsx", inbox, LATE);
        copy("PA05-2024.xlsx", inbox, TestSubmissions.ON_TIME);
        assertThat(runs.importInbox(inbox).summary()).isEqualTo("import: 2 accepted, 1 rejected, 0 duplicate; error reports: 1 to unit outboxes");
    }

    /** Copies a shipped sample into {@code inbox}, arriving at {@code arrival}. */
    public static Path copy(String sample, Path inbox, OffsetDateTime arrival) throws IOException {
        Path file = Files.copy(TestSubmissions.SAMPLES.resolve("2024").resolve(sample), inbox.resolve(sample));
        Files.setLastModifiedTime(file, FileTime.from(arrival.toInstant()));
        return file;
    }
}
