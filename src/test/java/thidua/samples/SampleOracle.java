package thidua.samples;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import thidua.samples.SampleProvince.Criterion;
import thidua.samples.SampleProvince.Submission;

/**
 * An independent scoring of the samples after SCORING.md, written apart from the
 * production code (plain BigDecimal at 16 digits, not exact rationals), so that tests
 * can check the production figures against it rather than against themselves.
 */
public final class SampleOracle {
    private SampleOracle() {
    }

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** T of the unit of this (counted) submission, rounded HALF_UP to 2 decimals. */
    public static BigDecimal total(Submission s) {
        String block = SampleProvince.unit(s.unitCode()).blockCode();
        BigDecimal score = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        BigDecimal deduction = BigDecimal.ZERO;
        for (Criterion c : SampleProvince.criteriaFor(block)) {
            BigDecimal m = c.maxPoints();
            BigDecimal t = SampleProvince.target(s.unitCode(), c);
            BigDecimal points;
            switch (c.rule()) {
                case "THUONG" -> {
                    bonus = bonus.add(m.multiply(s.current(c.indicatorText())));
                    continue;
                }
                case "TRU" -> {
                    deduction = deduction.add(m.multiply(s.current(c.indicatorText())));
                    continue;
                }
                case "TY_LE" -> {
                    BigDecimal n = c.numerator().stream().map(s::current).reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal d = c.denominator().stream().map(s::current).reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (d.signum() == 0) {
                        continue;
                    }
                    BigDecimal rate = HUNDRED.multiply(n).divide(d, MC);
                    points = rate.compareTo(t) >= 0 ? m : m.multiply(rate).divide(t, MC);
                }
                case "GIAM", "TANG" -> {
                    BigDecimal cur = s.current(c.indicatorText());
                    BigDecimal b = s.baseline(c.indicatorText());
                    boolean up = c.rule().equals("TANG");
                    if (b.signum() == 0) {
                        if (up && cur.signum() == 0) {
                            continue;
                        }
                        points = (up ? cur.signum() > 0 : cur.signum() == 0) ? m : BigDecimal.ZERO;
                    } else if (t.signum() == 0) {
                        points = (up ? cur.compareTo(b) >= 0 : cur.compareTo(b) <= 0) ? m : BigDecimal.ZERO;
                    } else {
                        BigDecimal a = HUNDRED.multiply(up ? cur.subtract(b) : b.subtract(cur)).divide(b, MC);
                        points = a.compareTo(t) >= 0 ? m : a.signum() <= 0 ? BigDecimal.ZERO : m.multiply(a).divide(t, MC);
                    }
                }
                case "BANG_0" -> points = s.current(c.indicatorText()).signum() == 0 ? m : BigDecimal.ZERO;
                case "TU_CHAM" -> points = s.current(c.indicatorText());
                default -> throw new IllegalStateException(c.rule());
            }
            score = score.add(points);
            max = max.add(m);
        }
        BigDecimal base = max.signum() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(SampleProvince.SCALE).multiply(score).divide(max, MC);
        boolean late = SampleProvince.firstAcceptedSubmissions().get(s.unitCode()).late();
        BigDecimal d = deduction.add(late ? SampleProvince.LATE_PENALTY : BigDecimal.ZERO).min(SampleProvince.DEDUCTION_CAP);
        BigDecimal total = base.add(bonus.min(SampleProvince.BONUS_CAP)).subtract(d).max(BigDecimal.ZERO);
        return total.setScale(2, RoundingMode.HALF_UP);
    }
}
