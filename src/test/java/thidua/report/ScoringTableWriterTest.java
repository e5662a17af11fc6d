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
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringTableWriterTest {

    private static final double EPS = 1e-9;
    /** The table's header row, below the information header. */
    private static final int TOP = OutputWorkbook.INFO_ROWS;

    @TempDir
    static Path dir;
    static Path file;
    static Workbook wb;

    @BeforeAll
    static void write() throws Exception {
        // A folder that does not exist yet: the writer creates it.
        file = new ScoringTableWriter().write(ReportFixture.results(), ReportFixture.INFO, dir.resolve("out/2025"));
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
    void sheetsAreTheRankingThenOneSheetPerBlockByCodeThenTheBlockAverages() {
        assertThat(Cells.sheetNames(wb)).containsExactly("Xếp hạng", "Khối K1", "Khối K2", "Điểm trung bình khối");
    }

    @Test
    void everySheetOpensWithTheInformationHeader() {
        for (Sheet sheet : wb) {
            Cells.assertInformationHeader(sheet, sheet.getSheetName().startsWith("Khối ") ? "KHỐI " : "");
        }
        assertThat(string(wb.getSheet("Khối K2").getRow(0), 0)).isEqualTo("KHỐI K2 – Khối Công an xã: ĐIỂM CHI TIẾT THEO TIÊU CHÍ");
        assertThat(string(wb.getSheet("Xếp hạng").getRow(0), 0)).isEqualTo("BẢNG XẾP HẠNG THI ĐUA THEO KHỐI");
    }

    @Test
    void rankingHasTheContractHeaderAndEveryUnitByBlockThenRank() {
        Sheet sheet = wb.getSheet("Xếp hạng");
        assertThat(strings(sheet.getRow(TOP), 0, 8)).containsExactly(
                "Khối", "Hạng", "Mã đơn vị", "Tên đơn vị", "Tổng điểm", "Xếp loại", "Đề nghị khen thưởng",
                "Trạng thái nộp");
        assertThat(sheet.getLastRowNum()).isEqualTo(TOP + 7);
        List<String> order = new java.util.ArrayList<>();
        for (int r = TOP + 1; r <= TOP + 7; r++) {
            order.add(sheet.getRow(r).getCell(0).getStringCellValue() + "/" + sheet.getRow(r).getCell(2).getStringCellValue());
        }
        assertThat(order).containsExactly("K1/PC02", "K1/PC01", "K1/PC08", "K2/X02", "K2/X03", "K2/X01", "K2/X04");
        assertLaidOut(sheet, TOP + 1);
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

    /** FORMATS.md §3: a returned unit and one that sent nothing both read `Chưa báo cáo`, and differ here. */
    @Test
    void eachUnitShowsItsSubmissionStatusAsInTheSubmissionsSheet() {
        Sheet sheet = wb.getSheet("Xếp hạng");
        assertThat(string(rowWith(sheet, 2, "PC01"), 7)).isEqualTo("Đã nộp");
        assertThat(string(rowWith(sheet, 2, "PC02"), 7)).isEqualTo("Nộp muộn");
        assertThat(string(rowWith(sheet, 2, "X04"), 7)).isEqualTo("Bị trả lại");
        assertThat(string(rowWith(sheet, 2, "PC08"), 7)).isEqualTo("Chưa nộp");
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
    void blockSheetHasCriterionCodesOverValueBaselineTargetScore() {
        Sheet sheet = wb.getSheet("Khối K1");
        Row top = sheet.getRow(TOP);
        assertThat(string(top, 0)).isEqualTo("Mã đơn vị");
        assertThat(string(top, 1)).isEqualTo("Tên đơn vị");
        assertThat(string(top, 2)).isEqualTo("TL.KP");
        assertThat(string(top, 6)).isEqualTo("GIAM.TNGT.CHET");
        assertThat(string(top, 10)).isEqualTo("THUONG.KHEN");
        assertThat(strings(top, 14, 22)).containsExactly("Điểm cơ bản (S)", "Điểm thưởng (B)", "Điểm trừ (D)",
                "Tổng điểm (T)", "Xếp loại", "Hạng", "Đề nghị khen thưởng", "Ghi chú");
        assertThat(strings(sheet.getRow(TOP + 1), 2, 14)).containsExactly(
                "Giá trị", "Cùng kỳ", "Mục tiêu (%)", "Điểm", "Giá trị", "Cùng kỳ", "Mục tiêu (%)", "Điểm",
                "Giá trị", "Cùng kỳ", "Mục tiêu (%)", "Điểm");
        assertThat(sheet.getMergedRegions()).contains(
                new CellRangeAddress(TOP, TOP, 2, 5), new CellRangeAddress(TOP, TOP + 1, 0, 0),
                new CellRangeAddress(TOP, TOP + 1, 21, 21), new CellRangeAddress(0, 0, 0, 21));
        // Too wide for one page at a readable scale: two pages across, the unit repeated on each.
        assertLaidOut(sheet, TOP + 2, 2);
        assertThat(sheet.getRepeatingColumns()).isEqualTo(CellRangeAddress.valueOf("A:B"));
        assertThat((int) sheet.getPaneInformation().getVerticalSplitPosition()).isEqualTo(2);
    }

    @Test
    void blockSheetShowsEachCriterionsValueBaselineTargetAndScore() {
        Row pc01 = rowWith(wb.getSheet("Khối K1"), 0, "PC01");
        assertThat(number(pc01, 2)).isCloseTo(75.00, within(EPS)); // rate 30/40
        assertBlank(pc01, 3); // a rate's score does not use last year
        assertThat(number(pc01, 4)).isCloseTo(80.00, within(EPS));
        assertThat(number(pc01, 5)).isCloseTo(9.38, within(EPS));
        assertThat(number(pc01, 6)).isCloseTo(10.00, within(EPS)); // reduction 20 → 18
        assertThat(number(pc01, 7)).isEqualTo(20); // same period last year
        assertThat(pc01.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        assertThat(number(pc01, 8)).isCloseTo(15.00, within(EPS));
        assertThat(pc01.getCell(8).getCellComment()).isNull(); // the scheme's target
        assertThat(number(pc01, 9)).isCloseTo(6.67, within(EPS));
        assertThat(number(pc01, 10)).isZero(); // bonus count
        assertThat(number(pc01, 11)).isZero();
        assertBlank(pc01, 12); // bonus has no target
        assertThat(number(pc01, 14)).isCloseTo(80.21, within(EPS));
        assertThat(number(pc01, 17)).isCloseTo(80.21, within(EPS));
        assertThat(number(pc01, 19)).isEqualTo(2);
        assertBlank(pc01, 21);

        Row pc02 = rowWith(wb.getSheet("Khối K1"), 0, "PC02");
        assertThat(number(pc02, 15)).isCloseTo(2.00, within(EPS));
        assertThat(number(pc02, 16)).isCloseTo(2.00, within(EPS));
        assertThat(string(pc02, 21)).isEqualTo("Nộp muộn");

        Row pc08 = rowWith(wb.getSheet("Khối K1"), 0, "PC08");
        assertBlank(pc08, 5);
        assertBlank(pc08, 17);
        assertThat(string(pc08, 18)).isEqualTo("Chưa báo cáo");
        assertThat(string(pc08, 21)).isEqualTo("Chưa nộp");
    }

    @Test
    void aTargetTheUnitRegisteredIsTheOneShownAndSaysSo() {
        Row pc02 = rowWith(wb.getSheet("Khối K1"), 0, "PC02");
        assertThat(number(pc02, 8)).isCloseTo(20.00, within(EPS)); // registered, the scheme says 15
        assertThat(pc02.getCell(8).getCellComment().getString().getString())
                .isEqualTo("Chỉ tiêu đơn vị đăng ký; bộ tiêu chí giao 15 %.");
    }

    @Test
    void notApplicableCriteriaAndUnitsWithoutCriteriaAreSaidSo() {
        Sheet sheet = wb.getSheet("Khối K2");
        assertThat(string(sheet.getRow(TOP), 6)).isEqualTo("THUONG.KHEN");
        Row x01 = rowWith(sheet, 0, "X01");
        assertBlank(x01, 2); // no rate over zero cases
        assertThat(string(x01, 5)).isEqualTo("Không áp dụng");
        assertThat(number(x01, 10)).isZero();       // S
        assertThat(number(x01, 11)).isEqualTo(1.0); // B
        assertThat(number(x01, 13)).isEqualTo(1.0); // T
        assertThat(string(x01, 17)).startsWith("Không có tiêu chí áp dụng");
        assertThat(string(rowWith(sheet, 0, "X04"), 17)).isEqualTo("Bị trả lại");
    }

    @Test
    void blockAveragesAreListedByBlockCode() {
        Sheet sheet = wb.getSheet("Điểm trung bình khối");
        assertThat(strings(sheet.getRow(TOP), 0, 7)).containsExactly(
                "Mã khối", "Tên khối", "Số đơn vị", "Đã xếp hạng", "Điểm trung bình", "Cao nhất", "Thấp nhất");
        Row k1 = sheet.getRow(TOP + 1);
        assertThat(string(k1, 0)).isEqualTo("K1");
        assertThat(string(k1, 1)).isEqualTo("Khối Cảnh sát");
        assertThat(number(k1, 2)).isEqualTo(3);
        assertThat(number(k1, 3)).isEqualTo(2);
        assertThat(number(k1, 4)).isCloseTo(90.11, within(EPS)); // (100.00 + 80.21) / 2 = 90.105
        assertThat(number(k1, 5)).isCloseTo(100.00, within(EPS));
        assertThat(number(k1, 6)).isCloseTo(80.21, within(EPS));
        Row k2 = sheet.getRow(TOP + 2);
        assertThat(string(k2, 0)).isEqualTo("K2");
        assertThat(number(k2, 3)).isEqualTo(3);
        assertThat(sheet.getLastRowNum()).isEqualTo(TOP + 2);
        assertLaidOut(sheet, TOP + 1);
    }

    @Test
    void theBlockAveragesChartIsANativeBarChartOverTheirCells() {
        XDDFChartData.Series series = Cells.onlySeries(wb.getSheet("Điểm trung bình khối"), 1).get(0);
        assertThat(series.getCategoryData().getDataRangeReference()).isEqualTo("'Điểm trung bình khối'!$A$5:$A$6");
        assertThat(series.getValuesData().getDataRangeReference()).isEqualTo("'Điểm trung bình khối'!$E$5:$E$6");
        assertThat(Cells.seriesName(wb.getSheet("Điểm trung bình khối"), 0))
                .containsExactly("Điểm trung bình", "'Điểm trung bình khối'!$E$4");
        assertThat(Cells.chart(wb.getSheet("Điểm trung bình khối")).getTitleText().getString())
                .isEqualTo("Điểm trung bình theo khối thi đua");
    }

    @Test
    void eachBlockSheetChartsItsUnitsTotals() {
        XDDFChartData.Series k1 = Cells.onlySeries(wb.getSheet("Khối K1"), 1).get(0);
        assertThat(k1.getCategoryData().getDataRangeReference()).isEqualTo("'Khối K1'!$A$6:$A$8");
        assertThat(k1.getValuesData().getDataRangeReference()).isEqualTo("'Khối K1'!$R$6:$R$8"); // Tổng điểm (T)
        XDDFChartData.Series k2 = Cells.onlySeries(wb.getSheet("Khối K2"), 1).get(0);
        assertThat(k2.getCategoryData().getDataRangeReference()).isEqualTo("'Khối K2'!$A$6:$A$9");
        assertThat(k2.getValuesData().getDataRangeReference()).isEqualTo("'Khối K2'!$N$6:$N$9");
        assertThat(Cells.charts(wb.getSheet("Xếp hạng"))).isEmpty();
    }

    @Test
    void theNameOfAUnitIsAStringCellOnEverySheetThatShowsIt() {
        // X01's name is =HYPERLINK(…): it appears on the ranking and on its block's sheet.
        for (String name : List.of("Xếp hạng", "Khối K2")) {
            Sheet sheet = wb.getSheet(name);
            Row row = rowWith(sheet, name.equals("Xếp hạng") ? 2 : 0, "X01");
            int col = name.equals("Xếp hạng") ? 3 : 1;
            assertThat(row.getCell(col).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(row.getCell(col).getStringCellValue()).isEqualTo(ReportFixture.FORMULA_NAME);
        }
        Cells.assertNoFormulas(wb);
    }
}
