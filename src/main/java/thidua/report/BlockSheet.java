package thidua.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import thidua.scheme.Block;
import thidua.scheme.Criterion;
import thidua.scheme.IndicatorType;
import thidua.scheme.Rule;
import thidua.scheme.UnitTarget;
import thidua.scoring.CriterionScore;
import thidua.scoring.PeriodResults;
import thidua.scoring.ScoreCard;
import thidua.scoring.Standing;

/**
 * The detail sheet of one block: one row per unit, and for each criterion of the
 * block its value, the same period last year, the target (the unit's registered one
 * where it has one) and the score, then S, B, D, T, grade, rank, award and a note.
 * Below the information header, two header rows: criterion codes over their four
 * sub-columns, then the sub-labels. A chart of the units' totals follows the table.
 */
final class BlockSheet {

    static final String VALUE = "Giá trị";
    static final String BASELINE = "Cùng kỳ";
    static final String TARGET = "Mục tiêu (%)";
    static final String SCORE = "Điểm";
    static final List<String> TRAILING = List.of("Điểm cơ bản (S)", "Điểm thưởng (B)", "Điểm trừ (D)",
            "Tổng điểm (T)", "Xếp loại", "Hạng", "Đề nghị khen thưởng", "Ghi chú");
    static final String NOT_APPLICABLE = "Không áp dụng";
    static final String NO_CRITERION = "Không có tiêu chí áp dụng";
    static final String LATE = "Nộp muộn";
    private static final int FIRST_CRITERION_COL = 2;
    private static final int PER_CRITERION = 4;
    static final String OWN_TARGET_NOTE = "Chỉ tiêu đơn vị đăng ký; bộ tiêu chí giao ";

    private final OutputWorkbook out;
    private final PeriodResults results;
    private final OutputInfo info;

    BlockSheet(OutputWorkbook out, PeriodResults results, OutputInfo info) {
        this.out = out;
        this.results = results;
        this.info = info;
    }

    /** Column of {@code Tổng điểm (T)} on the sheet of a block with {@code criteria} criteria. */
    static int totalColumn(int criteria) {
        return FIRST_CRITERION_COL + criteria * PER_CRITERION + 3;
    }

    static String sheetName(Block block) {
        return "Khối " + block.code();
    }

    void write(Block block) {
        Sheet sheet = out.sheet(sheetName(block));
        List<Criterion> criteria = results.scheme().criteriaFor(block.code());
        int width = FIRST_CRITERION_COL + criteria.size() * PER_CRITERION + TRAILING.size();
        int top = out.infoHeader(sheet, "KHỐI " + block.code() + " – " + block.name()
                + ": ĐIỂM CHI TIẾT THEO TIÊU CHÍ", info, width);
        header(sheet, top, criteria);
        int first = top + 2;
        int r = first;
        List<Standing> standings = results.standingsOf(block.code());
        for (Standing s : standings) {
            Row row = out.row(sheet, r++);
            out.text(row, 0, s.unit().code());
            out.text(row, 1, s.unit().name(), true);
            if (s.ranked()) {
                scored(row, s, criteria);
            } else {
                unscored(row, s, criteria);
            }
        }
        out.layOut(sheet, top + 2, 2);
        if (!standings.isEmpty()) {
            int last = first + standings.size() - 1;
            int total = totalColumn(criteria.size());
            // Under the unit's code and name, the columns repeated on every printed page: the chart
            // then prints whole on the first page instead of being cut where the pages across meet.
            SheetBarChart.below(sheet, last, FIRST_CRITERION_COL,
                    ReportCharts.UNIT_CHART_TITLE + " – khối " + block.code(), new CellRangeAddress(first, last, 0, 0),
                    List.of(new SheetBarChart.Series(TRAILING.get(3),
                            new CellReference(sheet.getSheetName(), top, total, true, true),
                            new CellRangeAddress(first, last, total, total), ReportCharts.CURRENT_RGB)),
                    true);
        }
    }

    private void header(Sheet sheet, int top, List<Criterion> criteria) {
        out.tallHeader(sheet, top, 0, "Mã đơn vị");
        out.tallHeader(sheet, top, 1, "Tên đơn vị");
        Row sub = out.row(sheet, top + 1);
        int col = FIRST_CRITERION_COL;
        for (Criterion criterion : criteria) {
            var cell = out.spanningHeader(sheet, top, top, col, col + PER_CRITERION - 1, criterion.code());
            CellNotes.put(cell, criterion.name() + "\nGiá trị: " + valueMeaning(criterion)
                    + "\nCùng kỳ: " + baselineMeaning(criterion));
            out.header(sub, col, VALUE);
            out.header(sub, col + 1, BASELINE);
            out.header(sub, col + 2, TARGET);
            out.header(sub, col + 3, SCORE);
            col += PER_CRITERION;
        }
        for (String label : TRAILING) {
            out.tallHeader(sheet, top, col++, label);
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
                baseline(row, col + 1, score);
                target(row, col + 2, s, score);
                if (score.applicable()) {
                    out.decimal(row, col + 3, score.points());
                } else {
                    out.text(row, col + 3, NOT_APPLICABLE);
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

    /**
     * The indicator's figure for the same period last year, for the rules that read one
     * indicator; a rate's baseline is not part of its score, so its cell stays blank.
     */
    private void baseline(Row row, int col, CriterionScore score) {
        Criterion criterion = score.criterion();
        if (criterion.rule() == Rule.TY_LE) {
            out.blank(row, col);
        } else if (isInteger(criterion.indicator())) {
            out.integer(row, col, score.baseline());
        } else {
            out.decimal(row, col, score.baseline());
        }
    }

    /** The target the unit was scored against; a target the unit registered itself says so in a note. */
    private void target(Row row, int col, Standing s, CriterionScore score) {
        var cell = out.decimal(row, col, score.target());
        Criterion criterion = score.criterion();
        BigDecimal schemes = criterion.target();
        if (score.target() != null && results.scheme().unitTargets()
                .containsKey(new UnitTarget.Key(s.unit().code(), criterion.code()))
                && (schemes == null || schemes.compareTo(score.target()) != 0)) {
            CellNotes.put(cell, OWN_TARGET_NOTE + (schemes == null ? "không có" : schemes.toPlainString() + " %") + ".");
        }
    }

    private boolean isInteger(String indicatorCode) {
        return results.scheme().indicator(indicatorCode)
                .map(i -> i.type() == IndicatorType.INTEGER).orElse(false);
    }

    private static String baselineMeaning(Criterion criterion) {
        return criterion.rule() == Rule.TY_LE ? "không dùng để tính điểm tỷ lệ (để trống)"
                : "số liệu cùng kỳ năm trước của " + criterion.indicator();
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
