package thidua.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import thidua.scheme.Criterion;

/**
 * The rules of SCORING.md, one method per `Cách tính`. Branches are tried in the
 * order the contract writes them: the first that matches wins.
 */
final class CriterionScorer {

    private CriterionScorer() {
    }

    /**
     * Scores one criterion for one unit.
     *
     * @param target the unit's target in percent (registered or the scheme's), null for rules without one
     * @param values the unit's reported values by indicator code; every indicator the criterion reads is present
     */
    public static CriterionScore score(Criterion criterion, BigDecimal target, Map<String, ReportedValue> values) {
        List<String> missing = criterion.indicatorCodes().stream().filter(c -> !values.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            // Accepted under an earlier scheme version that did not ask for these: nothing to score, say why.
            return new CriterionScore(criterion, target, null, null, null, null,
                    "Không có số liệu " + String.join(", ", missing) + " (bộ tiêu chí đổi sau khi nộp): không áp dụng");
        }
        Ratio m = Ratio.of(criterion.maxPoints());
        Ratio t = target == null ? Ratio.ZERO : Ratio.of(target);
        return switch (criterion.rule()) {
            case TY_LE -> rate(criterion, target, m, t, values);
            case GIAM -> reduce(criterion, target, m, t, values.get(criterion.indicator()));
            case TANG -> increase(criterion, target, m, t, values.get(criterion.indicator()));
            case BANG_0 -> {
                ReportedValue v = values.get(criterion.indicator());
                Ratio points = v.current().signum() == 0 ? m : Ratio.ZERO;
                yield new CriterionScore(criterion, null, v.current(), v.baseline(), null, points, null);
            }
            case TU_CHAM -> {
                ReportedValue v = values.get(criterion.indicator());
                yield new CriterionScore(criterion, null, v.current(), v.baseline(), null, Ratio.of(v.current()), null);
            }
            case THUONG, TRU -> {
                ReportedValue v = values.get(criterion.indicator());
                yield new CriterionScore(criterion, null, v.current(), v.baseline(), null, m.times(Ratio.of(v.current())), null);
            }
        };
    }

    private static CriterionScore rate(Criterion criterion, BigDecimal target, Ratio m, Ratio t,
                                       Map<String, ReportedValue> values) {
        BigDecimal n = sum(criterion.numerator(), values, true);
        BigDecimal d = sum(criterion.denominator(), values, true);
        if (d.signum() == 0) {
            return new CriterionScore(criterion, target, n, d, null, null, "Mẫu số bằng 0: không áp dụng");
        }
        Ratio r = Ratio.HUNDRED.times(Ratio.of(n)).dividedBy(Ratio.of(d));
        Ratio points = r.compareTo(t) >= 0 ? m : m.times(r).dividedBy(t);
        // For a rate, "current" and "baseline" show the numerator and denominator the rate came from.
        return new CriterionScore(criterion, target, n, d, r, points, null);
    }

    private static CriterionScore reduce(Criterion criterion, BigDecimal target, Ratio m, Ratio t, ReportedValue v) {
        Ratio c = Ratio.of(v.current());
        Ratio b = Ratio.of(v.baseline());
        if (b.isZero()) {
            return new CriterionScore(criterion, target, v.current(), v.baseline(), null,
                    c.isZero() ? m : Ratio.ZERO, "Cùng kỳ bằng 0");
        }
        if (t.isZero()) {
            return new CriterionScore(criterion, target, v.current(), v.baseline(), null,
                    c.compareTo(b) <= 0 ? m : Ratio.ZERO, null);
        }
        Ratio a = Ratio.HUNDRED.times(b.minus(c)).dividedBy(b);
        return new CriterionScore(criterion, target, v.current(), v.baseline(), a, proportional(m, t, a), null);
    }

    private static CriterionScore increase(Criterion criterion, BigDecimal target, Ratio m, Ratio t, ReportedValue v) {
        Ratio c = Ratio.of(v.current());
        Ratio b = Ratio.of(v.baseline());
        if (b.isZero()) {
            if (c.isZero()) {
                return new CriterionScore(criterion, target, v.current(), v.baseline(), null, null,
                        "Cùng kỳ và kỳ này bằng 0: không áp dụng");
            }
            return new CriterionScore(criterion, target, v.current(), v.baseline(), null, m, "Cùng kỳ bằng 0");
        }
        if (t.isZero()) {
            return new CriterionScore(criterion, target, v.current(), v.baseline(), null,
                    c.compareTo(b) >= 0 ? m : Ratio.ZERO, null);
        }
        Ratio a = Ratio.HUNDRED.times(c.minus(b)).dividedBy(b);
        return new CriterionScore(criterion, target, v.current(), v.baseline(), a, proportional(m, t, a), null);
    }

    /** `a ≥ t` → m; `a ≤ 0` → 0; else m·a/t (t > 0 here). */
    private static Ratio proportional(Ratio m, Ratio t, Ratio a) {
        if (a.compareTo(t) >= 0) {
            return m;
        }
        if (a.signum() <= 0) {
            return Ratio.ZERO;
        }
        return m.times(a).dividedBy(t);
    }

    /** Sum of current (or baseline) values of the listed indicators. */
    static BigDecimal sum(List<String> codes, Map<String, ReportedValue> values, boolean current) {
        BigDecimal total = BigDecimal.ZERO;
        for (String code : codes) {
            ReportedValue v = values.get(code);
            total = total.add(current ? v.current() : v.baseline());
        }
        return total;
    }
}
