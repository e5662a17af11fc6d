package thidua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static thidua.report.Cells.assertBlank;
import static thidua.report.Cells.assertLaidOut;
import static thidua.report.Cells.number;
import static thidua.report.Cells.rowWith;
import static thidua.report.Cells.string;
import static thidua.report.Cells.strings;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryWriterTest {

    private static final double EPS = 1e-9;
    /** The table's header row, below the information header. */
    private static final int TOP = OutputWorkbook.INFO_ROWS;

    @TempDir
    static Path dir;
    static Path file;
    static Workbook wb;

    @BeforeAll
    static void write() throws Exception {
        file = new SummaryWriter().write(ReportFixture.results(), ReportFixture.INFO, dir);
        wb = WorkbookFactory.create(file.toFile(), null, true);
    }

    @AfterAll
    static void close() throws Exception {
        wb.close();
    }

    @Test
    void writesTheNamedFileWithItsThreeSheetsThenTheChart() {
        assertThat(file).isEqualTo(dir.resolve("tong-hop-2025-6T.xlsx"));
        assertThat(Cells.sheetNames(wb)).containsExactly("Tổng hợp", "Theo khối", "Tình hình nộp báo cáo",
                "Biểu đồ so sánh cùng kỳ");
        for (Sheet sheet : wb) {
            assertLaidOut(sheet, TOP + 1);
            Cells.assertInformationHeader(sheet, "");
        }
        assertThat(string(wb.getSheet("Tổng hợp").getRow(0), 0)).isEqualTo("BÁO CÁO TỔNG HỢP KẾT QUẢ THI ĐUA TOÀN TỈNH");
    }

    @Test
    void provinceRowsAreSumsThenRatesOfSums() {
        Sheet sheet = wb.getSheet("Tổng hợp");
        assertThat(strings(sheet.getRow(TOP), 0, 5)).containsExactly("Mã", "Nội dung", "Kỳ này", "Cùng kỳ", "Tăng/giảm (%)");
        assertThat(codes(sheet, 0)).containsExactly("TPTT.KP", "TPTT.XR", "TNGT.CHET", "KHEN", "TL.KP");
        Row kp = sheet.getRow(TOP + 1);
        assertThat(string(kp, 1)).isEqualTo("Số vụ phạm pháp hình sự được khám phá");
        assertThat(number(kp, 2)).isEqualTo(97);
        assertThat(number(kp, 3)).isEqualTo(50);
        assertThat(number(kp, 4)).isCloseTo(94.00, within(EPS));
        assertThat(kp.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        assertThat(number(sheet.getRow(TOP + 2), 4)).isCloseTo(69.23, within(EPS));
        assertThat(number(sheet.getRow(TOP + 3), 4)).isCloseTo(-40.00, within(EPS));
        Row khen = sheet.getRow(TOP + 4);
        assertThat(number(khen, 2)).isEqualTo(3);
        assertBlank(khen, 4); // nothing in the same period last year
        Row rate = sheet.getRow(TOP + 5);
        // A rate is a percentage: its name says so.
        assertThat(string(rate, 1)).isEqualTo("Tỷ lệ khám phá án phạm pháp hình sự (%)");
        assertThat(number(rate, 2)).isCloseTo(88.18, within(EPS)); // 97/110, not a mean of unit rates
        assertThat(number(rate, 3)).isCloseTo(76.92, within(EPS)); // 50/65
        assertThat(number(rate, 4)).isCloseTo(11.26, within(EPS)); // percentage points, from exact rates
        assertThat(rate.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00");
    }

    @Test
    void blockRowsRepeatTheSummaryPerBlock() {
        Sheet sheet = wb.getSheet("Theo khối");
        assertThat(strings(sheet.getRow(TOP), 0, 6))
                .containsExactly("Mã khối", "Mã", "Kỳ này", "Cùng kỳ", "Tăng/giảm (%)", "Nội dung");
        List<String> keys = new ArrayList<>();
        for (int r = TOP + 1; r <= sheet.getLastRowNum(); r++) {
            keys.add(string(sheet.getRow(r), 0) + "/" + string(sheet.getRow(r), 1));
        }
        assertThat(keys).containsExactly("K1/TPTT.KP", "K1/TPTT.XR", "K1/TNGT.CHET", "K1/KHEN", "K1/TL.KP",
                "K2/TPTT.KP", "K2/TPTT.XR", "K2/KHEN", "K2/TL.KP");
        Row k1Rate = sheet.getRow(TOP + 5);
        assertThat(string(k1Rate, 5)).isEqualTo("Tỷ lệ khám phá án phạm pháp hình sự (%)");
        assertThat(string(sheet.getRow(TOP + 1), 5)).isEqualTo("Số vụ phạm pháp hình sự được khám phá");
        assertThat(number(k1Rate, 2)).isCloseTo(87.50, within(EPS));
        assertThat(number(k1Rate, 4)).isCloseTo(10.58, within(EPS));
        Row k2Rate = sheet.getRow(TOP + 9);
        assertThat(number(k2Rate, 2)).isCloseTo(90.00, within(EPS));
        assertBlank(k2Rate, 3); // no cases last year: no baseline rate
        assertBlank(k2Rate, 4); // and no change
    }

    @Test
    void statusSheetListsEveryUnitWithItsLabelAndLocalArrival() {
        Sheet sheet = wb.getSheet("Tình hình nộp báo cáo");
        assertThat(strings(sheet.getRow(TOP), 0, 6))
                .containsExactly("Mã đơn vị", "Tên đơn vị", "Khối", "Trạng thái", "Thời điểm nộp", "Cảnh báo, lỗi");
        assertThat(codes(sheet, 0)).containsExactly("PC01", "PC02", "PC08", "X01", "X02", "X03", "X04");
        assertThat(codes(sheet, 3)).containsExactly("Đã nộp", "Nộp muộn", "Chưa nộp", "Đã nộp", "Đã nộp", "Đã nộp",
                "Bị trả lại");
        Row pc02 = sheet.getRow(TOP + 2);
        assertThat(string(pc02, 2)).isEqualTo("K1");
        number(pc02, 4);
        assertThat(DateUtil.isCellDateFormatted(pc02.getCell(4))).isTrue();
        assertThat(pc02.getCell(4).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 6, 21, 10, 30));
        assertThat(pc02.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm");
        assertBlank(sheet.getRow(TOP + 3), 4);
        Row x01 = sheet.getRow(TOP + 4);
        assertThat(string(x01, 1)).isEqualTo(ReportFixture.FORMULA_NAME);
        assertThat(x01.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
    }

    private static List<String> codes(Sheet sheet, int col) {
        List<String> codes = new ArrayList<>();
        for (int r = TOP + 1; r <= sheet.getLastRowNum(); r++) {
            codes.add(string(sheet.getRow(r), col));
        }
        return codes;
    }

    @Test
    void theChartSheetComparesTheKeyIndicatorsWithLastYear() {
        Sheet sheet = wb.getSheet("Biểu đồ so sánh cùng kỳ");
        assertThat(strings(sheet.getRow(TOP), 0, 5)).containsExactly("Mã", "Nội dung", "Kỳ này", "Cùng kỳ", "Tăng/giảm (%)");
        // The one indicator a GIAM/TANG criterion compares with last year.
        assertThat(codes(sheet, 0)).containsExactly("TNGT.CHET");
        assertThat(number(sheet.getRow(TOP + 1), 2)).isEqualTo(18);
        assertThat(number(sheet.getRow(TOP + 1), 3)).isEqualTo(30);
        List<XDDFChartData.Series> series = Cells.onlySeries(sheet, 2);
        assertThat(Cells.seriesName(sheet, 0)).containsExactly("Kỳ này", "'Biểu đồ so sánh cùng kỳ'!$C$4");
        assertThat(Cells.seriesName(sheet, 1)).containsExactly("Cùng kỳ", "'Biểu đồ so sánh cùng kỳ'!$D$4");
        for (XDDFChartData.Series s : series) {
            assertThat(s.getCategoryData().getDataRangeReference()).isEqualTo("'Biểu đồ so sánh cùng kỳ'!$A$5");
        }
        assertThat(series.get(0).getValuesData().getDataRangeReference()).isEqualTo("'Biểu đồ so sánh cùng kỳ'!$C$5");
        assertThat(series.get(1).getValuesData().getDataRangeReference()).isEqualTo("'Biểu đồ so sánh cùng kỳ'!$D$5");
        assertThat(Cells.charts(wb.getSheet("Tổng hợp"))).isEmpty();
    }

    @Test
    void namesAndWarningsFromOutsideAreStringsThatNeverEvaluate() {
        Row x01 = rowWith(wb.getSheet("Tình hình nộp báo cáo"), 0, "X01");
        assertThat(x01.getCell(1).getCellType()).isEqualTo(CellType.STRING);
        assertThat(x01.getCell(1).getStringCellValue()).isEqualTo(ReportFixture.FORMULA_NAME);
        Row x04 = rowWith(wb.getSheet("Tình hình nộp báo cáo"), 0, "X04");
        assertThat(x04.getCell(5).getCellType()).isEqualTo(CellType.STRING);
        assertThat(x04.getCell(5).getStringCellValue()).isEqualTo(ReportFixture.FORMULA_WARNING);
        assertThat(x04.getCell(5).getCellStyle().getQuotePrefixed()).isTrue();
        Cells.assertNoFormulas(wb);
    }
}
