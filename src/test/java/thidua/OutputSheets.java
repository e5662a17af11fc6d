package thidua;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Reading the output workbooks in tests: their tables sit under an information header. */
public final class OutputSheets {
    private OutputSheets() {
    }

    /** The table's header row: the first whose first cell reads {@code firstLabel}. */
    public static int headerRow(Sheet sheet, String firstLabel) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(firstLabel)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no header row starting with " + firstLabel + " in " + sheet.getSheetName());
    }
}
