package thidua.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import thidua.scheme.Period;
import thidua.scoring.PeriodResults;
import thidua.scoring.Standing;
import thidua.scoring.SummaryRow;

/**
 * Writes the provincial summary of a period, {@code tong-hop-P.xlsx} (FORMATS.md §3):
 * province sums and rates, the same per block, and who has reported.
 */
public final class SummaryWriter {

    public static final String FILE_PREFIX = "tong-hop";
    static final String PROVINCE_SHEET = "Tổng hợp";
    static final String BLOCKS_SHEET = "Theo khối";
    static final String STATUS_SHEET = "Tình hình nộp báo cáo";
    static final List<String> PROVINCE_HEADER = List.of("Mã", "Nội dung", "Kỳ này", "Cùng kỳ", "Tăng/giảm (%)");
    static final List<String> BLOCKS_HEADER = List.of("Mã khối", "Mã", "Kỳ này", "Cùng kỳ", "Tăng/giảm (%)");
    static final List<String> STATUS_HEADER = List.of("Mã đơn vị", "Tên đơn vị", "Khối", "Trạng thái", "Thời điểm nộp",
            "Cảnh báo, lỗi");
    private static final String CHANGE_NOTE =
            "Dòng số liệu: tăng/giảm so với cùng kỳ (%). Dòng tỷ lệ: chênh lệch điểm phần trăm (kỳ này − cùng kỳ).";

    /** Writes {@code outDir/tong-hop-P.xlsx} atomically, creating the folder if missing, and returns its path. */
    public Path write(PeriodResults results, Path outDir) throws IOException {
        String title = "Báo cáo tổng hợp kết quả thi đua – " + results.period().name()
                + " (" + results.period().code() + ")";
        try (OutputWorkbook out = new OutputWorkbook(title)) {
            province(out, results.province());
            blocks(out, results.byBlock());
            status(out, results.standings(), results);
            return out.save(outDir.resolve(OutputWorkbook.fileName(FILE_PREFIX, results.period().code())));
        }
    }

    private static void province(OutputWorkbook out, List<SummaryRow> rows) {
        Sheet sheet = header(out, PROVINCE_SHEET, PROVINCE_HEADER);
        int r = 1;
        for (SummaryRow s : rows) {
            Row row = out.row(sheet, r++);
            out.text(row, 0, s.code());
            out.text(row, 1, s.name());
            figures(out, row, 2, s);
        }
        out.layOut(sheet, 1, 0);
    }

    private static void blocks(OutputWorkbook out, Map<String, List<SummaryRow>> byBlock) {
        Sheet sheet = header(out, BLOCKS_SHEET, BLOCKS_HEADER);
        int r = 1;
        for (Map.Entry<String, List<SummaryRow>> block : byBlock.entrySet()) {
            for (SummaryRow s : block.getValue()) {
                Row row = out.row(sheet, r++);
                out.text(row, 0, block.getKey());
                out.text(row, 1, s.code());
                figures(out, row, 2, s);
            }
        }
        out.layOut(sheet, 1, 0);
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
    private static void status(OutputWorkbook out, List<Standing> standings, PeriodResults results) {
        Sheet sheet = out.sheet(STATUS_SHEET);
        out.headerRow(sheet, STATUS_HEADER);
        List<Standing> ordered = standings.stream()
                .sorted(Comparator.comparing((Standing s) -> s.unit().blockCode())
                        .thenComparing(s -> s.unit().code()))
                .toList();
        int r = 1;
        for (Standing s : ordered) {
            Row row = out.row(sheet, r++);
            out.text(row, 0, s.unit().code());
            out.text(row, 1, s.unit().name());
            out.text(row, 2, s.unit().blockCode());
            out.text(row, 3, s.status() == null ? null : s.status().label());
            out.dateTime(row, 4, s.firstArrival() == null ? null
                    : LocalDateTime.ofInstant(s.firstArrival(), Period.ZONE));
            // Warnings quote what a unit wrote: written as text that never becomes a formula.
            out.text(row, 5, String.join("\n", results.warningsOf(s.unit().code())));
        }
        out.layOut(sheet, 1, 0);
    }

    /** A summary sheet's header; its last column, the change, means two things and says so. */
    private static Sheet header(OutputWorkbook out, String name, List<String> labels) {
        Sheet sheet = out.sheet(name);
        Row row = out.headerRow(sheet, labels);
        out.comment(row.getCell(labels.size() - 1), CHANGE_NOTE);
        return sheet;
    }
}
