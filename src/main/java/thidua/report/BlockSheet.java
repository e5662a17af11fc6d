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
 * The sheet of one block, laid out to be read and printed (A4 landscape, one page wide):
 * first the block's summary, one row per unit (S, B, D, T, grade, rank, status, award),
 * with a chart of the totals under it; then a table for every unit that was scored, none
 * cut by a page where it fits on one, one row per criterion: its Vietnamese name beside its code, how it is
 * scored, this period's figure, the same period last year, the rate or change in percent
 * the rule compares, the target (the unit's own registered one said so), the maximum and
 * the score, and in words why a criterion gave no score.
 */
final class BlockSheet {

    static final List<String> SUMMARY_HEADER = List.of("Mã đơn vị", "Tên đơn vị", "Xếp loại", "Điểm cơ bản (S)",
            "Điểm thưởng (B)", "Điểm trừ (D)", "Tổng điểm (T)", "Hạng", "Trạng thái nộp", "Đề nghị khen thưởng");
    static final List<String> DETAIL_HEADER = List.of("Mã tiêu chí", "Tiêu chí", "Cách tính", "Kỳ này", "Cùng kỳ",
            "Kết quả (%)", "Mục tiêu (%)", "Điểm tối đa", "Điểm", "Ghi chú");
    /** Column of {@code Tổng điểm (T)} in the summary table. */
    static final int TOTAL_COL = 6;
    static final String NOT_APPLICABLE = "Không áp dụng";
    static final String NO_CRITERION = "Không có tiêu chí áp dụng";
    static final String LATE = "Nộp muộn: gồm điểm trừ nộp muộn";
    static final String OWN_TARGET_NOTE = "Mục tiêu đơn vị đăng ký; bộ tiêu chí giao ";
    static final List<String> TOTAL_LABELS = List.of("Điểm cơ bản (S): các tiêu chí nhóm I–III",
            "Điểm thưởng (B)", "Điểm trừ (D)", "Tổng điểm (T) = S + B − D");
    private static final int WIDTH = DETAIL_HEADER.size();
    /** Rows of the chart under the summary: low enough that summary and chart print on one page. */
    private static final int CHART_ROWS = 12;
    /**
     * Widest that the columns may grow, in characters (names, how a criterion is scored and notes
     * wrap; so do the figures' headers): with them, a table fits an A4 landscape page across at
     * about 100 % in the workbooks' Calibri (Carlito in LibreOffice).
     */
    private static final int NAME_CHARS = 30;
    private static final int METHOD_CHARS = 28;
    private static final int FIGURE_CHARS = 10;
    private static final int NOTE_CHARS = 24;

    private final OutputWorkbook out;
    private final PeriodResults results;
    private final OutputInfo info;

    BlockSheet(OutputWorkbook out, PeriodResults results, OutputInfo info) {
        this.out = out;
        this.results = results;
        this.info = info;
    }

    static String sheetName(Block block) {
        return "Khối " + block.code();
    }

    void write(Block block) {
        Sheet sheet = out.sheet(sheetName(block));
        List<Criterion> criteria = results.scheme().criteriaFor(block.code());
        List<Standing> standings = results.standingsOf(block.code());
        int top = out.infoHeader(sheet, "KHỐI " + block.code() + " – " + block.name()
                + ": KẾT QUẢ VÀ ĐIỂM CHI TIẾT THEO TIÊU CHÍ", info, WIDTH);
        out.headerRow(sheet, top, SUMMARY_HEADER);
        int r = top + 1;
        for (Standing s : standings) {
            summary(out.row(sheet, r++), s);
        }
        int next = r;
        if (!standings.isEmpty()) {
            int first = top + 1;
            int last = r - 1;
            SheetBarChart.below(sheet, last, WIDTH, ReportCharts.UNIT_CHART_TITLE + " – khối " + block.code(),
                    new CellRangeAddress(first, last, 0, 0),
                    List.of(new SheetBarChart.Series(SUMMARY_HEADER.get(TOTAL_COL),
                            new CellReference(sheet.getSheetName(), top, TOTAL_COL, true, true),
                            new CellRangeAddress(first, last, TOTAL_COL, TOTAL_COL), ReportCharts.CURRENT_RGB)),
                    true, CHART_ROWS);
            next = SheetBarChart.rowAfter(last, CHART_ROWS);
        }
        List<CellRangeAddress> tables = new ArrayList<>();
        for (Standing s : standings) {
            if (s.ranked()) {
                int end = unit(sheet, next, s, criteria);
                tables.add(new CellRangeAddress(next + 1, end - 1, 0, WIDTH - 1));
                next = end;
            }
        }
        out.limitWidth(sheet, 1, NAME_CHARS);
        out.limitWidth(sheet, 2, METHOD_CHARS);
        for (int col = 3; col < WIDTH - 1; col++) {
            out.limitWidth(sheet, col, FIGURE_CHARS); // their headers wrap
        }
        out.limitWidth(sheet, WIDTH - 1, NOTE_CHARS);
        out.layOut(sheet, top, 0);
        out.keepTogether(sheet, tables);
    }

    /** A unit's line of the block's summary; one without an accepted submission says where its report stands. */
    private void summary(Row row, Standing s) {
        out.text(row, 0, s.unit().code());
        out.text(row, 1, s.unit().name(), true);
        out.text(row, 2, s.grade(), true);
        ScoreCard card = s.ranked() ? s.card() : null;
        out.decimal(row, 3, card == null ? null : card.base());
        out.decimal(row, 4, card == null ? null : card.bonus());
        out.decimal(row, 5, card == null ? null : card.deduction());
        out.decimal(row, TOTAL_COL, card == null ? null : card.total());
        out.integer(row, 7, s.rank());
        out.text(row, 8, s.status() == null ? null : s.status().label(), true);
        out.text(row, 9, s.award(), true);
    }

    /**
     * A scored unit's table: its title, a row per criterion of the block, then its S, B, D and
     * T. Returns the row after it.
     */
    private int unit(Sheet sheet, int at, Standing s, List<Criterion> criteria) {
        int r = at + 1; // one empty row between tables on screen
        out.sectionTitle(sheet, r++, s.unit().code() + " – " + s.unit().name(), WIDTH);
        out.headerRow(sheet, r++, DETAIL_HEADER);
        ScoreCard card = s.card();
        for (Criterion criterion : criteria) {
            CriterionScore score = card.criteria().stream()
                    .filter(c -> c.criterion().code().equals(criterion.code())).findFirst().orElse(null);
            criterion(out.row(sheet, r++), s, criterion, score);
        }
        List<BigDecimal> totals = List.of(card.base().rounded(), card.bonus().rounded(), card.deduction().rounded(),
                card.total());
        List<String> notes = List.of(card.noApplicableCriterion() ? NO_CRITERION : "", "", card.late() ? LATE : "", "");
        for (int i = 0; i < totals.size(); i++) {
            Row row = out.row(sheet, r++);
            out.blank(row, 0);
            out.text(row, 1, TOTAL_LABELS.get(i), true);
            for (int c = 2; c < 8; c++) {
                out.blank(row, c);
            }
            out.decimal(row, 8, totals.get(i));
            out.text(row, 9, notes.get(i), true);
        }
        return r;
    }

    private void criterion(Row row, Standing s, Criterion criterion, CriterionScore score) {
        out.text(row, 0, criterion.code());
        out.text(row, 1, criterion.name(), true);
        out.text(row, 2, method(criterion), true);
        if (score == null) {
            for (int c = 3; c < WIDTH; c++) {
                out.blank(row, c);
            }
            return;
        }
        List<String> notes = new ArrayList<>();
        current(row, 3, score);
        baseline(row, 4, score);
        out.decimal(row, 5, score.measure());
        target(row, 6, s, score, notes);
        out.decimal(row, 7, criterion.group().isScored() ? criterion.maxPoints() : null);
        if (score.applicable()) {
            out.decimal(row, 8, score.points());
        } else {
            out.text(row, 8, NOT_APPLICABLE, true);
        }
        if (score.note() != null) {
            notes.add(0, score.note());
        }
        out.text(row, 9, String.join("; ", notes), true);
    }

    /** How the rule scores the criterion, in words: what the percent beside it is. */
    private String method(Criterion criterion) {
        String m = criterion.maxPoints().stripTrailingZeros().toPlainString();
        return switch (criterion.rule()) {
            case TY_LE -> "Tỷ lệ (%) = " + criterion.indicatorText();
            case GIAM -> "Mức giảm so với cùng kỳ (%)";
            case TANG -> "Mức tăng so với cùng kỳ (%)";
            case BANG_0 -> "Kỳ này phải bằng 0";
            case TU_CHAM -> "Đơn vị tự chấm điểm";
            case THUONG -> "Thưởng " + m + " điểm mỗi trường hợp";
            case TRU -> "Trừ " + m + " điểm mỗi trường hợp";
        };
    }

    /** This period's figure; for a rate, its numerator over its denominator ("30/40"). */
    private void current(Row row, int col, CriterionScore score) {
        Criterion criterion = score.criterion();
        if (criterion.rule() == Rule.TY_LE) {
            out.text(row, col, score.current() == null ? null
                    : score.current().toPlainString() + "/" + score.baseline().toPlainString());
        } else if (isInteger(criterion.indicator())) {
            out.integer(row, col, score.current());
        } else {
            out.decimal(row, col, score.current());
        }
    }

    /** The same period last year, for the rules that read one indicator; a rate does not use it. */
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

    /** The target the unit was scored against; one the unit registered itself is said so in the notes. */
    private void target(Row row, int col, Standing s, CriterionScore score, List<String> notes) {
        out.decimal(row, col, score.target());
        BigDecimal schemes = score.criterion().target();
        if (score.target() != null && results.scheme().unitTargets()
                .containsKey(new UnitTarget.Key(s.unit().code(), score.criterion().code()))
                && (schemes == null || schemes.compareTo(score.target()) != 0)) {
            notes.add(OWN_TARGET_NOTE + (schemes == null ? "không có" : schemes.toPlainString() + " %"));
        }
    }

    private boolean isInteger(String indicatorCode) {
        return results.scheme().indicator(indicatorCode)
                .map(i -> i.type() == IndicatorType.INTEGER).orElse(false);
    }
}
