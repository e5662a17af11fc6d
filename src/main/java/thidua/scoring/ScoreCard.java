package thidua.scoring;

import java.math.BigDecimal;
import java.util.List;
import thidua.scheme.Unit;

/**
 * A unit's score for a period: base S over the scored groups, bonus B and deduction D
 * (both capped), and the total T = max(0, S + B − D), rounded to 2 decimals.
 */
public record ScoreCard(
        Unit unit,
        List<CriterionScore> criteria,
        Ratio base,
        Ratio bonus,
        Ratio deduction,
        boolean late,
        BigDecimal total) {

    /** True when no criterion of groups I–III applied, so S = 0 by rule. */
    public boolean noApplicableCriterion() {
        return criteria.stream().noneMatch(c -> c.criterion().group().isScored() && c.applicable());
    }
}
