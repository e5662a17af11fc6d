package thidua.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static thidua.scoring.SchemeFixtures.bang0;
import static thidua.scoring.SchemeFixtures.exact;
import static thidua.scoring.SchemeFixtures.frac;
import static thidua.scoring.SchemeFixtures.giam;
import static thidua.scoring.SchemeFixtures.onlyFor;
import static thidua.scoring.SchemeFixtures.scheme;
import static thidua.scoring.SchemeFixtures.tang;
import static thidua.scoring.SchemeFixtures.thuong;
import static thidua.scoring.SchemeFixtures.tru;
import static thidua.scoring.SchemeFixtures.tuCham;
import static thidua.scoring.SchemeFixtures.tyLe;
import static thidua.scoring.SchemeFixtures.val;
import static thidua.scoring.SchemeFixtures.values;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import thidua.scheme.Criterion;
import thidua.scheme.Scheme;

/** SCORING.md, "A unit's total". */
class UnitScorerTest {

    private static ScoreCard score(Scheme scheme, String unitCode, boolean late, ReportedValue... rows) {
        return UnitScorer.score(scheme, scheme.unit(unitCode).orElseThrow(), values(rows), late);
    }

    private static ScoreCard score(Scheme scheme, ReportedValue... rows) {
        return score(scheme, "U1", false, rows);
    }

    /** One TU_CHAM criterion with m = 10, so S = 100·c/10 = 10·c, plus the given bonus/deduction criteria. */
    private static SchemeFixtures.SchemeBuilder selfAssessed(Criterion... extra) {
        List<Criterion> all = new ArrayList<>(List.of(tuCham("TC", "P", "10")));
        all.addAll(List.of(extra));
        return scheme(all.toArray(Criterion[]::new)).unit("U1", "K1");
    }

    @Test
    void aCriterionWhoseIndicatorsAnEarlierSchemeDidNotAskForIsNotApplicable() {
        // Accepted before the scheme added TNGT.CHET and the bonus indicator KT: only TL.KP scores.
        // r = 100·30/40 = 75 < 80 → 10·75/80 = 9.375; S = 100·9.375/10 = 93.75; no bonus counted.
        Scheme s = scheme(tyLe("TL.KP", "TPTT.KP/TPTT.XR", "80", "10"),
                giam("GIAM.TNGT.CHET", "TNGT.CHET", "15", "10"), thuong("TH", "KT", "1")).unit("U1", "K1").build();

        ScoreCard card = score(s, val("TPTT.KP", "30", "25"), val("TPTT.XR", "40", "40"));

        assertThat(card.criteria().get(1).applicable()).isFalse();
        assertThat(card.criteria().get(1).note()).contains("TNGT.CHET");
        assertThat(card.bonus()).isEqualTo(Ratio.ZERO);
        assertThat(card.total()).isEqualByComparingTo("93.75");
    }

    @Test
    void workedExample() {
        // 9.375 + 20/3 = 225/24 + 160/24 = 385/24;  S = 100·(385/24)/(10+10) = 1925/24 = 80.2083… → 80.21
        Scheme s = scheme(tyLe("TL.KP", "TPTT.KP/TPTT.XR", "80", "10"),
                giam("GIAM.TNGT.CHET", "TNGT.CHET", "15", "10")).unit("U1", "K1").build();

        ScoreCard card = score(s, val("TPTT.KP", "30", "25"), val("TPTT.XR", "40", "40"),
                val("TNGT.CHET", "18", "20"));

        assertThat(card.criteria()).extracting(c -> c.points().rounded().toPlainString())
                .containsExactly("9.38", "6.67");
        assertThat(card.base()).isEqualTo(frac(1925, 24));
        assertThat(card.bonus()).isEqualTo(Ratio.ZERO);
        assertThat(card.deduction()).isEqualTo(Ratio.ZERO);
        assertThat(card.total()).isEqualByComparingTo("80.21");
        assertThat(card.noApplicableCriterion()).isFalse();
    }

    @Test
    void baseIsWeightedByMaxPoints() {
        // A: c = 0 → 4 of 4;  B: c = 1 → 0 of 6;  S = 100·4/(4+6) = 40
        Scheme s = scheme(bang0("A", "XA", "4"), bang0("B", "XB", "6")).unit("U1", "K1").build();

        assertThat(score(s, val("XA", "0"), val("XB", "1")).total()).isEqualByComparingTo("40.00");
    }

    @Test
    void notApplicableCriteriaLeaveBothSums() {
        // TY_LE d = 0 → N/A, TANG b = c = 0 → N/A, BANG_0 c = 0 → 5 of 5
        // S = 100·5/5 = 100 (not 100·5/(10+10+5) = 20)
        Scheme s = scheme(tyLe("TL", "N/D", "80", "10"), tang("T", "X", "20", "10"), bang0("B", "Y", "5"))
                .unit("U1", "K1").build();

        ScoreCard card = score(s, val("N", "0"), val("D", "0"), val("X", "0", "0"), val("Y", "0"));

        assertThat(card.criteria()).extracting(CriterionScore::applicable).containsExactly(false, false, true);
        assertThat(card.base()).isEqualTo(exact("100"));
        assertThat(card.total()).isEqualByComparingTo("100.00");
    }

    @Test
    void criteriaOfOtherBlocksAreIgnored() {
        // Y applies only to K2: U1 (K1) has S = 100·10/10 = 100 from B alone
        Scheme s = scheme(bang0("B", "X", "10"), onlyFor(bang0("B2", "Y", "10"), "K2"))
                .unit("U1", "K1").unit("U2", "K2").build();

        ScoreCard card = score(s, val("X", "0"));

        assertThat(card.criteria()).extracting(c -> c.criterion().code()).containsExactly("B");
        assertThat(card.total()).isEqualByComparingTo("100.00");
    }

    @Test
    void scaleOfThousand() {
        // S = 1000·8.5/10 = 850
        Scheme s = selfAssessed().scale(1000).build();

        assertThat(score(s, val("P", "8.5", null)).total()).isEqualByComparingTo("850.00");
    }

    @Test
    void noApplicableCriterionGivesZeroBaseAndIsFlagged() {
        // TY_LE d = 0 and TANG b = c = 0 → nothing applicable → S = 0
        Scheme s = scheme(tyLe("TL", "N/D", "80", "10"), tang("T", "X", "20", "10")).unit("U1", "K1").build();

        ScoreCard card = score(s, val("N", "0"), val("D", "0"), val("X", "0", "0"));

        assertThat(card.noApplicableCriterion()).isTrue();
        assertThat(card.base()).isEqualTo(Ratio.ZERO);
        assertThat(card.total()).isEqualByComparingTo("0.00");
    }

    @Test
    void noApplicableCriterionStillAddsBonus() {
        // S = 0;  B = 2·1 = 2 ≤ 5;  T = 0 + 2 − 0 = 2
        Scheme s = scheme(tyLe("TL", "N/D", "80", "10"), thuong("TH", "KT", "2")).unit("U1", "K1").build();

        ScoreCard card = score(s, val("N", "0"), val("D", "0"), val("KT", "1"));

        assertThat(card.noApplicableCriterion()).isTrue();
        assertThat(card.total()).isEqualByComparingTo("2.00");
    }

    @Test
    void bonusUnderTheCap() {
        // S = 10·7 = 70;  B = min(5, 2·2 = 4) = 4;  T = 74
        Scheme s = selfAssessed(thuong("TH", "KT", "2")).build();

        ScoreCard card = score(s, val("P", "7", null), val("KT", "2"));

        assertThat(card.bonus()).isEqualTo(exact("4"));
        assertThat(card.total()).isEqualByComparingTo("74.00");
    }

    @Test
    void bonusCapBinds() {
        // S = 70;  ΣTHUONG = 2·2 + 1·3 = 7;  B = min(5, 7) = 5;  T = 75
        Scheme s = selfAssessed(thuong("TH1", "KT1", "2"), thuong("TH2", "KT2", "1")).build();

        ScoreCard card = score(s, val("P", "7", null), val("KT1", "2"), val("KT2", "3"));

        assertThat(card.bonus()).isEqualTo(exact("5"));
        assertThat(card.total()).isEqualByComparingTo("75.00");
    }

    @Test
    void deductionUnderTheCap() {
        // S = 70;  D = min(10, 3·2 = 6) = 6;  T = 64
        Scheme s = selfAssessed(tru("TR", "VP", "3")).build();

        ScoreCard card = score(s, val("P", "7", null), val("VP", "2"));

        assertThat(card.deduction()).isEqualTo(exact("6"));
        assertThat(card.total()).isEqualByComparingTo("64.00");
    }

    @Test
    void deductionCapBinds() {
        // S = 70;  ΣTRU = 3·4 = 12;  D = min(10, 12) = 10;  T = 60
        Scheme s = selfAssessed(tru("TR", "VP", "3")).build();

        ScoreCard card = score(s, val("P", "7", null), val("VP", "4"));

        assertThat(card.deduction()).isEqualTo(exact("10"));
        assertThat(card.total()).isEqualByComparingTo("60.00");
    }

    @Test
    void latePenaltyIsADeduction() {
        // S = 70;  D = min(10, 0 + 2) = 2;  T = 68
        Scheme s = selfAssessed().build();

        ScoreCard card = score(s, "U1", true, val("P", "7", null));

        assertThat(card.late()).isTrue();
        assertThat(card.deduction()).isEqualTo(exact("2"));
        assertThat(card.total()).isEqualByComparingTo("68.00");
    }

    @Test
    void latePenaltyIsAddedBeforeTheCap() {
        // S = 70;  ΣTRU = 3·3 = 9;  late: D = min(10, 9 + 2 = 11) = 10 → T = 60 (not 70 − 9 − 2 = 59)
        //                           on time: D = min(10, 9) = 9 → T = 61
        Scheme s = selfAssessed(tru("TR", "VP", "3")).build();

        assertThat(score(s, "U1", true, val("P", "7", null), val("VP", "3")).total()).isEqualByComparingTo("60.00");
        assertThat(score(s, "U1", false, val("P", "7", null), val("VP", "3")).total()).isEqualByComparingTo("61.00");
    }

    @Test
    void totalIsNeverNegative() {
        // S = 10·0.5 = 5;  D = min(10, 4·2 = 8) = 8;  T = max(0, 5 − 8) = 0
        Scheme s = selfAssessed(tru("TR", "VP", "4")).build();

        ScoreCard card = score(s, val("P", "0.5", null), val("VP", "2"));

        assertThat(card.total()).isEqualByComparingTo("0.00");
    }

    @Test
    void exactHalfRoundsUp() {
        // r = 100·16001/25000 = 64.004 < 80 → 10·64.004/80 = 8.0005;  S = 100·8.0005/10 = 80.005 → 80.01
        // (80.005 as a double is 80.00499… and would round down)
        Scheme s = scheme(tyLe("TL", "N/D", "80", "10")).unit("U1", "K1").build();

        ScoreCard card = score(s, val("N", "16001"), val("D", "25000"));

        assertThat(card.base()).isEqualTo(exact("80.005"));
        assertThat(card.total()).isEqualByComparingTo("80.01");
    }

    @Test
    void totalIsRoundedFromTheExactValueNotFromRoundedParts() {
        // S = 100·2/3 = 66.666…;  B = 0.005·1 = 0.005;  T = 66.67166… → 66.67
        // (rounding S first would give 66.67 + 0.005 = 66.675 → 66.68)
        Scheme s = scheme(tuCham("TC", "P", "3"), thuong("TH", "KT", "0.005")).unit("U1", "K1").build();

        ScoreCard card = score(s, val("P", "2", null), val("KT", "1"));

        assertThat(card.base()).isEqualTo(frac(200, 3));
        assertThat(card.total()).isEqualByComparingTo("66.67");
    }

    @Test
    void registeredUnitTargetOverridesTheSchemeTarget() {
        // r = 100·30/40 = 75.  U1 registered t = 60: 75 ≥ 60 → 10 → S = 100.
        // U2 keeps t = 80: 10·75/80 = 9.375 → S = 93.75
        Scheme s = scheme(tyLe("TL.KP", "TPTT.KP/TPTT.XR", "80", "10"))
                .unit("U1", "K1").unit("U2", "K1").unitTarget("U1", "TL.KP", "60").build();

        ScoreCard u1 = score(s, "U1", false, val("TPTT.KP", "30"), val("TPTT.XR", "40"));
        ScoreCard u2 = score(s, "U2", false, val("TPTT.KP", "30"), val("TPTT.XR", "40"));

        assertThat(u1.criteria().get(0).target()).isEqualByComparingTo("60");
        assertThat(u1.total()).isEqualByComparingTo("100.00");
        assertThat(u2.criteria().get(0).target()).isEqualByComparingTo("80");
        assertThat(u2.total()).isEqualByComparingTo("93.75");
    }

    @Test
    void registeredZeroTargetSelectsTheZeroTargetBranch() {
        // GIAM, U1 registered t = 0: c = 18 ≤ b = 20 → m = 10 → S = 100
        // (with the scheme's t = 15: a = 10 → 20/3 → S = 66.67)
        Scheme s = scheme(giam("G", "TNGT.CHET", "15", "10")).unit("U1", "K1").unitTarget("U1", "G", "0").build();

        assertThat(score(s, val("TNGT.CHET", "18", "20")).total()).isEqualByComparingTo("100.00");
    }
}
