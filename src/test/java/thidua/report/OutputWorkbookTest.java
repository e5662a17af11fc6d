package thidua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputWorkbookTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+84 912 345 678", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1+1"})
    void textThatStartsLikeAFormulaIsAQuotePrefixedString(String text) throws Exception {
        Path file;
        try (OutputWorkbook out = new OutputWorkbook("Thử")) {
            Sheet sheet = out.sheet("Thử");
            out.text(out.row(sheet, 0), 0, text);
            out.text(out.row(sheet, 0), 1, "Công an xã " + text);
            file = out.save(dir.resolve("t.xlsx"));
        }
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Row row = wb.getSheetAt(0).getRow(0);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(text);
            assertThat(row.getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(row.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void sheetNamesAreMadeLegalAndUnique() throws Exception {
        try (OutputWorkbook out = new OutputWorkbook("Thử")) {
            assertThat(out.sheet("Khối A/B:C*?[1]").getSheetName()).isEqualTo("Khối A_B_C___1_");
            String longName = "Khối " + "X".repeat(40);
            assertThat(out.sheet(longName).getSheetName()).hasSize(31);
            assertThat(out.sheet(longName).getSheetName()).hasSize(31).endsWith(" (2)");
            assertThat(out.sheet("xếp hạng").getSheetName()).isEqualTo("xếp hạng");
            assertThat(out.sheet("XẾP HẠNG").getSheetName()).isEqualTo("XẾP HẠNG (2)");
        }
    }

    @Test
    void figuresAreRoundedHalfUpBeforeTheyBecomeDoubles() throws Exception {
        try (OutputWorkbook out = new OutputWorkbook("Thử")) {
            Row row = out.row(out.sheet("Thử"), 0);
            assertThat(out.decimal(row, 0, new BigDecimal("9.375")).getNumericCellValue()).isEqualTo(9.38);
            assertThat(out.decimal(row, 1, (BigDecimal) null).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(out.integer(row, 2, new BigDecimal("1234")).getNumericCellValue()).isEqualTo(1234);
            assertThat(out.text(row, 3, "").getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void columnsAreWideEnoughForTheirLongestText() throws Exception {
        try (OutputWorkbook out = new OutputWorkbook("Thử")) {
            Sheet sheet = out.sheet("Thử");
            out.headerRow(sheet, java.util.List.of("Mã", "Tên đơn vị"));
            out.text(out.row(sheet, 1), 1, "Phòng Cảnh sát điều tra tội phạm về trật tự xã hội");
            out.text(out.row(sheet, 2), 1, "x".repeat(200));
            out.layOut(sheet, 1, 0);
            assertThat(sheet.getColumnWidth(0)).isEqualTo(6 * 256); // at least the minimum
            assertThat(sheet.getColumnWidth(1)).isEqualTo(50 * 256); // capped
        }
    }

    @Test
    void fileNamesCarryThePeriodCodeWithoutPathCharacters() {
        assertThat(OutputFiles.name("bang-diem", "2025-6T", "xlsx")).isEqualTo("bang-diem-2025-6T.xlsx");
        assertThat(OutputFiles.name("tong-hop", "../Q1 2025", "xlsx")).isEqualTo("tong-hop-.._Q1_2025.xlsx");
    }

    @Test
    void theInformationHeaderSpansTheTableAndGrowsWhenItMustWrap() throws Exception {
        OutputInfo info = new OutputInfo("Vì an ninh Tổ quốc " + "rất dài ".repeat(20), "2025-6T",
                "Sơ kết 6 tháng năm 2025", java.time.LocalDateTime.of(2025, 6, 20, 8, 30), 2025, 3);
        try (OutputWorkbook out = new OutputWorkbook("Thử")) {
            Sheet sheet = out.sheet("Thử");
            int top = out.infoHeader(sheet, "=TIÊU ĐỀ", info, 3);
            assertThat(top).isEqualTo(OutputWorkbook.INFO_ROWS);
            out.headerRow(sheet, top, java.util.List.of("Mã", "Tên đơn vị", "Điểm"));
            out.text(out.row(sheet, top + 1), 1, "Phòng Cảnh sát hình sự");
            out.layOut(sheet, top + 1, 0);
            assertThat(sheet.getMergedRegions()).contains(org.apache.poi.ss.util.CellRangeAddress.valueOf("A1:C1"),
                    org.apache.poi.ss.util.CellRangeAddress.valueOf("A2:C2"),
                    org.apache.poi.ss.util.CellRangeAddress.valueOf("A3:C3"));
            // A caption that starts like a formula is still text that never evaluates.
            assertThat(sheet.getRow(0).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            // The long movement line wraps over several lines; the short date line keeps one.
            assertThat(sheet.getRow(1).getHeightInPoints()).isGreaterThan(2 * 15f);
            assertThat(sheet.getRow(2).getHeightInPoints()).isEqualTo(15f * 2); // 62 characters over about 28
            assertThat(sheet.getColumnWidth(1)).isEqualTo(24 * 256); // the header does not widen its columns
            assertThat(sheet.getRepeatingRows()).isEqualTo(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:4"));
        }
    }

    @Test
    void wrappedTextAndWrappedHeadersMakeTheirRowsTaller() throws Exception {
        try (OutputWorkbook out = new OutputWorkbook("Thử")) {
            Sheet sheet = out.sheet("Thử");
            Row header = out.headerRow(sheet, java.util.List.of("Mã", "Điểm trung bình của khối"));
            out.text(out.row(sheet, 1), 0, "x".repeat(10));
            out.text(out.row(sheet, 1), 1, "một hai ba\nbốn năm sáu\nbảy", true);
            out.layOut(sheet, 1, 0);
            assertThat(header.getHeightInPoints()).isEqualTo(30f); // "Điểm trung bình của khối" in 12 characters
            assertThat(sheet.getRow(1).getHeightInPoints()).isEqualTo(45f); // three lines
        }
    }

    @Test
    void aTableTooWideForOnePagePrintsOverSeveralWithItsLeadingColumnsRepeated() throws Exception {
        try (OutputWorkbook out = new OutputWorkbook("Thử")) {
            Sheet narrow = out.sheet("Hẹp");
            out.text(out.row(narrow, 0), 0, "x".repeat(40));
            out.layOut(narrow, 1, 1);
            assertThat(narrow.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(narrow.getRepeatingColumns()).isNull();

            Sheet wide = out.sheet("Rộng");
            Row row = out.row(wide, 0);
            out.text(row, 0, "PC01");
            out.text(row, 1, "x".repeat(48)); // 50 wide with the margin
            for (int c = 2; c < 42; c++) {
                out.text(row, c, "y".repeat(8)); // 40 columns of 10
            }
            out.layOut(wide, 1, 2);
            // 456 characters: the 56 of the unit, then 400 at most 159 a page (215 less the repeated 56).
            assertThat(SheetPrint.pagesWide(wide, 2)).isEqualTo(3);
            assertThat(wide.getPrintSetup().getFitWidth()).isEqualTo((short) 3);
            assertThat(wide.getPrintSetup().getFitHeight()).isZero();
            assertThat(wide.getRepeatingColumns()).isEqualTo(org.apache.poi.ss.util.CellRangeAddress.valueOf("A:B"));
            assertThat(wide.getRepeatingRows()).isEqualTo(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
        }
    }

    @Test
    void fileNamesForOtherKindsOfOutput() {
        assertThat(OutputFiles.name("bao-cao", "2025/6T", "pdf")).isEqualTo("bao-cao-2025_6T.pdf");
    }
}
