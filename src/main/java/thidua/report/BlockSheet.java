package thidua.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import thidua.scheme.Block;
import thidua.scheme.Criterion;
import thidua.scheme.IndicatorType;
import thidua.scheme.Rule;
import thidua.scoring.CriterionScore;
import thidua.scoring.PeriodResults;
import thidua.scoring.ScoreCard;
import thidua.scoring.Standing;

/**
 * The detail sheet of one block: one row per unit, and for each criterion of the
 * block its value, target and score, then S, B, D, T, grade, rank, award and a note.
 * Two header rows: criterion codes over their three sub-columns, then the sub-labels.
 */
final class BlockSheet {

    static final String VALUE = "Giá trị";
    static final String TARGET = "Mục tiêu (%)";
    static final String SCORE = "Điểm";
    static final List<String> TRAILING = List.of("Điểm cơ bản (S)", "Điểm thưởng (B)", "Điểm trừ (D)",
            "Tổng điểm (T)", "Xếp loại", "Hạng", "Đề nghị khen thưởng", "Ghi chú");
    static final String NOT_APPLICABLE = "Không áp dụng";
    static final String NO_CRITERION = "Không có tiêu chí áp dụng";
    static final String LATE = "Nộp muộn";
    private static final int FIRST_CRITERION_COL = 2;
    private static final int PER_CRITERION = 3;

    private final OutputWorkbook out;
    private final PeriodResults results;

    BlockSheet(OutputWorkbook out, PeriodResults results) {
        this.out = out;
        this.results = results;
    }

    static String sheetName(Block block) {
        return "Khối " + block.code();
    }

    void write(Block block) {
        Sheet sheet = out.sheet(sheetName(block));
        List<Criterion> criteria = results.scheme().criteriaFor(block.code());
        header(sheet, criteria);
        int r = 2;
        for (Standing s : results.standingsOf(block.code())) {
            Row row = out.row(sheet, r++);
            out.text(row, 0, s.unit().code());
            out.text(row, 1, s.unit().name());
            if (s.ranked()) {
                scored(row, s, criteria);
            } else {
                unscored(row, s, criteria);
            }
        }
        out.layOut(sheet, 2, 2);
    }

    private void header(Sheet sheet, List<Criterion> criteria) {
        out.tallHeader(sheet, 0, 0, "Mã đơn vị");
        out.tallHeader(sheet, 0, 1, "Tên đơn vị");
        Row sub = out.row(sheet, 1);
        int col = FIRST_CRITERION_COL;
        for (Criterion criterion : criteria) {
            var cell = out.spanningHeader(sheet, 0, 0, col, col + PER_CRITERION - 1, criterion.code());
            out.comment(cell, criterion.name() + "\nGiá trị: " + valueMeaning(criterion));
            out.header(sub, col, VALUE);
            out.header(sub, col + 1, TARGET);
            out.header(sub, col + 2, SCORE);
            col += PER_CRITERION;
        }
        for (String label : TRAILING) {
            out.tallHeader(sheet, 0, col++, label);
        }
    }

    private void scored(Row row, Standing s, List<Criterion> criteria) {
        ScoreCard card = s.card();
        List<String> notes = new ArrayList<>();
        if (card.noApplicableCriterion()) {
            notes.add(NO_CRITERION);
        }
        if (card.late()) {
            notes.add(LATE);
        }
        int col = FIRST_CRITERION_COL;
        for (Criterion criterion : criteria) {
            CriterionScore score = card.criteria().stream()
                    .filter(c -> c.criterion().code().equals(criterion.code())).findFirst().orElse(null);
            if (score == null) {
                blanks(row, col, PER_CRITERION);
            } else {
                value(row, col, score);
                out.decimal(row, col + 1, score.target());
                if (score.applicable()) {
                    out.decimal(row, col + 2, score.points());
                } else {
                    out.text(row, col + 2, NOT_APPLICABLE);
                }
                if (score.note() != null) {
                    notes.add(criterion.code() + ": " + score.note());
                }
            }
            col += PER_CRITERION;
        }
        out.decimal(row, col, card.base());
        out.decimal(row, col + 1, card.bonus());
        out.decimal(row, col + 2, card.deduction());
        out.decimal(row, col + 3, card.total());
        out.text(row, col + 4, s.grade());
        out.integer(row, col + 5, s.rank());
        out.text(row, col + 6, s.award());
        out.text(row, col + 7, notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** A unit without an accepted submission: no figures; the note says where its report stands. */
    private void unscored(Row row, Standing s, List<Criterion> criteria) {
        int col = FIRST_CRITERION_COL + criteria.size() * PER_CRITERION;
        blanks(row, FIRST_CRITERION_COL, col - FIRST_CRITERION_COL + 4);
        out.text(row, col + 4, s.grade());
        out.blank(row, col + 5);
        out.text(row, col + 6, s.award());
        out.text(row, col + 7, s.status() == null ? null : s.status().label());
    }

    /**
     * What the rule compared with the target: the rate or the change in percent;
     * where there is none, the reported value itself (a blank for a rate over zero).
     */
    private void value(Row row, int col, CriterionScore score) {
        Criterion criterion = score.criterion();
        if (score.measure() != null) {
            out.decimal(row, col, score.measure());
        } else if (criterion.rule() == Rule.TY_LE) {
            out.blank(row, col);
        } else if (isInteger(criterion.indicator())) {
            out.integer(row, col, score.current());
        } else {
            out.decimal(row, col, score.current());
        }
    }

    private boolean isInteger(String indicatorCode) {
        return results.scheme().indicator(indicatorCode)
                .map(i -> i.type() == IndicatorType.INTEGER).orElse(false);
    }

    private static String valueMeaning(Criterion criterion) {
        return switch (criterion.rule()) {
            case TY_LE -> "tỷ lệ " + criterion.indicatorText() + " (%)";
            case GIAM -> "mức giảm so với cùng kỳ (%); số liệu kỳ này khi không tính được";
            case TANG -> "mức tăng so với cùng kỳ (%); số liệu kỳ này khi không tính được";
            case TU_CHAM -> "điểm tự chấm";
            case BANG_0, THUONG, TRU -> "số liệu kỳ này";
        };
    }

    private void blanks(Row row, int firstCol, int count) {
        for (int c = firstCol; c < firstCol + count; c++) {
            out.blank(row, c);
        }
    }
}
