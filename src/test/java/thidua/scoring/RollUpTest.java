package thidua.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static thidua.scoring.SchemeFixtures.exact;
import static thidua.scoring.SchemeFixtures.frac;
import static thidua.scoring.SchemeFixtures.giam;
import static thidua.scoring.SchemeFixtures.onlyFor;
import static thidua.scoring.SchemeFixtures.report;
import static thidua.scoring.SchemeFixtures.scheme;
import static thidua.scoring.SchemeFixtures.submitted;
import static thidua.scoring.SchemeFixtures.tuCham;
import static thidua.scoring.SchemeFixtures.tyLe;
import static thidua.scoring.SchemeFixtures.val;
import static thidua.scoring.SchemeFixtures.values;

import java.util.List;
import org.junit.jupiter.api.Test;
import thidua.scheme.Scheme;

/** SCORING.md, "Roll-ups": sums of integer indicators and ratios of sums for rates. */
class RollUpTest {

    /** TL.KP = TPTT.KP/TPTT.XR, a GIAM on TNGT.CHET, and a TU_CHAM on points P (not summed). */
    private final Scheme scheme = scheme(tyLe("TL.KP", "TPTT.KP/TPTT.XR", "80", "10"),
            giam("G", "TNGT.CHET", "15", "10"), tuCham("TC", "P", "10"))
            .unit("A", "K1").unit("B", "K1").unit("C", "K2").build();

    private static SummaryRow row(List<SummaryRow> rows, String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void provinceRateIsTheRatioOfSums_workedExample() {
        // rate = 100·(30+1)/(40+10) = 62 (not the mean of 75 % and 10 % = 42.5 %)
        // baseline rate = 100·(20+5)/(40+10) = 50;  change = 62 − 50 = 12 percentage points
        List<SummaryRow> rows = RollUp.summarize(scheme, List.of(
                submitted("A", val("TPTT.KP", "30", "20"), val("TPTT.XR", "40", "40")),
                submitted("B", val("TPTT.KP", "1", "5"), val("TPTT.XR", "10", "10"))));

        SummaryRow rate = row(rows, "TL.KP");
        assertThat(rate.rate()).isTrue();
        assertThat(rate.current()).isEqualTo(exact("62"));
        assertThat(rate.current().rounded()).isEqualByComparingTo("62.00");
        assertThat(rate.baseline()).isEqualTo(exact("50"));
        assertThat(rate.change()).isEqualTo(exact("12"));
    }

    @Test
    void integerIndicatorsAreSummedWithTheirChangeInPercent() {
        // TPTT.KP: Σc = 30+1 = 31, Σb = 20+5 = 25 → 100·(31−25)/25 = 24
        // TPTT.XR: Σc = 50, Σb = 50 → 0
        // TNGT.CHET: Σc = 18+9 = 27, Σb = 20+10 = 30 → 100·(27−30)/30 = −10
        // P is a `Điểm` indicator: no row.  Sums first (indicator order), then rates.
        List<SummaryRow> rows = RollUp.summarize(scheme, List.of(
                submitted("A", val("TPTT.KP", "30", "20"), val("TPTT.XR", "40", "40"),
                        val("TNGT.CHET", "18", "20"), val("P", "8", null)),
                submitted("B", val("TPTT.KP", "1", "5"), val("TPTT.XR", "10", "10"),
                        val("TNGT.CHET", "9", "10"), val("P", "7", null))));

        assertThat(rows).extracting(SummaryRow::code).containsExactly("TPTT.KP", "TPTT.XR", "TNGT.CHET", "TL.KP");
        SummaryRow kp = row(rows, "TPTT.KP");
        assertThat(kp.rate()).isFalse();
        assertThat(kp.current()).isEqualTo(exact("31"));
        assertThat(kp.baseline()).isEqualTo(exact("25"));
        assertThat(kp.change()).isEqualTo(exact("24"));
        assertThat(row(rows, "TPTT.XR").change()).isEqualTo(Ratio.ZERO);
        assertThat(row(rows, "TNGT.CHET").change()).isEqualTo(exact("-10"));
    }

    @Test
    void changeIsBlankWhenTheBaselineSumIsZero() {
        // TNGT.CHET: Σc = 2+1 = 3, Σb = 0+0 = 0 → change blank
        List<SummaryRow> rows = RollUp.summarize(scheme, List.of(
                submitted("A", val("TNGT.CHET", "2", "0"), val("TPTT.KP", "1", "1"), val("TPTT.XR", "1", "1")),
                submitted("B", val("TNGT.CHET", "1", "0"), val("TPTT.KP", "1", "1"), val("TPTT.XR", "1", "1"))));

        SummaryRow chet = row(rows, "TNGT.CHET");
        assertThat(chet.current()).isEqualTo(exact("3"));
        assertThat(chet.baseline()).isEqualTo(Ratio.ZERO);
        assertThat(chet.change()).isNull();
    }

    @Test
    void rateIsBlankWhenTheDenominatorSumIsZero() {
        // Σd = 0+0 → rate blank; baseline 100·(5+0)/(10+0) = 50 still shown; change blank
        List<SummaryRow> rows = RollUp.summarize(scheme, List.of(
                submitted("A", val("TPTT.KP", "0", "5"), val("TPTT.XR", "0", "10")),
                submitted("B", val("TPTT.KP", "0", "0"), val("TPTT.XR", "0", "0"))));

        SummaryRow rate = row(rows, "TL.KP");
        assertThat(rate.current()).isNull();
        assertThat(rate.baseline()).isEqualTo(exact("50"));
        assertThat(rate.change()).isNull();
    }

    @Test
    void baselineRateIsBlankWhenTheBaselineDenominatorSumIsZero() {
        // rate = 100·3/4 = 75;  baseline Σd = 0 → baseline and change blank
        List<SummaryRow> rows = RollUp.summarize(scheme, List.of(
                submitted("A", val("TPTT.KP", "3", "0"), val("TPTT.XR", "4", "0"))));

        SummaryRow rate = row(rows, "TL.KP");
        assertThat(rate.current()).isEqualTo(exact("75"));
        assertThat(rate.baseline()).isNull();
        assertThat(rate.change()).isNull();
    }

    @Test
    void repeatingRateAndChangeInPoints() {
        // rate = 100·1/3 = 100/3 → 33.33;  baseline 100·1/2 = 50;  change = 100/3 − 50 = −50/3 → −16.67
        SummaryRow rate = row(RollUp.summarize(scheme, List.of(
                submitted("A", val("TPTT.KP", "1", "1"), val("TPTT.XR", "3", "2")))), "TL.KP");

        assertThat(rate.current()).isEqualTo(frac(100, 3));
        assertThat(rate.current().rounded()).isEqualByComparingTo("33.33");
        assertThat(rate.change()).isEqualTo(frac(-50, 3));
        assertThat(rate.change().rounded()).isEqualByComparingTo("-16.67");
    }

    @Test
    void onlyAcceptedReportsCount() {
        // B's file was returned (its values must not count) and C never reported:
        // TPTT.KP Σc = 30, Σb = 20;  rate = 100·30/40 = 75
        UnitReport returned = new UnitReport("B", SubmissionStatus.RETURNED, null,
                values(val("TPTT.KP", "1", "5"), val("TPTT.XR", "10", "10")));
        List<SummaryRow> rows = RollUp.summarize(scheme, List.of(
                submitted("A", val("TPTT.KP", "30", "20"), val("TPTT.XR", "40", "40")),
                returned, report("C", SubmissionStatus.MISSING)));

        assertThat(row(rows, "TPTT.KP").current()).isEqualTo(exact("30"));
        assertThat(row(rows, "TPTT.KP").baseline()).isEqualTo(exact("20"));
        assertThat(row(rows, "TL.KP").current()).isEqualTo(exact("75"));
    }

    @Test
    void lateReportsCount() {
        // A is late but accepted: Σc = 30 + 1 = 31
        List<SummaryRow> rows = RollUp.summarize(scheme, List.of(
                report("A", SubmissionStatus.LATE, val("TPTT.KP", "30", "20"), val("TPTT.XR", "40", "40")),
                submitted("B", val("TPTT.KP", "1", "5"), val("TPTT.XR", "10", "10"))));

        assertThat(row(rows, "TPTT.KP").current()).isEqualTo(exact("31"));
    }

    @Test
    void indicatorTotalsAreOverTheUnitsThatReportedIt() {
        // X is read only by a criterion of block K2: only C reports it → Σc = 4, Σb = 5 → −20 %.
        // A (K1) does not read X; the K2-only rate Y/Z gets no row from K1 units alone.
        Scheme s = scheme(giam("G", "TNGT.CHET", "15", "10"), onlyFor(giam("G2", "X", "15", "10"), "K2"),
                onlyFor(tyLe("TL2", "Y/Z", "80", "10"), "K2")).unit("A", "K1").unit("C", "K2").build();
        UnitReport a = submitted("A", val("TNGT.CHET", "1", "2"));
        UnitReport c = submitted("C", val("TNGT.CHET", "3", "2"), val("X", "4", "5"), val("Y", "1", "1"),
                val("Z", "2", "2"));

        List<SummaryRow> province = RollUp.summarize(s, List.of(a, c));
        assertThat(row(province, "TNGT.CHET").current()).isEqualTo(exact("4"));
        assertThat(row(province, "X").current()).isEqualTo(exact("4"));
        assertThat(row(province, "X").baseline()).isEqualTo(exact("5"));
        assertThat(row(province, "X").change()).isEqualTo(exact("-20"));
        assertThat(row(province, "TL2").current()).isEqualTo(exact("50"));

        assertThat(RollUp.summarize(s, List.of(a))).extracting(SummaryRow::code).containsExactly("TNGT.CHET");
    }
}
