package thidua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.PaneInformation;

/** Reading helpers for the tests: cells as the file holds them. */
final class Cells {

    private Cells() {
    }

    static List<String> sheetNames(Workbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    static List<String> strings(Row row, int from, int to) {
        List<String> values = new ArrayList<>();
        for (int c = from; c < to; c++) {
            values.add(row.getCell(c).getStringCellValue());
        }
        return values;
    }

    /** The row whose cell in {@code col} holds {@code text}. */
    static Row rowWith(Sheet sheet, int col, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(col);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text + " in column " + col + " of " + sheet.getSheetName());
    }

    static double number(Row row, int col) {
        Cell cell = row.getCell(col);
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }

    static String string(Row row, int col) {
        Cell cell = row.getCell(col);
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }

    static void assertBlank(Row row, int col) {
        Cell cell = row.getCell(col);
        if (cell != null) {
            assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.BLANK);
        }
    }

    static void assertLaidOut(Sheet sheet, int headerRows) {
        PaneInformation pane = sheet.getPaneInformation();
        assertThat(pane).as("freeze pane of %s", sheet.getSheetName()).isNotNull();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat((int) pane.getHorizontalSplitPosition()).isEqualTo(headerRows);
        PrintSetup print = sheet.getPrintSetup();
        assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(print.getLandscape()).isTrue();
        assertThat(sheet.getFitToPage()).isTrue();
        assertThat(print.getFitWidth()).isEqualTo((short) 1);
        assertThat(print.getFitHeight()).isEqualTo((short) 0);
        assertThat(sheet.getRepeatingRows()).isNotNull();
        assertThat(sheet.getRepeatingRows().getFirstRow()).isZero();
        assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(headerRows - 1);
    }
}
