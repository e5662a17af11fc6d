package thidua.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import thidua.scheme.Period;
import thidua.scoring.PeriodResults;
import thidua.scoring.Standing;
import thidua.scoring.SummaryRow;

/**
 * Writes the provincial summary of a period, {@code tong-hop-P.xlsx} (FORMATS.md §3):
 * province sums and rates, the same per block, who has reported, and the key
 * indicators against the same period last year with their chart. Every sheet opens
 * with the information header.
 */
public final class SummaryWriter {

    public static final String FILE_PREFIX = "tong-hop";
    static final String PROVINCE_SHEET = "Tổng hợp";
    static final String BLOCKS_SHEET = "Theo khối";
    static final String STATUS_SHEET = "Tình hình nộp báo cáo";
    static final String CHART_SHEET = "Biểu đồ so sánh cùng kỳ";
    static final List<String> PROVINCE_HEADER = List.of("Mã", "Nội dung", "Kỳ này", "Cùng kỳ", "Tăng/giảm (%)");
    /** The contract's five columns, then the indicator's name for a reader who does not know the codes. */
    static final List<String> BLOCKS_HEADER = List.of("Mã khối", "Mã", "Kỳ này", "Cùng kỳ", "Tăng/giảm (%)",
            "Nội dung");
    /** A rate is a percentage: its name says so, as the headers do for the columns. */
    static final String PERCENT = " (%)";
    static final List<String> STATUS_HEADER = List.of("Mã đơn vị", "Tên đơn vị", "Khối", "Trạng thái", "Thời điểm nộp",
            "Cảnh báo, lỗi");
    private static final String CHANGE_NOTE =
            "Dòng số liệu: tăng/giảm so với cùng kỳ (%). Dòng tỷ lệ: chênh lệch điểm phần trăm (kỳ này − cùng kỳ).";

    /** Writes {@code outDir/tong-hop-P.xlsx} atomically, creating the folder if missing, and returns its path. */
    public Path write(PeriodResults results, OutputInfo info, Path outDir) throws IOException {
        String title = "Báo cáo tổng hợp kết quả thi đua – " + results.period().name()
                + " (" + results.period().code() + ")";
        try (OutputWorkbook out = new OutputWorkbook(title)) {
            province(out, results.province(), info);
            blocks(out, results.byBlock(), info);
            status(out, results.standings(), results, info);
            chart(out, ReportCharts.keyIndicators(results), info);
            return out.save(outDir.resolve(OutputFiles.name(FILE_PREFIX, results.period().code(), "xlsx")));
        }
    }

    private static void province(OutputWorkbook out, List<SummaryRow> rows, OutputInfo info) {
        summaryTable(out, out.sheet(PROVINCE_SHEET), "BÁO CÁO TỔNG HỢP KẾT QUẢ THI ĐUA TOÀN TỈNH", rows, info);
    }

    /** A `Mã, Nội dung, Kỳ này, Cùng kỳ, Tăng/giảm (%)` table under an information header; returns its header row. */
    private static int summaryTable(OutputWorkbook out, Sheet sheet, String title, List<SummaryRow> rows,
                                    OutputInfo info) {
        int top = out.infoHeader(sheet, title, info, PROVINCE_HEADER.size());
        header(out, sheet, top, PROVINCE_HEADER, PROVINCE_HEADER.size() - 1);
        int r = top + 1;
        for (SummaryRow s : rows) {
            Row row = out.row(sheet, r++);
            out.text(row, 0, s.code());
            out.text(row, 1, name(s), true);
            figures(out, row, 2, s);
        }
        out.layOut(sheet, top + 1, 0);
        return top;
    }

    private static void blocks(OutputWorkbook out, Map<String, List<SummaryRow>> byBlock, OutputInfo info) {
        Sheet sheet = out.sheet(BLOCKS_SHEET);
        int top = out.infoHeader(sheet, "SỐ LIỆU TỔNG HỢP THEO KHỐI THI ĐUA", info, BLOCKS_HEADER.size());
        header(out, sheet, top, BLOCKS_HEADER, 4);
        int r = top + 1;
        for (Map.Entry<String, List<SummaryRow>> block : byBlock.entrySet()) {
            for (SummaryRow s : block.getValue()) {
                Row row = out.row(sheet, r++);
                out.text(row, 0, block.getKey());
                out.text(row, 1, s.code());
                figures(out, row, 2, s);
                out.text(row, 5, name(s), true);
            }
        }
        out.layOut(sheet, top + 1, 0);
    }

    /**
     * The key indicators (ReportCharts) as in {@code Tổng hợp}, and below them a chart
     * of {@code Kỳ này} against {@code Cùng kỳ} that reads those cells.
     */
    private static void chart(OutputWorkbook out, List<SummaryRow> rows, OutputInfo info) {
        Sheet sheet = out.sheet(CHART_SHEET);
        int top = summaryTable(out, sheet, "CHỈ TIÊU CHÍNH SO VỚI CÙNG KỲ NĂM TRƯỚC", rows, info);
        if (rows.isEmpty()) {
            return;
        }
        int first = top + 1;
        int last = top + rows.size();
        String name = sheet.getSheetName();
        SheetBarChart.below(sheet, last, PROVINCE_HEADER.size(), ReportCharts.INDICATOR_CHART_TITLE,
                new CellRangeAddress(first, last, 0, 0),
                List.of(new SheetBarChart.Series(PROVINCE_HEADER.get(2), new CellReference(name, top, 2, true, true),
                                new CellRangeAddress(first, last, 2, 2), ReportCharts.CURRENT_RGB),
                        new SheetBarChart.Series(PROVINCE_HEADER.get(3), new CellReference(name, top, 3, true, true),
                                new CellRangeAddress(first, last, 3, 3), ReportCharts.BASELINE_RGB)),
                false);
    }

    /** The row's name; a rate's ends in (%), its figures being percentages. */
    static String name(SummaryRow s) {
        return s.rate() && !s.name().contains("%") ? s.name() + PERCENT : s.name();
    }

    /** Sums are whole numbers; rates and changes have 2 decimals; an undefined figure is blank. */
    private static void figures(OutputWorkbook out, Row row, int col, SummaryRow s) {
        if (s.rate()) {
            out.decimal(row, col, s.current());
            out.decimal(row, col + 1, s.baseline());
        } else {
            out.integer(row, col, s.current() == null ? null : s.current().rounded());
            out.integer(row, col + 1, s.baseline() == null ? null : s.baseline().rounded());
        }
        out.decimal(row, col + 2, s.change());
    }

    /** Every unit of the scheme, by block then unit code, with its arrival in Vietnamese local time. */
    private static void status(OutputWorkbook out, List<Standing> standings, PeriodResults results, OutputInfo info) {
        Sheet sheet = out.sheet(STATUS_SHEET);
        int top = out.infoHeader(sheet, "TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ", info, STATUS_HEADER.size());
        out.headerRow(sheet, top, STATUS_HEADER);
        List<Standing> ordered = standings.stream()
                .sorted(Comparator.comparing((Standing s) -> s.unit().blockCode())
                        .thenComparing(s -> s.unit().code()))
                .toList();
        int r = top + 1;
        for (Standing s : ordered) {
            Row row = out.row(sheet, r++);
            out.text(row, 0, s.unit().code());
            out.text(row, 1, s.unit().name(), true);
            out.text(row, 2, s.unit().blockCode());
            out.text(row, 3, s.status() == null ? null : s.status().label());
            out.dateTime(row, 4, s.firstArrival() == null ? null
                    : LocalDateTime.ofInstant(s.firstArrival(), Period.ZONE));
            // Warnings quote what a unit wrote: written as text that never becomes a formula.
            out.text(row, 5, String.join("\n", results.warningsOf(s.unit().code())), true);
        }
        out.layOut(sheet, top + 1, 0);
    }

    /** A summary sheet's header; the change column means two things and says so. */
    private static void header(OutputWorkbook out, Sheet sheet, int top, List<String> labels, int changeCol) {
        Row row = out.headerRow(sheet, top, labels);
        CellNotes.put(row.getCell(changeCol), CHANGE_NOTE);
    }
}
