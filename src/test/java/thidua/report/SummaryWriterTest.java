package thidua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static thidua.report.Cells.assertBlank;
import static thidua.report.Cells.assertLaidOut;
import static thidua.report.Cells.number;
import static thidua.report.Cells.string;
import static thidua.report.Cells.strings;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryWriterTest {

    private static final double EPS = 1e-9;

    @TempDir
    static Path dir;
    static Path file;
    static Workbook wb;

    @BeforeAll
    static void write() throws Exception {
        file = new SummaryWriter().write(ReportFixture.results(), dir);
        wb = WorkbookFactory.create(file.toFile(), null, true);
    }

    @AfterAll
    static void close() throws Exception {
        wb.close();
    }

    @Test
    void writesTheNamedFileWithItsThreeSheets() {
        assertThat(file).isEqualTo(dir.resolve("tong-hop-2025-6T.xlsx"));
        assertThat(Cells.sheetNames(wb)).containsExactly("Tổng hợp", "Theo khối", "Tình hình nộp báo cáo");
        assertLaidOut(wb.getSheet("Tổng hợp"), 1);
        assertLaidOut(wb.getSheet("Theo khối"), 1);
        assertLaidOut(wb.getSheet("Tình hình nộp báo cáo"), 1);
    }

    @Test
    void provinceRowsAreSumsThenRatesOfSums() {
        Sheet sheet = wb.getSheet("Tổng hợp");
        assertThat(strings(sheet.getRow(0), 0, 5)).containsExactly("Mã", "Nội dung", "Kỳ này", "Cùng kỳ", "Tăng/giảm (%)");
        assertThat(codes(sheet, 0)).containsExactly("TPTT.KP", "TPTT.XR", "TNGT.CHET", "KHEN", "TL.KP");
        Row kp = sheet.getRow(1);
        assertThat(string(kp, 1)).isEqualTo("Số vụ phạm pháp hình sự được khám phá");
        assertThat(number(kp, 2)).isEqualTo(97);
        assertThat(number(kp, 3)).isEqualTo(50);
        assertThat(number(kp, 4)).isCloseTo(94.00, within(EPS));
        assertThat(kp.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        assertThat(number(sheet.getRow(2), 4)).isCloseTo(69.23, within(EPS));
        assertThat(number(sheet.getRow(3), 4)).isCloseTo(-40.00, within(EPS));
        Row khen = sheet.getRow(4);
        assertThat(number(khen, 2)).isEqualTo(3);
        assertBlank(khen, 4); // nothing in the same period last year
        Row rate = sheet.getRow(5);
        assertThat(number(rate, 2)).isCloseTo(88.18, within(EPS)); // 97/110, not a mean of unit rates
        assertThat(number(rate, 3)).isCloseTo(76.92, within(EPS)); // 50/65
        assertThat(number(rate, 4)).isCloseTo(11.26, within(EPS)); // percentage points, from exact rates
        assertThat(rate.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00");
    }

    @Test
    void blockRowsRepeatTheSummaryPerBlock() {
        Sheet sheet = wb.getSheet("Theo khối");
        assertThat(strings(sheet.getRow(0), 0, 5)).containsExactly("Mã khối", "Mã", "Kỳ này", "Cùng kỳ", "Tăng/giảm (%)");
        List<String> keys = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            keys.add(string(sheet.getRow(r), 0) + "/" + string(sheet.getRow(r), 1));
        }
        assertThat(keys).containsExactly("K1/TPTT.KP", "K1/TPTT.XR", "K1/TNGT.CHET", "K1/KHEN", "K1/TL.KP",
                "K2/TPTT.KP", "K2/TPTT.XR", "K2/KHEN", "K2/TL.KP");
        Row k1Rate = sheet.getRow(5);
        assertThat(number(k1Rate, 2)).isCloseTo(87.50, within(EPS));
        assertThat(number(k1Rate, 4)).isCloseTo(10.58, within(EPS));
        Row k2Rate = sheet.getRow(9);
        assertThat(number(k2Rate, 2)).isCloseTo(90.00, within(EPS));
        assertBlank(k2Rate, 3); // no cases last year: no baseline rate
        assertBlank(k2Rate, 4); // and no change
    }

    @Test
    void statusSheetListsEveryUnitWithItsLabelAndLocalArrival() {
        Sheet sheet = wb.getSheet("Tình hình nộp báo cáo");
        assertThat(strings(sheet.getRow(0), 0, 5))
                .containsExactly("Mã đơn vị", "Tên đơn vị", "Khối", "Trạng thái", "Thời điểm nộp");
        assertThat(codes(sheet, 0)).containsExactly("PC01", "PC02", "PC08", "X01", "X02", "X03", "X04");
        assertThat(codes(sheet, 3)).containsExactly("Đã nộp", "Nộp muộn", "Chưa nộp", "Đã nộp", "Đã nộp", "Đã nộp",
                "Bị trả lại");
        Row pc02 = sheet.getRow(2);
        assertThat(string(pc02, 2)).isEqualTo("K1");
        number(pc02, 4);
        assertThat(DateUtil.isCellDateFormatted(pc02.getCell(4))).isTrue();
        assertThat(pc02.getCell(4).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 6, 21, 10, 30));
        assertThat(pc02.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm");
        assertBlank(sheet.getRow(3), 4);
        Row x01 = sheet.getRow(4);
        assertThat(string(x01, 1)).isEqualTo(ReportFixture.FORMULA_NAME);
        assertThat(x01.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
    }

    private static List<String> codes(Sheet sheet, int col) {
        List<String> codes = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            codes.add(string(sheet.getRow(r), col));
        }
        return codes;
    }
}
