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
        assertThat(OutputWorkbook.fileName("bang-diem", "2025-6T")).isEqualTo("bang-diem-2025-6T.xlsx");
        assertThat(OutputWorkbook.fileName("tong-hop", "../Q1 2025")).isEqualTo("tong-hop-.._Q1_2025.xlsx");
    }
}
