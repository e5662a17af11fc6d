package thidua.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import thidua.scheme.AwardRule;
import thidua.scheme.Block;
import thidua.scheme.Grade;
import thidua.scheme.Scheme;
import thidua.scheme.Unit;

/** Classification, competition rank inside each block, and award proposals (SCORING.md). */
final class Ranking {

    private Ranking() {
    }

    /** One standing per unit of the scheme, ordered by block code, then rank, unranked units last. */
    public static List<Standing> standings(Scheme scheme, Map<String, UnitReport> reports) {
        List<Standing> all = new ArrayList<>();
        List<Block> blocks = scheme.blocks().stream().sorted(Comparator.comparing(Block::code)).toList();
        for (Block block : blocks) {
            all.addAll(blockStandings(scheme, block, reports));
        }
        return List.copyOf(all);
    }

    private static List<Standing> blockStandings(Scheme scheme, Block block, Map<String, UnitReport> reports) {
        List<ScoreCard> cards = new ArrayList<>();
        List<Standing> unranked = new ArrayList<>();
        for (Unit unit : scheme.unitsOf(block.code())) {
            UnitReport report = reports.get(unit.code());
            if (report != null && report.accepted()) {
                cards.add(UnitScorer.score(scheme, unit, report.values(), report.status().equals(
                        SubmissionStatus.LATE)));
            } else {
                var status = report == null ? SubmissionStatus.MISSING : report.status();
                unranked.add(new Standing(unit, null, null, Standing.NOT_REPORTED, null, status,
                        report == null ? null : report.firstArrival()));
            }
        }
        List<Standing> ranked = new ArrayList<>();
        for (ScoreCard card : cards) {
            int rank = 1 + (int) cards.stream().filter(o -> o.total().compareTo(card.total()) > 0).count();
            String grade = grade(scheme, card.total());
            UnitReport report = reports.get(card.unit().code());
            ranked.add(new Standing(card.unit(), card, rank, grade, award(scheme, rank, grade),
                    report.status(), report.firstArrival()));
        }
        ranked.sort(Comparator.comparing(Standing::rank).thenComparing(s -> s.unit().code()));
        unranked.sort(Comparator.comparing(s -> s.unit().code()));
        ranked.addAll(unranked);
        return ranked;
    }

    /** The first grade, in descending `Điểm từ`, that the rounded total reaches; blank if none. */
    static String grade(Scheme scheme, BigDecimal total) {
        for (Grade grade : descending(scheme)) {
            if (total.compareTo(grade.minScore()) >= 0) {
                return grade.label();
            }
        }
        return "";
    }

    /** The first `Khen thưởng` row, in sheet order, whose rank limit and minimum grade the unit meets. */
    static String award(Scheme scheme, int rank, String grade) {
        List<String> order = descending(scheme).stream().map(Grade::label).toList();
        int unitGrade = order.indexOf(grade);
        if (unitGrade < 0) {
            return "";
        }
        for (AwardRule rule : scheme.awards()) {
            if (rule.maxRank() >= rank && unitGrade <= order.indexOf(rule.minGrade())) {
                return rule.title();
            }
        }
        return "";
    }

    /** The `Xếp loại` rows in descending `Điểm từ`, whatever order the sheet lists them in. */
    private static List<Grade> descending(Scheme scheme) {
        return scheme.grades().stream().sorted(Comparator.comparing(Grade::minScore).reversed()).toList();
    }
}
