package thidua.submission;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an import is: the verdict on one file, as stored in {@code submission.status} (the
 * database value is the name) and as the API and the console show it.
 */
public enum ImportStatus {
    ACCEPTED, REJECTED, DUPLICATE;

    /** The status with this database value (the name), if it is one. */
    public static Optional<ImportStatus> of(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
    }
}
