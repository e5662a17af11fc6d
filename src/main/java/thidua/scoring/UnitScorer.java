package thidua.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import thidua.scheme.Criterion;
import thidua.scheme.Rule;
import thidua.scheme.Scheme;
import thidua.scheme.Unit;

/** A unit's total (SCORING.md, "A unit's total"). */
final class UnitScorer {

    private UnitScorer() {
    }

    public static ScoreCard score(Scheme scheme, Unit unit, Map<String, ReportedValue> values, boolean late) {
        List<CriterionScore> scores = new ArrayList<>();
        Ratio earned = Ratio.ZERO;
        Ratio possible = Ratio.ZERO;
        Ratio bonusSum = Ratio.ZERO;
        Ratio deductionSum = Ratio.ZERO;
        for (Criterion criterion : scheme.criteriaFor(unit.blockCode())) {
            CriterionScore score = CriterionScorer.score(criterion, scheme.targetFor(unit.code(), criterion), values);
            scores.add(score);
            if (!score.applicable()) {
                continue;
            }
            if (criterion.rule() == Rule.THUONG) {
                bonusSum = bonusSum.plus(score.points());
            } else if (criterion.rule() == Rule.TRU) {
                deductionSum = deductionSum.plus(score.points());
            } else {
                earned = earned.plus(score.points());
                possible = possible.plus(Ratio.of(criterion.maxPoints()));
            }
        }
        Ratio base = possible.isZero()
                ? Ratio.ZERO
                : Ratio.of(scheme.scale()).times(earned).dividedBy(possible);
        Ratio bonus = bonusSum.min(Ratio.of(scheme.bonusCap()));
        if (late) {
            deductionSum = deductionSum.plus(Ratio.of(scheme.latePenalty()));
        }
        Ratio deduction = deductionSum.min(Ratio.of(scheme.deductionCap()));
        Ratio total = base.plus(bonus).minus(deduction).max(Ratio.ZERO);
        return new ScoreCard(unit, List.copyOf(scores), base, bonus, deduction, late, total.rounded());
    }
}
