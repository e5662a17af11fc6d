package thidua.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static thidua.scoring.SchemeFixtures.bang0;
import static thidua.scoring.SchemeFixtures.giam;
import static thidua.scoring.SchemeFixtures.reports;
import static thidua.scoring.SchemeFixtures.scheme;
import static thidua.scoring.SchemeFixtures.submitted;
import static thidua.scoring.SchemeFixtures.tang;
import static thidua.scoring.SchemeFixtures.thuong;
import static thidua.scoring.SchemeFixtures.tru;
import static thidua.scoring.SchemeFixtures.tuCham;
import static thidua.scoring.SchemeFixtures.tyLe;
import static thidua.scoring.SchemeFixtures.val;
import static thidua.scoring.SchemeFixtures.values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import thidua.scheme.Criterion;
import thidua.scheme.Scheme;

/** Properties checked against plain BigDecimal arithmetic done here, never against the production code. */
class ScoringPropertiesTest {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-1000000"), new BigDecimal("1000000")).ofScale(4);
    }

    @Property
    void ratioAgreesWithBigDecimal(@ForAll("decimals") BigDecimal a, @ForAll("decimals") BigDecimal b) {
        Ratio ra = Ratio.of(a);
        Ratio rb = Ratio.of(b);

        assertThat(ra.plus(rb)).isEqualTo(Ratio.of(a.add(b)));
        assertThat(ra.minus(rb)).isEqualTo(Ratio.of(a.subtract(b)));
        assertThat(ra.times(rb)).isEqualTo(Ratio.of(a.multiply(b)));
        assertThat(Integer.signum(ra.compareTo(rb))).isEqualTo(a.compareTo(b));
        assertThat(ra.rounded()).isEqualTo(a.setScale(2, RoundingMode.HALF_UP));
        if (b.signum() != 0) {
            // BigDecimal.divide(…, scale, HALF_UP) rounds the exact quotient: the same contract
            assertThat(ra.dividedBy(rb).round(12)).isEqualTo(a.divide(b, 12, RoundingMode.HALF_UP));
        }
    }

    @Property
    void criterionScoreIsWithinZeroAndMaxOrNotApplicable(
            @ForAll @IntRange(min = 0, max = 3) int ruleIndex,
            @ForAll @IntRange(min = 0, max = 500) int c,
            @ForAll @IntRange(min = 0, max = 500) int b,
            @ForAll @BigRange(min = "0", max = "200") @Scale(2) BigDecimal t,
            @ForAll @BigRange(min = "0.25", max = "50") @Scale(2) BigDecimal m) {
        String target = t.toPlainString();
        String max = m.toPlainString();
        Criterion criterion = switch (ruleIndex) {
            case 0 -> tyLe("C", "N/D", target, max);
            case 1 -> giam("C", "X", target, max);
            case 2 -> tang("C", "X", target, max);
            default -> bang0("C", "X", max);
        };
        // a rate's numerator never exceeds its denominator (FORMATS.md §2)
        CriterionScore s = CriterionScorer.score(criterion, criterion.target(), values(
                val("N", String.valueOf(Math.min(c, b))), val("D", String.valueOf(b)),
                val("X", String.valueOf(c), String.valueOf(b))));

        boolean notApplicable = (ruleIndex == 0 && b == 0) || (ruleIndex == 2 && b == 0 && c == 0);
        assertThat(s.applicable()).isEqualTo(!notApplicable);
        if (s.applicable()) {
            assertThat(s.points().signum()).isGreaterThanOrEqualTo(0);
            assertThat(s.points()).isLessThanOrEqualTo(Ratio.of(m));
        }
    }

    @Property
    void unitTotalFollowsTheFormula(
            @ForAll @BigRange(min = "0", max = "10") @Scale(4) BigDecimal c,
            @ForAll @IntRange(min = 0, max = 5) int bonusCount,
            @ForAll @IntRange(min = 0, max = 6) int deductionCount,
            @ForAll boolean late) {
        // TU_CHAM m = 10 → S = 100·c/10 = 10·c;  B = min(5, 2·k);  D = min(10, 3·j + (late ? 2 : 0))
        Scheme s = scheme(tuCham("TC", "P", "10"), thuong("TH", "KT", "2"), tru("TR", "VP", "3"))
                .unit("U1", "K1").build();
        ScoreCard card = UnitScorer.score(s, s.unit("U1").orElseThrow(), values(val("P", c.toPlainString(), null),
                val("KT", String.valueOf(bonusCount)), val("VP", String.valueOf(deductionCount))), late);

        BigDecimal base = c.multiply(BigDecimal.TEN);
        BigDecimal bonus = new BigDecimal(2 * bonusCount).min(new BigDecimal("5"));
        BigDecimal deduction = new BigDecimal(3 * deductionCount + (late ? 2 : 0)).min(BigDecimal.TEN);
        BigDecimal expected = base.add(bonus).subtract(deduction).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);

        assertThat(card.total()).isEqualTo(expected);
        assertThat(card.total()).isBetween(BigDecimal.ZERO, HUNDRED.add(new BigDecimal("5")));
    }

    @Property
    void ranksAreCompetitionRanksOfTheRoundedTotals(
            @ForAll @Size(min = 1, max = 12) List<@BigRange(min = "7.9", max = "8.1") @Scale(4) BigDecimal> points) {
        // T_i = round(10·c_i);  rank_i = 1 + #{j : T_j > T_i}.  A narrow range (T in 79…81, 200 rounded
        // values) so that exact totals differing only past the 2nd decimal often tie.
        SchemeFixtures.SchemeBuilder builder = scheme(tuCham("TC", "P", "10"));
        List<UnitReport> submitted = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            String code = String.format("U%02d", i);
            builder.unit(code, "K1");
            submitted.add(submitted(code, val("P", points.get(i).toPlainString(), null)));
        }
        List<Standing> standings = Ranking.standings(builder.build(), reports(submitted.toArray(UnitReport[]::new)));

        Map<String, BigDecimal> totals = new java.util.HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            totals.put(String.format("U%02d", i), points.get(i).multiply(BigDecimal.TEN).setScale(2, RoundingMode.HALF_UP));
        }
        for (Standing st : standings) {
            BigDecimal mine = totals.get(st.unit().code());
            long higher = totals.values().stream().filter(o -> o.compareTo(mine) > 0).count();
            assertThat(st.card().total()).isEqualTo(mine);
            assertThat(st.rank()).isEqualTo(1 + (int) higher);
        }
        assertThat(standings.get(0).rank()).isEqualTo(1);
        assertThat(standings).extracting(Standing::rank).isSorted();
    }
}
