package thidua.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static thidua.scoring.SchemeFixtures.bang0;
import static thidua.scoring.SchemeFixtures.dec;
import static thidua.scoring.SchemeFixtures.exact;
import static thidua.scoring.SchemeFixtures.frac;
import static thidua.scoring.SchemeFixtures.giam;
import static thidua.scoring.SchemeFixtures.tang;
import static thidua.scoring.SchemeFixtures.thuong;
import static thidua.scoring.SchemeFixtures.tru;
import static thidua.scoring.SchemeFixtures.tuCham;
import static thidua.scoring.SchemeFixtures.tyLe;
import static thidua.scoring.SchemeFixtures.val;
import static thidua.scoring.SchemeFixtures.values;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import thidua.scheme.Criterion;

/** Every branch of every rule of SCORING.md, "Criteria and their rules". */
class CriterionScorerTest {

    /** Scores with the criterion's own (scheme) target. */
    private static CriterionScore score(Criterion criterion, ReportedValue... rows) {
        return CriterionScorer.score(criterion, criterion.target(), values(rows));
    }

    @Nested
    class TyLe {
        private final Criterion kp = tyLe("TL.KP", "TPTT.KP/TPTT.XR", "80", "10");

        @Test
        void zeroDenominatorIsNotApplicable() {
            // d = 0 → N/A, whatever n is
            CriterionScore s = score(kp, val("TPTT.KP", "0", "3"), val("TPTT.XR", "0", "4"));

            assertThat(s.applicable()).isFalse();
            assertThat(s.points()).isNull();
            assertThat(s.measure()).isNull();
        }

        @Test
        void rateAboveTargetGivesMax() {
            // r = 100·36/40 = 90 ≥ 80 → m = 10
            CriterionScore s = score(kp, val("TPTT.KP", "36"), val("TPTT.XR", "40"));

            assertThat(s.measure()).isEqualTo(exact("90"));
            assertThat(s.points()).isEqualTo(exact("10"));
        }

        @Test
        void rateEqualToTargetGivesMax() {
            // r = 100·32/40 = 80 = t → m = 10
            assertThat(score(kp, val("TPTT.KP", "32"), val("TPTT.XR", "40")).points()).isEqualTo(exact("10"));
        }

        @Test
        void rateBelowTargetIsProportional_workedExample() {
            // r = 100·30/40 = 75 < 80 → 10·75/80 = 9.375 → shown 9.38
            CriterionScore s = score(kp, val("TPTT.KP", "30", "1"), val("TPTT.XR", "40", "1"));

            assertThat(s.measure()).isEqualTo(exact("75"));
            assertThat(s.points()).isEqualTo(exact("9.375"));
            assertThat(s.points().rounded()).isEqualByComparingTo("9.38");
            // a rate shows its numerator and denominator (current values)
            assertThat(s.current()).isEqualByComparingTo("30");
            assertThat(s.baseline()).isEqualByComparingTo("40");
        }

        @Test
        void repeatingRateStaysExact() {
            // t = 50: r = 100·1/3 = 100/3 → 10·(100/3)/50 = 20/3 = 6.666… → 6.67
            Criterion c = tyLe("TL", "A/B", "50", "10");
            CriterionScore s = score(c, val("A", "1"), val("B", "3"));

            assertThat(s.measure()).isEqualTo(frac(100, 3));
            assertThat(s.points()).isEqualTo(frac(20, 3));
            assertThat(s.points().rounded()).isEqualByComparingTo("6.67");
        }

        @Test
        void zeroTargetGivesMaxForAnyRate() {
            // t = 0: r = 100·0/5 = 0 ≥ 0 → m = 10
            Criterion c = tyLe("TL", "A/B", "0", "10");
            assertThat(score(c, val("A", "0"), val("B", "5")).points()).isEqualTo(exact("10"));
        }

        @Test
        void denominatorIsASumOfIndicators() {
            // TB.GQ/(TB.TON+TB.MOI): r = 100·12/(5+15) = 60 < 80 → 10·60/80 = 7.5
            // (baselines 100 are not used: the rate reads current values)
            Criterion c = tyLe("TL.GQ", "TB.GQ/TB.TON+TB.MOI", "80", "10");
            CriterionScore s = score(c, val("TB.GQ", "12", "100"), val("TB.TON", "5", "100"),
                    val("TB.MOI", "15", "100"));

            assertThat(s.measure()).isEqualTo(exact("60"));
            assertThat(s.points()).isEqualTo(exact("7.5"));
            assertThat(s.baseline()).isEqualByComparingTo("20");
        }

        @Test
        void numeratorIsASumOfIndicators() {
            // (A+B)/C: r = 100·(3+4)/10 = 70 < 80, m = 8 → 8·70/80 = 7
            Criterion c = tyLe("TL", "A+B/C", "80", "8");
            CriterionScore s = score(c, val("A", "3"), val("B", "4"), val("C", "10"));

            assertThat(s.current()).isEqualByComparingTo("7");
            assertThat(s.points()).isEqualTo(exact("7"));
        }

        @Test
        void sumOfDenominatorsZeroIsNotApplicable() {
            // d = 0 + 0 → N/A
            Criterion c = tyLe("TL.GQ", "TB.GQ/TB.TON+TB.MOI", "80", "10");
            assertThat(score(c, val("TB.GQ", "0"), val("TB.TON", "0"), val("TB.MOI", "0")).applicable()).isFalse();
        }

        @Test
        void givenTargetOverridesTheSchemeTarget() {
            // registered t = 60: r = 75 ≥ 60 → m = 10 (with the scheme's 80 it would be 9.375)
            CriterionScore s = CriterionScorer.score(kp, dec("60"),
                    values(val("TPTT.KP", "30"), val("TPTT.XR", "40")));

            assertThat(s.target()).isEqualByComparingTo("60");
            assertThat(s.points()).isEqualTo(exact("10"));
        }
    }

    @Nested
    class Giam {
        private final Criterion chet = giam("GIAM.TNGT.CHET", "TNGT.CHET", "15", "10");

        @Test
        void zeroBaselineAndZeroCurrentGivesMax() {
            // b = 0, c = 0 → m
            assertThat(score(chet, val("TNGT.CHET", "0", "0")).points()).isEqualTo(exact("10"));
        }

        @Test
        void zeroBaselineAndPositiveCurrentGivesZero() {
            // b = 0, c = 3 > 0 → 0 (applicable)
            CriterionScore s = score(chet, val("TNGT.CHET", "3", "0"));
            assertThat(s.applicable()).isTrue();
            assertThat(s.points()).isEqualTo(Ratio.ZERO);
        }

        @Test
        void zeroTargetWithCurrentBelowBaselineGivesMax() {
            // t = 0, c = 4 ≤ b = 5 → m
            Criterion c = giam("G", "X", "0", "10");
            assertThat(score(c, val("X", "4", "5")).points()).isEqualTo(exact("10"));
        }

        @Test
        void zeroTargetWithCurrentEqualToBaselineGivesMax() {
            // t = 0, c = 5 ≤ b = 5 → m
            Criterion c = giam("G", "X", "0", "10");
            assertThat(score(c, val("X", "5", "5")).points()).isEqualTo(exact("10"));
        }

        @Test
        void zeroTargetWithCurrentAboveBaselineGivesZero() {
            // t = 0, c = 6 > b = 5 → 0
            Criterion c = giam("G", "X", "0", "10");
            assertThat(score(c, val("X", "6", "5")).points()).isEqualTo(Ratio.ZERO);
        }

        @Test
        void reductionAboveTargetGivesMax() {
            // a = 100·(20−10)/20 = 50 ≥ 15 → m
            CriterionScore s = score(chet, val("TNGT.CHET", "10", "20"));
            assertThat(s.measure()).isEqualTo(exact("50"));
            assertThat(s.points()).isEqualTo(exact("10"));
        }

        @Test
        void reductionEqualToTargetGivesMax() {
            // a = 100·(20−17)/20 = 15 = t → m
            assertThat(score(chet, val("TNGT.CHET", "17", "20")).points()).isEqualTo(exact("10"));
        }

        @Test
        void noChangeGivesZero() {
            // a = 100·(20−20)/20 = 0 ≤ 0 → 0
            assertThat(score(chet, val("TNGT.CHET", "20", "20")).points()).isEqualTo(Ratio.ZERO);
        }

        @Test
        void increaseGivesZero() {
            // a = 100·(20−25)/20 = −25 ≤ 0 → 0
            CriterionScore s = score(chet, val("TNGT.CHET", "25", "20"));
            assertThat(s.measure()).isEqualTo(exact("-25"));
            assertThat(s.points()).isEqualTo(Ratio.ZERO);
        }

        @Test
        void partialReductionIsProportional_workedExample() {
            // a = 100·(20−18)/20 = 10 < 15 → 10·10/15 = 20/3 = 6.666… → 6.67
            CriterionScore s = score(chet, val("TNGT.CHET", "18", "20"));

            assertThat(s.measure()).isEqualTo(exact("10"));
            assertThat(s.points()).isEqualTo(frac(20, 3));
            assertThat(s.points().rounded()).isEqualByComparingTo("6.67");
        }
    }

    @Nested
    class Tang {
        private final Criterion bat = tang("TANG.BAT", "BAT", "20", "10");

        @Test
        void zeroBaselineAndPositiveCurrentGivesMax() {
            // b = 0, c = 2 > 0 → m
            assertThat(score(bat, val("BAT", "2", "0")).points()).isEqualTo(exact("10"));
        }

        @Test
        void zeroBaselineAndZeroCurrentIsNotApplicable() {
            // b = 0, c = 0 → N/A
            CriterionScore s = score(bat, val("BAT", "0", "0"));
            assertThat(s.applicable()).isFalse();
            assertThat(s.points()).isNull();
        }

        @Test
        void zeroTargetWithCurrentAtOrAboveBaselineGivesMax() {
            // t = 0, c = 7 ≥ b = 7 → m;  c = 9 ≥ 7 → m
            Criterion c = tang("T", "X", "0", "10");
            assertThat(score(c, val("X", "7", "7")).points()).isEqualTo(exact("10"));
            assertThat(score(c, val("X", "9", "7")).points()).isEqualTo(exact("10"));
        }

        @Test
        void zeroTargetWithCurrentBelowBaselineGivesZero() {
            // t = 0, c = 6 < b = 7 → 0
            Criterion c = tang("T", "X", "0", "10");
            assertThat(score(c, val("X", "6", "7")).points()).isEqualTo(Ratio.ZERO);
        }

        @Test
        void increaseAtOrAboveTargetGivesMax() {
            // a = 100·(12−10)/10 = 20 = t → m;  a = 100·(15−10)/10 = 50 ≥ 20 → m
            assertThat(score(bat, val("BAT", "12", "10")).points()).isEqualTo(exact("10"));
            assertThat(score(bat, val("BAT", "15", "10")).points()).isEqualTo(exact("10"));
        }

        @Test
        void noChangeGivesZero() {
            // a = 100·(10−10)/10 = 0 ≤ 0 → 0
            assertThat(score(bat, val("BAT", "10", "10")).points()).isEqualTo(Ratio.ZERO);
        }

        @Test
        void decreaseGivesZero() {
            // a = 100·(8−10)/10 = −20 ≤ 0 → 0
            CriterionScore s = score(bat, val("BAT", "8", "10"));
            assertThat(s.measure()).isEqualTo(exact("-20"));
            assertThat(s.points()).isEqualTo(Ratio.ZERO);
        }

        @Test
        void partialIncreaseIsProportional() {
            // a = 100·(11−10)/10 = 10 < 20 → 10·10/20 = 5
            CriterionScore s = score(bat, val("BAT", "11", "10"));
            assertThat(s.measure()).isEqualTo(exact("10"));
            assertThat(s.points()).isEqualTo(exact("5"));
        }

        @Test
        void partialIncreaseRepeating() {
            // a = 100·(31−30)/30 = 10/3 → 10·(10/3)/20 = 5/3 = 1.666… → 1.67
            CriterionScore s = score(bat, val("BAT", "31", "30"));
            assertThat(s.points()).isEqualTo(frac(5, 3));
            assertThat(s.points().rounded()).isEqualByComparingTo("1.67");
        }
    }

    @Nested
    class OtherRules {

        @Test
        void bang0WithZeroGivesMax() {
            // c = 0 → m = 5
            assertThat(score(bang0("B0", "X", "5"), val("X", "0")).points()).isEqualTo(exact("5"));
        }

        @Test
        void bang0WithOccurrenceGivesZero() {
            // c = 2 > 0 → 0
            CriterionScore s = score(bang0("B0", "X", "5"), val("X", "2"));
            assertThat(s.applicable()).isTrue();
            assertThat(s.points()).isEqualTo(Ratio.ZERO);
        }

        @Test
        void tuChamTakesTheAssessedPoints() {
            // c = 8.5 (decimal points), m = 10 → 8.5;  c = 0 → 0;  c = m → m
            Criterion c = tuCham("TC", "P", "10");
            assertThat(score(c, val("P", "8.5", null)).points()).isEqualTo(frac(17, 2));
            assertThat(score(c, val("P", "0", null)).points()).isEqualTo(Ratio.ZERO);
            assertThat(score(c, val("P", "10", null)).points()).isEqualTo(exact("10"));
        }

        @Test
        void thuongContributesPointsPerCount() {
            // m·c = 0.5·3 = 1.5;  0.5·0 = 0 (still applicable)
            Criterion c = thuong("TH", "KT", "0.5");
            assertThat(score(c, val("KT", "3")).points()).isEqualTo(exact("1.5"));
            assertThat(score(c, val("KT", "0")).points()).isEqualTo(Ratio.ZERO);
        }

        @Test
        void truContributesPointsPerCount() {
            // m·c = 2·3 = 6
            assertThat(score(tru("TR", "VP", "2"), val("VP", "3")).points()).isEqualTo(exact("6"));
        }
    }
}
