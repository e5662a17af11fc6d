package thidua.scoring;

import java.time.Instant;
import thidua.scheme.Unit;

/**
 * A unit's line in the scoring table. {@code card} and {@code rank} are null for a
 * unit without an accepted submission; its grade then reads `Chưa báo cáo`.
 */
public record Standing(
        Unit unit,
        ScoreCard card,
        Integer rank,
        String grade,
        String award,
        SubmissionStatus status,
        Instant firstArrival) {

    public static final String NOT_REPORTED = "Chưa báo cáo";

    public boolean ranked() {
        return rank != null;
    }
}
