package thidua.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import thidua.scheme.Block;
import thidua.scoring.PeriodResults;
import thidua.scoring.Standing;

/**
 * Writes the scoring tables of a period, {@code bang-diem-P.xlsx} (FORMATS.md §3):
 * the ranking of every unit of the scheme, one detail sheet per block, then the
 * block averages with their chart. Every sheet opens with the information header.
 */
public final class ScoringTableWriter {

    public static final String FILE_PREFIX = "bang-diem";
    static final String RANKING_SHEET = "Xếp hạng";
    static final String AVERAGES_SHEET = "Điểm trung bình khối";
    static final List<String> RANKING_HEADER = List.of(
            "Khối", "Hạng", "Mã đơn vị", "Tên đơn vị", "Tổng điểm", "Xếp loại", "Đề nghị khen thưởng", "Trạng thái nộp");
    static final List<String> AVERAGES_HEADER = List.of(
            "Mã khối", "Tên khối", "Số đơn vị", "Đã xếp hạng", "Điểm trung bình", "Cao nhất", "Thấp nhất");
    /** Column of {@code Điểm trung bình} in {@link #AVERAGES_SHEET}. */
    static final int AVERAGE_COL = 4;

    /** Writes {@code outDir/bang-diem-P.xlsx} atomically, creating the folder if missing, and returns its path. */
    public Path write(PeriodResults results, OutputInfo info, Path outDir) throws IOException {
        String title = "Bảng điểm thi đua – " + results.period().name() + " (" + results.period().code() + ")";
        try (OutputWorkbook out = new OutputWorkbook(title)) {
            ranking(out, results, info);
            BlockSheet blockSheet = new BlockSheet(out, results, info);
            for (Block block : results.scheme().blocks().stream().sorted(Comparator.comparing(Block::code)).toList()) {
                blockSheet.write(block);
            }
            averages(out, results, info);
            return out.save(outDir.resolve(OutputFiles.name(FILE_PREFIX, results.period().code(), "xlsx")));
        }
    }

    /** Standings are already ordered by block code, then rank, unranked units last. */
    private static void ranking(OutputWorkbook out, PeriodResults results, OutputInfo info) {
        Sheet sheet = out.sheet(RANKING_SHEET);
        int top = out.infoHeader(sheet, "BẢNG XẾP HẠNG THI ĐUA THEO KHỐI", info, RANKING_HEADER.size());
        out.headerRow(sheet, top, RANKING_HEADER);
        int r = top + 1;
        for (Standing s : results.standings()) {
            Row row = out.row(sheet, r++);
            out.text(row, 0, s.unit().blockCode());
            out.integer(row, 1, s.rank());
            out.text(row, 2, s.unit().code());
            out.text(row, 3, s.unit().name(), true);
            out.decimal(row, 4, s.ranked() ? s.card().total() : null);
            out.text(row, 5, s.grade());
            out.text(row, 6, s.award());
            out.text(row, 7, s.status().label()); // as in `Tình hình nộp báo cáo`: returned is not missing
        }
        out.layOut(sheet, top + 1, 0);
    }

    /** One row per block by code, then a chart of the averages read from the rows above it. */
    private static void averages(OutputWorkbook out, PeriodResults results, OutputInfo info) {
        Sheet sheet = out.sheet(AVERAGES_SHEET);
        int top = out.infoHeader(sheet, "ĐIỂM TRUNG BÌNH THEO KHỐI THI ĐUA", info, AVERAGES_HEADER.size());
        out.headerRow(sheet, top, AVERAGES_HEADER);
        int r = top + 1;
        List<ReportCharts.BlockAverage> blocks = ReportCharts.blockAverages(results);
        for (ReportCharts.BlockAverage b : blocks) {
            Row row = out.row(sheet, r++);
            out.text(row, 0, b.block().code());
            out.text(row, 1, b.block().name(), true);
            out.integer(row, 2, b.units());
            out.integer(row, 3, b.ranked());
            out.decimal(row, AVERAGE_COL, b.average());
            out.decimal(row, 5, b.best());
            out.decimal(row, 6, b.worst());
        }
        out.layOut(sheet, top + 1, 0);
        if (!blocks.isEmpty()) {
            int first = top + 1;
            int last = top + blocks.size();
            SheetBarChart.below(sheet, last, AVERAGES_HEADER.size(), ReportCharts.BLOCK_CHART_TITLE,
                    new CellRangeAddress(first, last, 0, 0),
                    List.of(new SheetBarChart.Series(AVERAGES_HEADER.get(AVERAGE_COL),
                            new CellReference(sheet.getSheetName(), top, AVERAGE_COL, true, true),
                            new CellRangeAddress(first, last, AVERAGE_COL, AVERAGE_COL), ReportCharts.CURRENT_RGB)),
                    true);
        }
    }
}
