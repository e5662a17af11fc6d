package thidua.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static thidua.scoring.SchemeFixtures.PERIOD;
import static thidua.scoring.SchemeFixtures.exact;
import static thidua.scoring.SchemeFixtures.frac;
import static thidua.scoring.SchemeFixtures.report;
import static thidua.scoring.SchemeFixtures.reports;
import static thidua.scoring.SchemeFixtures.scheme;
import static thidua.scoring.SchemeFixtures.submitted;
import static thidua.scoring.SchemeFixtures.tuCham;
import static thidua.scoring.SchemeFixtures.tyLe;
import static thidua.scoring.SchemeFixtures.val;

import java.util.List;
import org.junit.jupiter.api.Test;
import thidua.scheme.Scheme;

/**
 * One period end to end: standings, province and block roll-ups, block averages.
 * The only scored criterion is TL.KP = TPTT.KP/TPTT.XR, t = 80, m = 10, so T = 100·score/10.
 */
class PeriodResultsTest {

    // K1: A, B, M (M never reports);  K2: C, D (D never reports);  K3: E (never reports)
    private final Scheme scheme = scheme(tyLe("TL.KP", "TPTT.KP/TPTT.XR", "80", "10"))
            .unit("C", "K2").unit("D", "K2").unit("A", "K1").unit("B", "K1").unit("M", "K1").unit("E", "K3").build();

    // A: r = 75 → 9.375 → T = 93.75;  B: r = 100·1/10 = 10 → 10·10/80 = 1.25 → T = 12.50;
    // C: r = 100·4/5 = 80 ≥ 80 → 10 → T = 100.00
    private final PeriodResults results = PeriodResults.of(scheme, PERIOD, reports(
            submitted("A", val("TPTT.KP", "30", "20"), val("TPTT.XR", "40", "40")),
            submitted("B", val("TPTT.KP", "1", "5"), val("TPTT.XR", "10", "10")),
            submitted("C", val("TPTT.KP", "4", "3"), val("TPTT.XR", "5", "5"))));

    private static SummaryRow row(List<SummaryRow> rows, String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void standingsByBlockThenRank() {
        assertThat(results.standings()).extracting(s -> s.unit().code(), Standing::rank)
                .containsExactly(tuple("A", 1), tuple("B", 2), tuple("M", null),
                        tuple("C", 1), tuple("D", null), tuple("E", null));
        assertThat(results.standingsOf("K1")).extracting(s -> s.card() == null ? null : s.card().total().toPlainString())
                .containsExactly("93.75", "12.50", null);
    }

    @Test
    void reportingCountsEveryUnitOnce() {
        assertThat(results.reporting()).isEqualTo(new PeriodResults.Reporting(6, 3, 0, 0, 3));
        PeriodResults r = PeriodResults.of(scheme, PERIOD, reports(
                report("A", SubmissionStatus.LATE, val("TPTT.KP", "30", "20"), val("TPTT.XR", "40", "40")),
                report("M", SubmissionStatus.RETURNED)));
        assertThat(r.reporting()).isEqualTo(new PeriodResults.Reporting(6, 1, 1, 1, 4));
    }

    @Test
    void provinceRollUpIsOverEveryAcceptedReport() {
        // TPTT.KP: Σc = 30+1+4 = 35, Σb = 20+5+3 = 28 → 100·7/28 = 25
        // TL.KP: 100·35/55 = 700/11 = 63.6363… → 63.64;  baseline 100·28/55 = 560/11;  change 140/11 → 12.73
        SummaryRow kp = row(results.province(), "TPTT.KP");
        assertThat(kp.current()).isEqualTo(exact("35"));
        assertThat(kp.change()).isEqualTo(exact("25"));

        SummaryRow rate = row(results.province(), "TL.KP");
        assertThat(rate.current()).isEqualTo(frac(700, 11));
        assertThat(rate.current().rounded()).isEqualByComparingTo("63.64");
        assertThat(rate.baseline()).isEqualTo(frac(560, 11));
        assertThat(rate.change().rounded()).isEqualByComparingTo("12.73");
    }

    @Test
    void blockRollUpsUseOnlyTheBlocksUnits() {
        // K1: TPTT.KP Σc = 31, Σb = 25 → 24 %;  TL.KP 100·31/50 = 62.00 (worked example), baseline 50, +12 points
        // K2: TPTT.KP Σc = 4, Σb = 3 → 100·1/3 = 33.33 %;  TL.KP 100·4/5 = 80, baseline 100·3/5 = 60, +20 points
        // K3: nobody reported → no rows
        assertThat(results.byBlock()).containsOnlyKeys("K1", "K2", "K3");

        List<SummaryRow> k1 = results.byBlock().get("K1");
        assertThat(row(k1, "TPTT.KP").change()).isEqualTo(exact("24"));
        assertThat(row(k1, "TL.KP").current().rounded()).isEqualByComparingTo("62.00");
        assertThat(row(k1, "TL.KP").baseline()).isEqualTo(exact("50"));
        assertThat(row(k1, "TL.KP").change()).isEqualTo(exact("12"));

        List<SummaryRow> k2 = results.byBlock().get("K2");
        assertThat(row(k2, "TPTT.KP").change()).isEqualTo(frac(100, 3));
        assertThat(row(k2, "TPTT.KP").change().rounded()).isEqualByComparingTo("33.33");
        assertThat(row(k2, "TL.KP").current()).isEqualTo(exact("80"));
        assertThat(row(k2, "TL.KP").change()).isEqualTo(exact("20"));

        assertThat(results.byBlock().get("K3")).isEmpty();
    }

    @Test
    void blockAverageIsTheMeanOfTOverRankedUnits() {
        // K1: (93.75 + 12.50)/2 = 53.125 → 53.13 (M, unranked, is left out: not (93.75+12.50+0)/3)
        // K2: 100.00/1 = 100.00;  K3: no ranked unit → blank
        assertThat(results.blockAverages().get("K1")).isEqualByComparingTo("53.13");
        assertThat(results.blockAverages().get("K2")).isEqualByComparingTo("100.00");
        assertThat(results.blockAverages().get("K3")).isNull();
    }

    @Test
    void blockAverageOfThreeRepeats() {
        // TU_CHAM m = 10: T = 10·c = 80, 80, 81 → 241/3 = 80.333… → 80.33
        Scheme s = scheme(tuCham("TC", "P", "10")).unit("A", "K1").unit("B", "K1").unit("C", "K1").build();
        PeriodResults r = PeriodResults.of(s, PERIOD, reports(submitted("A", val("P", "8", null)),
                submitted("B", val("P", "8", null)), submitted("C", val("P", "8.1", null))));

        assertThat(r.blockAverages().get("K1")).isEqualByComparingTo("80.33");
    }
}
