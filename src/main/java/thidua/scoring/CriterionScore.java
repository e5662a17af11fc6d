package thidua.scoring;

import java.math.BigDecimal;
import thidua.scheme.Criterion;

/**
 * What one criterion gave one unit. {@code points} is null when the criterion is not
 * applicable (N/A: a rate over zero cases, an increase from nothing to nothing).
 * {@code measure} is the rate or the change in percent the rule compared with the
 * target, where the rule has one. For THUONG/TRU, {@code points} is the contribution m·c.
 */
public record CriterionScore(
        Criterion criterion,
        BigDecimal target,
        BigDecimal current,
        BigDecimal baseline,
        Ratio measure,
        Ratio points,
        String note) {

    public boolean applicable() {
        return points != null;
    }
}
