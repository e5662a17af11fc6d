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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
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
        assertThat(string(wb.getSheet("Khối K2").getRow(0), 0)).isEqualTo("KHỐI K2 – Khối Công an xã: KẾT QUẢ VÀ ĐIỂM CHI TIẾT THEO TIÊU CHÍ");
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
    void blockSheetOpensWithItsSummaryThenATablePerScoredUnitNoneCutByAPage() {
        Sheet sheet = wb.getSheet("Khối K1");
        assertThat(strings(sheet.getRow(TOP), 0, 10)).containsExactly("Mã đơn vị", "Tên đơn vị", "Xếp loại",
                "Điểm cơ bản (S)", "Điểm thưởng (B)", "Điểm trừ (D)", "Tổng điểm (T)", "Hạng", "Trạng thái nộp",
                "Đề nghị khen thưởng");
        assertThat(List.of(string(sheet.getRow(TOP + 1), 0), string(sheet.getRow(TOP + 2), 0),
                string(sheet.getRow(TOP + 3), 0))).containsExactly("PC02", "PC01", "PC08");
        // PC08 sent nothing: its summary line says so, and it has no table.
        assertThat(sections(sheet)).containsExactly("PC02 – Phòng Cảnh sát kinh tế", "PC01 – Phòng Cảnh sát hình sự");
        for (String unit : List.of("PC02", "PC01")) {
            int title = sectionRow(sheet, unit);
            int last = title + 1 + 3 + TOTALS.size(); // header, three criteria, S B D T
            assertThat(java.util.Arrays.stream(sheet.getRowBreaks()).filter(b -> b >= title && b < last))
                    .as("no page break inside the table of " + unit).isEmpty();
            assertThat(strings(sheet.getRow(title + 1), 0, 10)).containsExactly("Mã tiêu chí", "Tiêu chí",
                    "Cách tính", "Kỳ này", "Cùng kỳ", "Kết quả (%)", "Mục tiêu (%)", "Điểm tối đa", "Điểm", "Ghi chú");
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(title, title, 0, 9));
        }
        // One page across (the information header repeated on every page, nothing frozen but it).
        assertLaidOut(sheet, TOP, 1);
        assertThat(sheet.getRepeatingColumns()).isNull();
        int chars = 0;
        for (int c = 0; c < 10; c++) {
            chars += sheet.getColumnWidth(c) / 256;
        }
        assertThat(chars).as("characters across").isLessThanOrEqualTo(215);
    }

    @Test
    void aUnitsTableNamesEachCriterionAndShowsItsFiguresTargetAndScore() {
        Sheet sheet = wb.getSheet("Khối K1");
        Row rate = detail(sheet, "PC01", "TL.KP");
        assertThat(string(rate, 1)).isEqualTo("Tỷ lệ khám phá án phạm pháp hình sự");
        assertThat(string(rate, 2)).isEqualTo("Tỷ lệ (%) = TPTT.KP/TPTT.XR");
        assertThat(string(rate, 3)).isEqualTo("30/40"); // this period's numerator over its denominator
        assertBlank(rate, 4); // a rate's score does not use last year
        assertThat(number(rate, 5)).isCloseTo(75.00, within(EPS));
        assertThat(number(rate, 6)).isCloseTo(80.00, within(EPS));
        assertThat(number(rate, 7)).isCloseTo(10.00, within(EPS));
        assertThat(number(rate, 8)).isCloseTo(9.38, within(EPS));
        assertBlank(rate, 9);

        Row deaths = detail(sheet, "PC01", "GIAM.TNGT.CHET");
        assertThat(string(deaths, 1)).isEqualTo("Giảm số người chết do tai nạn giao thông");
        assertThat(string(deaths, 2)).isEqualTo("Mức giảm so với cùng kỳ (%)");
        assertThat(number(deaths, 3)).isEqualTo(18); // this year's count beside last year's
        assertThat(number(deaths, 4)).isEqualTo(20);
        assertThat(deaths.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        assertThat(number(deaths, 5)).isCloseTo(10.00, within(EPS)); // reduction 20 → 18
        assertThat(number(deaths, 6)).isCloseTo(15.00, within(EPS)); // the scheme's target
        assertThat(number(deaths, 8)).isCloseTo(6.67, within(EPS));
        assertBlank(deaths, 9);

        Row bonus = detail(sheet, "PC01", "THUONG.KHEN");
        assertThat(string(bonus, 2)).isEqualTo("Thưởng 1 điểm mỗi trường hợp");
        assertThat(number(bonus, 3)).isZero();
        assertBlank(bonus, 5);
        assertBlank(bonus, 6); // bonus has no target
        assertBlank(bonus, 7);
        assertThat(number(bonus, 8)).isZero();

        assertThat(number(detail(sheet, "PC01", TOTALS.get(0)), 8)).isCloseTo(80.21, within(EPS));
        assertThat(number(detail(sheet, "PC01", TOTALS.get(3)), 8)).isCloseTo(80.21, within(EPS));
        Row pc01 = rowWith(sheet, 0, "PC01");
        assertThat(number(pc01, 3)).isCloseTo(80.21, within(EPS));
        assertThat(number(pc01, 6)).isCloseTo(80.21, within(EPS));
        assertThat(number(pc01, 7)).isEqualTo(2);
        assertThat(string(pc01, 8)).isEqualTo("Đã nộp");
        assertThat(string(pc01, 9)).isEqualTo("Bằng khen");

        assertThat(number(detail(sheet, "PC02", TOTALS.get(1)), 8)).isCloseTo(2.00, within(EPS));
        Row late = detail(sheet, "PC02", TOTALS.get(2));
        assertThat(number(late, 8)).isCloseTo(2.00, within(EPS));
        assertThat(string(late, 9)).isEqualTo("Nộp muộn: gồm điểm trừ nộp muộn");

        Row pc08 = rowWith(sheet, 0, "PC08");
        assertBlank(pc08, 3);
        assertBlank(pc08, 6);
        assertThat(string(pc08, 2)).isEqualTo("Chưa báo cáo");
        assertThat(string(pc08, 8)).isEqualTo("Chưa nộp");
    }

    @Test
    void aTargetTheUnitRegisteredIsTheOneShownAndSaysSo() {
        Row deaths = detail(wb.getSheet("Khối K1"), "PC02", "GIAM.TNGT.CHET");
        assertThat(number(deaths, 6)).isCloseTo(20.00, within(EPS)); // registered, the scheme says 15
        assertThat(string(deaths, 9)).isEqualTo("Mục tiêu đơn vị đăng ký; bộ tiêu chí giao 15 %");
        assertThat(deaths.getCell(6).getCellComment()).isNull();
    }

    @Test
    void notApplicableCriteriaAndUnitsWithoutCriteriaAreSaidSoInWords() {
        Sheet sheet = wb.getSheet("Khối K2");
        Row rate = detail(sheet, "X01", "TL.KP");
        assertThat(string(rate, 3)).isEqualTo("0/0");
        assertBlank(rate, 5); // no rate over zero cases
        assertThat(string(rate, 8)).isEqualTo("Không áp dụng");
        assertThat(string(rate, 9)).isEqualTo("Mẫu số bằng 0: không áp dụng");
        Row base = detail(sheet, "X01", TOTALS.get(0));
        assertThat(number(base, 8)).isZero();
        assertThat(string(base, 9)).isEqualTo("Không có tiêu chí áp dụng");
        assertThat(number(detail(sheet, "X01", TOTALS.get(1)), 8)).isEqualTo(1.0);
        assertThat(number(detail(sheet, "X01", TOTALS.get(3)), 8)).isEqualTo(1.0);
        assertThat(string(rowWith(sheet, 0, "X04"), 8)).isEqualTo("Bị trả lại");
        assertThat(string(rowWith(sheet, 0, "X04"), 2)).isEqualTo("Chưa báo cáo");
        assertThat(sections(sheet)).noneMatch(t -> t.startsWith("X04"));
        // No code stands for a sentence: the notes are words only.
        for (Row row : sheet) {
            Cell note = row.getCell(9);
            if (note != null && note.getCellType() == CellType.STRING) {
                assertThat(note.getStringCellValue()).doesNotContain("TL.KP", "THUONG.KHEN");
            }
        }
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
        assertThat(k1.getCategoryData().getDataRangeReference()).isEqualTo("'Khối K1'!$A$5:$A$7");
        assertThat(k1.getValuesData().getDataRangeReference()).isEqualTo("'Khối K1'!$G$5:$G$7"); // Tổng điểm (T)
        XDDFChartData.Series k2 = Cells.onlySeries(wb.getSheet("Khối K2"), 1).get(0);
        assertThat(k2.getCategoryData().getDataRangeReference()).isEqualTo("'Khối K2'!$A$5:$A$8");
        assertThat(k2.getValuesData().getDataRangeReference()).isEqualTo("'Khối K2'!$G$5:$G$8");
        assertThat(Cells.charts(wb.getSheet("Xếp hạng"))).isEmpty();
    }

    @Test
    void theNameOfAUnitIsAStringCellOnEverySheetThatShowsIt() {
        // X01's name is =HYPERLINK(…): it appears on the ranking and on its block's sheet.
        for (String name : List.of("Xếp hạng", "Khối K2")) {
            Sheet sheet = wb.getSheet(name);
            Row row = rowWith(sheet, name.equals("Xếp hạng") ? 2 : 0, "X01");
            int col = name.equals("Xếp hạng") ? 3 : 1;
            assertThat(row.getCell(col).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(col).getStringCellValue()).isEqualTo(ReportFixture.FORMULA_NAME);
        }
        Cells.assertNoFormulas(wb);
    }

    /** The labels of the S, B, D and T rows that close a unit's table. */
    private static final List<String> TOTALS = BlockSheet.TOTAL_LABELS;

    /** The titles of the units' tables of a block sheet, top to bottom. */
    private static List<String> sections(Sheet sheet) {
        List<String> titles = new java.util.ArrayList<>();
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (row.getRowNum() > TOP && cell != null && cell.getCellType() == CellType.STRING
                    && cell.getStringCellValue().contains(" – ")) {
                titles.add(cell.getStringCellValue());
            }
        }
        return titles;
    }

    private static int sectionRow(Sheet sheet, String unit) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (row.getRowNum() > TOP && cell != null && cell.getCellType() == CellType.STRING
                    && cell.getStringCellValue().startsWith(unit + " – ")) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no table of " + unit + " on " + sheet.getSheetName());
    }

    /** The row of {@code unit}'s table whose code (column A) or label (column B, the totals) is {@code key}. */
    private static Row detail(Sheet sheet, String unit, String key) {
        for (int r = sectionRow(sheet, unit) + 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                break;
            }
            for (int col : new int[] {0, 1}) {
                Cell cell = row.getCell(col);
                if (cell != null && cell.getCellType() == CellType.STRING
                        && cell.getStringCellValue().equals(key)) {
                    return row;
                }
            }
        }
        throw new AssertionError("no row " + key + " in the table of " + unit);
    }
}
