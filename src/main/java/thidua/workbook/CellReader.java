package thidua.workbook;

import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;

/** Reads cells as typed values; never evaluates formulas (a submission's formulas are not trusted). */
public final class CellReader {
    private CellReader() {
    }

    public static CellValue read(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        Cell cell = r == null ? null : r.getCell(column);
        return read(cell, row, column);
    }

    public static CellValue read(Cell cell, int row, int column) {
        String ref = CellRef.of(row, column);
        if (cell == null) {
            return new CellValue(CellValue.Kind.BLANK, null, "", null, ref);
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
            // an .xlsx formula saved without <v> (never calculated): POI would report 0
            boolean uncached = cell instanceof XSSFCell x && !x.getCTCell().isSetV();
            if (uncached || type == CellType.BLANK || type == CellType._NONE) {
                return new CellValue(CellValue.Kind.NO_CACHED_VALUE, null, "", null, ref);
            }
        }
        if (type == CellType.NUMERIC && !finite(cell)) {
            // <v>NaN</v>, <v>1E+400</v>, <v>abc</v>: not a number, said of this cell as it reads
            return new CellValue(CellValue.Kind.TEXT, null, storedText(cell), null, ref);
        }
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? new CellValue(CellValue.Kind.DATE, null, "", cell.getLocalDateTimeCellValue().toLocalDate(), ref)
                    : new CellValue(CellValue.Kind.NUMBER, number(cell.getNumericCellValue()), "", null, ref);
            case STRING -> new CellValue(CellValue.Kind.TEXT, null, cell.getStringCellValue(), null, ref);
            case BOOLEAN -> new CellValue(CellValue.Kind.BOOLEAN, null,
                    String.valueOf(cell.getBooleanCellValue()), null, ref);
            case ERROR -> new CellValue(CellValue.Kind.ERROR, null, errorText(cell), null, ref);
            default -> new CellValue(CellValue.Kind.BLANK, null, "", null, ref);
        };
    }

    private static boolean finite(Cell cell) {
        try {
            return Double.isFinite(cell.getNumericCellValue());
        } catch (RuntimeException e) {
            return false; // POI cannot parse what the file stores as the value
        }
    }

    private static String storedText(Cell cell) {
        if (cell instanceof XSSFCell x) {
            String v = x.getCTCell().getV();
            return v == null ? "" : v.strip();
        }
        try {
            return String.valueOf(cell.getNumericCellValue());
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The shortest decimal that the stored double stands for: 45.0 → 45, 8.5 → 8.5. */
    static BigDecimal number(double value) {
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private static String errorText(Cell cell) {
        try {
            return FormulaError.forInt(cell.getErrorCellValue()).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }
}
