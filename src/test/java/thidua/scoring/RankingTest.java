package thidua.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static thidua.scoring.SchemeFixtures.ARRIVAL;
import static thidua.scoring.SchemeFixtures.report;
import static thidua.scoring.SchemeFixtures.reports;
import static thidua.scoring.SchemeFixtures.scheme;
import static thidua.scoring.SchemeFixtures.submitted;
import static thidua.scoring.SchemeFixtures.tuCham;
import static thidua.scoring.SchemeFixtures.tyLe;
import static thidua.scoring.SchemeFixtures.val;
import static thidua.scoring.SchemeFixtures.values;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import thidua.scheme.Scheme;

/**
 * SCORING.md, "Classification, rank, awards". The scheme has one TU_CHAM criterion
 * with m = 10, so a unit that assessed itself c points totals T = 100·c/10 = 10·c.
 */
class RankingTest {

    private static SchemeFixtures.SchemeBuilder selfAssessed() {
        return scheme(tuCham("TC", "P", "10"));
    }

    /** The usual `Xếp loại` sheet, written in descending `Điểm từ`. */
    private static SchemeFixtures.SchemeBuilder graded(SchemeFixtures.SchemeBuilder b) {
        return b.grade("Xuất sắc", "90").grade("Tốt", "80").grade("Khá", "70")
                .grade("Trung bình", "50").grade("Không đạt", "0");
    }

    /** A unit's accepted report with c self-assessed points. */
    private static UnitReport points(String unitCode, String c) {
        return submitted(unitCode, val("P", c, null));
    }

    private static Map<String, Standing> byUnit(List<Standing> standings) {
        return standings.stream().collect(Collectors.toMap(s -> s.unit().code(), s -> s));
    }

    @Test
    void competitionRanksWithTies() {
        // T: A 90, B 80, C 80, D 70 → ranks 1, 2, 2, 4
        Scheme s = selfAssessed().unit("D", "K1").unit("C", "K1").unit("B", "K1").unit("A", "K1").build();

        List<Standing> standings = Ranking.standings(s,
                reports(points("A", "9"), points("B", "8"), points("C", "8"), points("D", "7")));

        assertThat(standings).extracting(Standing::rank).containsExactly(1, 2, 2, 4);
        assertThat(standings).extracting(st -> st.unit().code(), Standing::rank)
                .containsExactlyInAnyOrder(tuple("A", 1), tuple("B", 2), tuple("C", 2), tuple("D", 4));
        assertThat(byUnit(standings).get("B").card().total()).isEqualByComparingTo("80.00");
    }

    @Test
    void ranksAreIndependentBetweenBlocksAndOrderedByBlockCodeThenRank() {
        // K2 (listed first): E 50, F 60 → F 1, E 2.   K1: A 70, B 90 → B 1, A 2
        Scheme s = selfAssessed().unit("E", "K2").unit("F", "K2").unit("A", "K1").unit("B", "K1").build();

        List<Standing> standings = Ranking.standings(s,
                reports(points("E", "5"), points("F", "6"), points("A", "7"), points("B", "9")));

        assertThat(standings).extracting(st -> st.unit().blockCode(), st -> st.unit().code(), Standing::rank)
                .containsExactly(tuple("K1", "B", 1), tuple("K1", "A", 2), tuple("K2", "F", 1), tuple("K2", "E", 2));
    }

    @Test
    void rankIsByTheRoundedTotal() {
        // A 80.004 → 80.00, B 80.001 → 80.00 (same rounded total → same rank), C 79.90 → rank 3
        Scheme s = selfAssessed().unit("A", "K1").unit("B", "K1").unit("C", "K1").build();

        Map<String, Standing> st = byUnit(Ranking.standings(s,
                reports(points("A", "8.0004"), points("B", "8.0001"), points("C", "7.99"))));

        assertThat(st.get("A").rank()).isEqualTo(1);
        assertThat(st.get("B").rank()).isEqualTo(1);
        assertThat(st.get("C").rank()).isEqualTo(3);
    }

    @Test
    void unitsWithoutAnAcceptedSubmissionAreNotRanked() {
        // A 80 → rank 1.  M: no report (Chưa nộp).  R: only a rejected file (Bị trả lại), whose values
        // must not count.  Unranked units come after the ranked ones of their block.
        Scheme s = graded(selfAssessed()).unit("R", "K1").unit("M", "K1").unit("A", "K1").build();
        UnitReport returned = new UnitReport("R", SubmissionStatus.RETURNED, null, values(val("P", "9", null)));

        List<Standing> standings = Ranking.standings(s, reports(points("A", "8"), returned));

        assertThat(standings.get(0).unit().code()).isEqualTo("A");
        assertThat(standings.get(0).rank()).isEqualTo(1);
        assertThat(standings.get(0).status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(standings.get(0).firstArrival()).isEqualTo(ARRIVAL);
        assertThat(standings.subList(1, 3))
                .extracting(st -> st.unit().code(), Standing::status, Standing::rank, Standing::card, Standing::grade)
                .containsExactlyInAnyOrder(
                        tuple("M", SubmissionStatus.MISSING, null, null, "Chưa báo cáo"),
                        tuple("R", SubmissionStatus.RETURNED, null, null, "Chưa báo cáo"));
        assertThat(standings.subList(1, 3)).allSatisfy(st -> assertThat(st.ranked()).isFalse());
    }

    @Test
    void lateUnitIsRankedWithThePenaltyAndCarriesItsStatus() {
        // A: 80 on time.  L: 81 − late penalty 2 = 79 → rank 2
        Scheme s = selfAssessed().unit("A", "K1").unit("L", "K1").build();

        Map<String, Standing> st = byUnit(Ranking.standings(s,
                reports(points("A", "8"), report("L", SubmissionStatus.LATE, val("P", "8.1", null)))));

        assertThat(st.get("L").status()).isEqualTo(SubmissionStatus.LATE);
        assertThat(st.get("L").card().late()).isTrue();
        assertThat(st.get("L").card().total()).isEqualByComparingTo("79.00");
        assertThat(st.get("L").rank()).isEqualTo(2);
    }

    @Test
    void unitWithNoApplicableCriterionIsStillRankedAndClassified() {
        // TY_LE with d = 0 → N/A → S = 0 → T = 0 ≥ 0 → "Không đạt", rank 2 behind A (100·1/10·… = 100)
        Scheme s = graded(scheme(tyLe("TL", "N/D", "80", "10"))).unit("A", "K1").unit("Z", "K1").build();

        Map<String, Standing> st = byUnit(Ranking.standings(s, reports(
                submitted("A", val("N", "9"), val("D", "10")),
                submitted("Z", val("N", "0"), val("D", "0")))));

        assertThat(st.get("Z").card().noApplicableCriterion()).isTrue();
        assertThat(st.get("Z").card().total()).isEqualByComparingTo("0.00");
        assertThat(st.get("Z").rank()).isEqualTo(2);
        assertThat(st.get("Z").grade()).isEqualTo("Không đạt");
    }

    @Test
    void classificationIsTheFirstGradeTheRoundedTotalReaches() {
        // A 90.00 = 90 → Xuất sắc (boundary reached);  B 89.99 → Tốt;
        // C 79.995 → rounded 80.00 ≥ 80 → Tốt;  D 79.994 → 79.99 → Khá;  E 0 → Không đạt
        Scheme s = graded(selfAssessed())
                .unit("A", "K1").unit("B", "K1").unit("C", "K1").unit("D", "K1").unit("E", "K1").build();

        Map<String, Standing> st = byUnit(Ranking.standings(s, reports(points("A", "9"), points("B", "8.999"),
                points("C", "7.9995"), points("D", "7.9994"), points("E", "0"))));

        assertThat(st.get("A").grade()).isEqualTo("Xuất sắc");
        assertThat(st.get("B").grade()).isEqualTo("Tốt");
        assertThat(st.get("C").grade()).isEqualTo("Tốt");
        assertThat(st.get("D").grade()).isEqualTo("Khá");
        assertThat(st.get("E").grade()).isEqualTo("Không đạt");
    }

    @Test
    void classificationUsesDescendingMinimumWhateverTheSheetOrder() {
        // `Xếp loại` written in ascending order; A 85 → still Tốt (the highest grade it reaches),
        // and Tốt is above Khá, so A gets the award that asks for at least Khá.
        Scheme s = selfAssessed().unit("A", "K1")
                .grade("Không đạt", "0").grade("Trung bình", "50").grade("Khá", "70")
                .grade("Tốt", "80").grade("Xuất sắc", "90")
                .award("Cờ thi đua", 1, "Xuất sắc").award("Giấy khen", 3, "Khá").build();

        Standing a = Ranking.standings(s, reports(points("A", "8.5"))).get(0);

        assertThat(a.grade()).isEqualTo("Tốt");
        assertThat(a.award()).isEqualTo("Giấy khen");
    }

    @Test
    void awardIsTheFirstSheetRowWhoseRankLimitAndMinimumGradeAreMet() {
        // K1: A 95 r1 Xuất sắc → Cờ;  B 92 r2 XS → Bằng khen (Cờ needs rank ≤ 1);
        //     C 85 r3 Tốt → Bằng khen (grade equal to the minimum);  D 75 r4 Khá → Giấy khen (4 > 3);
        //     E 72 r5 Khá → Giấy khen (rank = limit 5);  F 71 r6 → blank (rank too low)
        // K2: G 85 r1 Tốt → Bằng khen (Cờ needs Xuất sắc);  H 60 r2 Trung bình → blank (below Khá)
        Scheme s = graded(selfAssessed())
                .award("Cờ thi đua", 1, "Xuất sắc").award("Bằng khen", 3, "Tốt").award("Giấy khen", 5, "Khá")
                .unit("A", "K1").unit("B", "K1").unit("C", "K1").unit("D", "K1").unit("E", "K1").unit("F", "K1")
                .unit("G", "K2").unit("H", "K2").build();

        List<Standing> standings = Ranking.standings(s, reports(points("A", "9.5"), points("B", "9.2"),
                points("C", "8.5"), points("D", "7.5"), points("E", "7.2"), points("F", "7.1"),
                points("G", "8.5"), points("H", "6")));

        assertThat(standings).extracting(st -> st.unit().code(), Standing::rank, Standing::grade, Standing::award)
                .containsExactly(
                        tuple("A", 1, "Xuất sắc", "Cờ thi đua"),
                        tuple("B", 2, "Xuất sắc", "Bằng khen"),
                        tuple("C", 3, "Tốt", "Bằng khen"),
                        tuple("D", 4, "Khá", "Giấy khen"),
                        tuple("E", 5, "Khá", "Giấy khen"),
                        tuple("F", 6, "Khá", ""),
                        tuple("G", 1, "Tốt", "Bằng khen"),
                        tuple("H", 2, "Trung bình", ""));
    }

    @Test
    void awardFollowsSheetOrderNotPrestige() {
        // Bằng khen (rank ≤ 3, ≥ Tốt) comes first in the sheet: rank 1 Xuất sắc gets it, not the Cờ
        Scheme s = graded(selfAssessed()).unit("A", "K1")
                .award("Bằng khen", 3, "Tốt").award("Cờ thi đua", 1, "Xuất sắc").build();

        assertThat(Ranking.standings(s, reports(points("A", "9.5"))).get(0).award()).isEqualTo("Bằng khen");
    }

    @Test
    void tiedUnitsShareTheAwardOfTheirRank() {
        // A 95, B 95 → both rank 1 → both Cờ;  C 90 → rank 3 → Bằng khen
        Scheme s = graded(selfAssessed()).unit("A", "K1").unit("B", "K1").unit("C", "K1")
                .award("Cờ thi đua", 1, "Xuất sắc").award("Bằng khen", 3, "Tốt").build();

        Map<String, Standing> st = byUnit(Ranking.standings(s,
                reports(points("A", "9.5"), points("B", "9.5"), points("C", "9"))));

        assertThat(st.get("A").award()).isEqualTo("Cờ thi đua");
        assertThat(st.get("B").award()).isEqualTo("Cờ thi đua");
        assertThat(st.get("C").rank()).isEqualTo(3);
        assertThat(st.get("C").award()).isEqualTo("Bằng khen");
    }
}
