package thidua.samples;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import thidua.samples.SampleProvince.ExtraRow;
import thidua.samples.SampleProvince.Indicator;
import thidua.samples.SampleProvince.Submission;
import thidua.samples.SampleProvince.Unit;
import thidua.samples.SampleProvince.Values;

import static thidua.samples.WorkbookStyles.put;
import static thidua.samples.WorkbookStyles.row;

/**
 * Writes one unit's submission workbook (FORMATS.md §2): sheet `Thông tin` with a title and
 * label/value pairs, sheet `Chỉ tiêu` with two title rows, the header in row 4 and the
 * indicator rows grouped under section-title rows.
 */
final class SubmissionWorkbookWriter {

    static final String[] HEADER = {"STT", "Mã chỉ tiêu", "Nội dung", "Đơn vị tính", "Kỳ này", "Cùng kỳ", "Ghi chú"};
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII"};

    void write(Submission submission, Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            WorkbookStyles s = new WorkbookStyles(workbook);
            Unit unit = SampleProvince.unit(submission.unitCode());
            info(workbook.createSheet("Thông tin"), s, submission, unit);
            figures(workbook.createSheet("Chỉ tiêu"), s, submission, unit);
            s.save(file);
        }
    }

    private void info(Sheet sheet, WorkbookStyles s, Submission submission, Unit unit) {
        put(row(sheet, 0), 0, "BÁO CÁO KẾT QUẢ THI ĐUA", s.title);
        put(row(sheet, 1), 0, "Phong trào \"" + SampleProvince.MOVEMENT + "\" năm " + SampleProvince.YEAR,
                workbook(sheet).createCellStyle());
        pair(sheet, s, 3, "Mã đơn vị", submission.unitCode());
        pair(sheet, s, 4, "Tên đơn vị", unit.name());
        pair(sheet, s, 5, "Kỳ báo cáo", submission.periodCode());
        pair(sheet, s, 6, "Người lập", submission.author());
        Row created = row(sheet, 7);
        put(created, 0, "Ngày lập", s.section);
        put(created, 1, submission.createdOn(), s.date);
        WorkbookStyles.widths(sheet, 16, 62);
    }

    private static XSSFWorkbook workbook(Sheet sheet) {
        return (XSSFWorkbook) sheet.getWorkbook();
    }

    private static void pair(Sheet sheet, WorkbookStyles s, int rowIndex, String label, String value) {
        Row row = row(sheet, rowIndex);
        put(row, 0, label, s.section);
        put(row, 1, value, s.text);
    }

    private void figures(Sheet sheet, WorkbookStyles s, Submission submission, Unit unit) {
        put(row(sheet, 0), 0, "BẢNG SỐ LIỆU CHỈ TIÊU THI ĐUA NĂM " + SampleProvince.YEAR, s.title);
        String period = SampleProvince.period(submission.periodCode()).orElseThrow().name();
        put(row(sheet, 1), 0, unit.name() + " — " + period, workbook(sheet).createCellStyle());
        s.header(sheet, 3, HEADER);

        int r = 4;
        int sectionNo = 0;
        int stt = 0;
        for (Map.Entry<String, List<Line>> section : bySection(submission).entrySet()) {
            Row title = row(sheet, r);
            put(title, 0, ROMAN[sectionNo++], s.section);
            put(title, 1, (String) null, s.section);
            put(title, 2, section.getKey(), s.section);
            for (int c = 3; c < HEADER.length; c++) {
                put(title, c, (String) null, s.section);
            }
            sheet.addMergedRegion(new CellRangeAddress(r, r, 2, HEADER.length - 1));
            r++;
            for (Line line : section.getValue()) {
                Row row = row(sheet, r++);
                put(row, 0, ++stt, s.integer);
                put(row, 1, line.code(), s.text);
                put(row, 2, line.name(), s.text);
                put(row, 3, line.measure(), s.text);
                CellStyle style = line.points() ? s.decimal : s.integer;
                value(row, 4, line.values().current(), submission.textCells().contains(line.code() + ":current"),
                        style, s);
                value(row, 5, line.values().baseline(), submission.textCells().contains(line.code() + ":baseline"),
                        style, s);
                put(row, 6, submission.notes().get(line.code()), s.text);
            }
        }
        WorkbookStyles.widths(sheet, 6, 13, 62, 10, 11, 11, 30);
    }

    private record Line(String code, String name, String measure, Values values, boolean points) {
    }

    /** The rows grouped by section title, sections in scheme order; unknown codes join the crime section. */
    private static Map<String, List<Line>> bySection(Submission submission) {
        Map<String, List<Line>> sections = new LinkedHashMap<>();
        for (String title : SampleProvince.SECTIONS) {
            List<Line> lines = new ArrayList<>();
            submission.values().forEach((code, values) -> {
                Indicator indicator = SampleProvince.indicator(code);
                if (indicator.section().equals(title)) {
                    lines.add(new Line(code, indicator.name(), indicator.measure(), values,
                            indicator.type() == SampleProvince.IndicatorType.POINTS));
                }
            });
            if (title.equals(SampleProvince.SECTIONS.get(1))) {
                for (ExtraRow extra : submission.extraRows()) {
                    lines.add(new Line(extra.code(), extra.name(), extra.measure(), extra.values(), false));
                }
            }
            if (!lines.isEmpty()) {
                sections.put(title, lines);
            }
        }
        return sections;
    }

    private static void value(Row row, int column, BigDecimal value, boolean asText, CellStyle style,
                              WorkbookStyles s) {
        if (value == null) {
            put(row, column, (String) null, style);
        } else if (asText) {
            put(row, column, asText(value), s.text);
        } else {
            put(row, column, value.doubleValue(), style);
        }
    }

    /** Text as a Vietnamese clerk types it: "1.318" for integers, "8,75" for decimals. */
    static String asText(BigDecimal value) {
        DecimalFormatSymbols vi = new DecimalFormatSymbols(Locale.ROOT);
        vi.setGroupingSeparator('.');
        vi.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.##", vi).format(value);
    }
}
