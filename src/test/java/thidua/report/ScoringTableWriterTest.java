package thidua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static thidua.report.Cells.assertBlank;
import static thidua.report.Cells.assertLaidOut;
import static thidua.report.Cells.number;
import static thidua.report.Cells.rowWith;
import static thidua.report.Cells.string;
import static thidua.report.Cells.strings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringTableWriterTest {

    private static final double EPS = 1e-9;

    @TempDir
    static Path dir;
    static Path file;
    static Workbook wb;

    @BeforeAll
    static void write() throws Exception {
        // A folder that does not exist yet: the writer creates it.
        file = new ScoringTableWriter().write(ReportFixture.results(), dir.resolve("out/2025"));
        wb = WorkbookFactory.create(file.toFile(), null, true);
    }

    @AfterAll
    static void close() throws Exception {
        wb.close();
    }

    @Test
    void writesTheNamedFileAndNothingElse() throws Exception {
        assertThat(file).isEqualTo(dir.resolve("out/2025/bang-diem-2025-6T.xlsx"));
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bang-diem-2025-6T.xlsx");
        }
    }

    @Test
    void sheetsAreTheRankingThenOneSheetPerBlockByCode() {
        assertThat(Cells.sheetNames(wb)).containsExactly("Xếp hạng", "Khối K1", "Khối K2");
    }

    @Test
    void rankingHasTheContractHeaderAndEveryUnitByBlockThenRank() {
        Sheet sheet = wb.getSheet("Xếp hạng");
        assertThat(strings(sheet.getRow(0), 0, 7)).containsExactly(
                "Khối", "Hạng", "Mã đơn vị", "Tên đơn vị", "Tổng điểm", "Xếp loại", "Đề nghị khen thưởng");
        assertThat(sheet.getLastRowNum()).isEqualTo(7);
        List<String> order = new java.util.ArrayList<>();
        for (int r = 1; r <= 7; r++) {
            order.add(sheet.getRow(r).getCell(0).getStringCellValue() + "/" + sheet.getRow(r).getCell(2).getStringCellValue());
        }
        assertThat(order).containsExactly("K1/PC02", "K1/PC01", "K1/PC08", "K2/X02", "K2/X03", "K2/X01", "K2/X04");
        assertLaidOut(sheet, 1);
    }

    @Test
    void ranksAndTotalsAreNumbers() {
        Sheet sheet = wb.getSheet("Xếp hạng");
        Row pc02 = rowWith(sheet, 2, "PC02");
        assertThat(number(pc02, 1)).isEqualTo(1);
        assertThat(number(pc02, 4)).isCloseTo(100.00, within(EPS)); // 100 + 2 bonus − 2 late penalty
        assertThat(string(pc02, 5)).isEqualTo("Xuất sắc");
        assertThat(string(pc02, 6)).isEqualTo("Cờ thi đua");
        Row pc01 = rowWith(sheet, 2, "PC01");
        assertThat(number(pc01, 1)).isEqualTo(2);
        assertThat(number(pc01, 4)).isCloseTo(80.21, within(EPS)); // the worked example of SCORING.md
        assertThat(string(pc01, 6)).isEqualTo("Bằng khen");
        assertThat(pc01.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        assertThat(pc01.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
    }

    @Test
    void tiedUnitsShareARankAndTheNextRankSkips() {
        Sheet sheet = wb.getSheet("Xếp hạng");
        assertThat(number(rowWith(sheet, 2, "X02"), 1)).isEqualTo(1);
        assertThat(number(rowWith(sheet, 2, "X03"), 1)).isEqualTo(1);
        assertThat(number(rowWith(sheet, 2, "X01"), 1)).isEqualTo(3);
        assertBlank(rowWith(sheet, 2, "X01"), 6);
    }

    @Test
    void unitsWithoutAnAcceptedReportAreListedUnranked() {
        Sheet sheet = wb.getSheet("Xếp hạng");
        for (String unit : List.of("PC08", "X04")) {
            Row row = rowWith(sheet, 2, unit);
            assertBlank(row, 1);
            assertBlank(row, 4);
            assertThat(string(row, 5)).isEqualTo("Chưa báo cáo");
            assertBlank(row, 6);
        }
    }

    @Test
    void aNameThatLooksLikeAFormulaStaysText() {
        for (Sheet sheet : List.of(wb.getSheet("Xếp hạng"), wb.getSheet("Khối K2"))) {
            int nameCol = sheet.getSheetName().equals("Xếp hạng") ? 3 : 1;
            int codeCol = sheet.getSheetName().equals("Xếp hạng") ? 2 : 0;
            Row row = rowWith(sheet, codeCol, "X01");
            assertThat(string(row, nameCol)).isEqualTo(ReportFixture.FORMULA_NAME);
            assertThat(row.getCell(nameCol).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(row.getCell(codeCol).getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void blockSheetHasCriterionCodesOverValueTargetScore() {
        Sheet sheet = wb.getSheet("Khối K1");
        Row top = sheet.getRow(0);
        assertThat(string(top, 0)).isEqualTo("Mã đơn vị");
        assertThat(string(top, 1)).isEqualTo("Tên đơn vị");
        assertThat(string(top, 2)).isEqualTo("TL.KP");
        assertThat(string(top, 5)).isEqualTo("GIAM.TNGT.CHET");
        assertThat(string(top, 8)).isEqualTo("THUONG.KHEN");
        assertThat(strings(top, 11, 19)).containsExactly("Điểm cơ bản (S)", "Điểm thưởng (B)", "Điểm trừ (D)",
                "Tổng điểm (T)", "Xếp loại", "Hạng", "Đề nghị khen thưởng", "Ghi chú");
        assertThat(strings(sheet.getRow(1), 2, 11)).containsExactly(
                "Giá trị", "Mục tiêu (%)", "Điểm", "Giá trị", "Mục tiêu (%)", "Điểm", "Giá trị", "Mục tiêu (%)", "Điểm");
        assertThat(sheet.getMergedRegions()).contains(
                new CellRangeAddress(0, 0, 2, 4), new CellRangeAddress(0, 1, 0, 0), new CellRangeAddress(0, 1, 18, 18));
        assertLaidOut(sheet, 2);
        assertThat((int) sheet.getPaneInformation().getVerticalSplitPosition()).isEqualTo(2);
    }

    @Test
    void blockSheetShowsEachCriterionsValueTargetAndScore() {
        Row pc01 = rowWith(wb.getSheet("Khối K1"), 0, "PC01");
        assertThat(number(pc01, 2)).isCloseTo(75.00, within(EPS)); // rate 30/40
        assertThat(number(pc01, 3)).isCloseTo(80.00, within(EPS));
        assertThat(number(pc01, 4)).isCloseTo(9.38, within(EPS));
        assertThat(number(pc01, 5)).isCloseTo(10.00, within(EPS)); // reduction 20 → 18
        assertThat(number(pc01, 6)).isCloseTo(15.00, within(EPS));
        assertThat(number(pc01, 7)).isCloseTo(6.67, within(EPS));
        assertThat(number(pc01, 8)).isZero(); // bonus count
        assertBlank(pc01, 9); // bonus has no target
        assertThat(number(pc01, 11)).isCloseTo(80.21, within(EPS));
        assertThat(number(pc01, 14)).isCloseTo(80.21, within(EPS));
        assertThat(number(pc01, 16)).isEqualTo(2);
        assertBlank(pc01, 18);

        Row pc02 = rowWith(wb.getSheet("Khối K1"), 0, "PC02");
        assertThat(number(pc02, 12)).isCloseTo(2.00, within(EPS));
        assertThat(number(pc02, 13)).isCloseTo(2.00, within(EPS));
        assertThat(string(pc02, 18)).isEqualTo("Nộp muộn");

        Row pc08 = rowWith(wb.getSheet("Khối K1"), 0, "PC08");
        assertBlank(pc08, 4);
        assertBlank(pc08, 14);
        assertThat(string(pc08, 15)).isEqualTo("Chưa báo cáo");
        assertThat(string(pc08, 18)).isEqualTo("Chưa nộp");
    }

    @Test
    void notApplicableCriteriaAndUnitsWithoutCriteriaAreSaidSo() {
        Sheet sheet = wb.getSheet("Khối K2");
        assertThat(string(sheet.getRow(0), 5)).isEqualTo("THUONG.KHEN");
        Row x01 = rowWith(sheet, 0, "X01");
        assertBlank(x01, 2); // no rate over zero cases
        assertThat(string(x01, 4)).isEqualTo("Không áp dụng");
        assertThat(number(x01, 8)).isZero();       // S
        assertThat(number(x01, 9)).isEqualTo(1.0); // B
        assertThat(number(x01, 11)).isEqualTo(1.0); // T
        assertThat(string(x01, 15)).startsWith("Không có tiêu chí áp dụng");
        assertThat(string(rowWith(sheet, 0, "X04"), 15)).isEqualTo("Bị trả lại");
    }
}
