package thidua.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import thidua.scheme.Criterion;
import thidua.scheme.Indicator;
import thidua.scheme.IndicatorType;
import thidua.scheme.Rule;
import thidua.scheme.Scheme;
import thidua.scheme.Unit;

/** Block and province totals and rates (SCORING.md, "Roll-ups"): sums, and ratios of sums. */
final class RollUp {

    private RollUp() {
    }

    /**
     * Summary rows over the given units' latest accepted reports: one per integer
     * indicator reported by at least one of them, then one per TY_LE criterion that
     * applies to at least one of them.
     */
    public static List<SummaryRow> summarize(Scheme scheme, Collection<UnitReport> reports) {
        List<UnitReport> accepted = reports.stream().filter(UnitReport::accepted).toList();
        List<SummaryRow> rows = new ArrayList<>();
        for (Indicator indicator : scheme.indicators()) {
            if (indicator.type() != IndicatorType.INTEGER) {
                continue;
            }
            Ratio current = Ratio.ZERO;
            Ratio baseline = Ratio.ZERO;
            boolean reported = false;
            for (UnitReport report : accepted) {
                ReportedValue v = report.values().get(indicator.code());
                if (v != null) {
                    reported = true;
                    current = current.plus(Ratio.of(v.current()));
                    baseline = baseline.plus(Ratio.of(v.baseline()));
                }
            }
            if (reported) {
                Ratio change = baseline.isZero() ? null
                        : Ratio.HUNDRED.times(current.minus(baseline)).dividedBy(baseline);
                rows.add(new SummaryRow(indicator.code(), indicator.name(), false, current, baseline, change));
            }
        }
        for (Criterion criterion : scheme.criteria()) {
            if (criterion.rule() == Rule.TY_LE) {
                rateRow(scheme, criterion, accepted, rows);
            }
        }
        return List.copyOf(rows);
    }

    private static void rateRow(Scheme scheme, Criterion criterion, List<UnitReport> accepted, List<SummaryRow> rows) {
        Ratio n = Ratio.ZERO;
        Ratio d = Ratio.ZERO;
        Ratio nBase = Ratio.ZERO;
        Ratio dBase = Ratio.ZERO;
        boolean any = false;
        for (UnitReport report : accepted) {
            Unit unit = scheme.unit(report.unitCode()).orElseThrow();
            if (!criterion.appliesTo().includes(unit.blockCode())
                    || !report.values().keySet().containsAll(criterion.indicatorCodes())) {
                continue; // not this unit's criterion, or accepted under a scheme version without it
            }
            any = true;
            n = n.plus(Ratio.of(CriterionScorer.sum(criterion.numerator(), report.values(), true)));
            d = d.plus(Ratio.of(CriterionScorer.sum(criterion.denominator(), report.values(), true)));
            nBase = nBase.plus(Ratio.of(CriterionScorer.sum(criterion.numerator(), report.values(), false)));
            dBase = dBase.plus(Ratio.of(CriterionScorer.sum(criterion.denominator(), report.values(), false)));
        }
        if (!any) {
            return;
        }
        Ratio rate = d.isZero() ? null : Ratio.HUNDRED.times(n).dividedBy(d);
        Ratio baseRate = dBase.isZero() ? null : Ratio.HUNDRED.times(nBase).dividedBy(dBase);
        Ratio change = rate == null || baseRate == null ? null : rate.minus(baseRate);
        rows.add(new SummaryRow(criterion.code(), criterion.name(), true, rate, baseRate, change));
    }
}
