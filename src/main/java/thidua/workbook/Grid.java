package thidua.workbook;

import java.io.Closeable;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A workbook as the readers see it: sheets of typed cells ({@link CellValue}), read by
 * their row and column as POI's usermodel numbers them. Two ways to get one: an
 * {@code .xlsx} read in one streaming pass ({@link XlsxGrid}, the import's way), or any
 * POI workbook ({@link #of}); both give the same values for the same file
 * (GridEquivalenceTest).
 */
public interface Grid extends Closeable {

    /** The sheets, in the workbook's order. */
    List<Sheet> sheets();

    /** Closes what backs the grid (a POI workbook); a streamed grid holds nothing open. */
    @Override
    void close();

    /** A POI workbook seen as a grid; closing the grid closes the workbook. */
    static Grid of(Workbook workbook) {
        return new PoiGrid(workbook);
    }

    /** One sheet. Rows and columns are 0-based; a row "exists" when the file has it, cells or not. */
    interface Sheet {
        String name();

        /** Hidden or very hidden. */
        boolean hidden();

        /** The first row the file has, -1 when it has none (POI's {@code getFirstRowNum}). */
        int firstRowNum();

        /** The last row the file has, -1 when it has none (POI's {@code getLastRowNum}). */
        int lastRowNum();

        boolean hasRow(int row);

        /** How many rows the file has (POI's {@code getPhysicalNumberOfRows}). */
        int physicalRows();

        /** The first column with a cell in {@code row}, -1 when none (POI's {@code Row.getFirstCellNum}). */
        int firstCellNum(int row);

        /** One past the last column with a cell in {@code row}, -1 when none (POI's {@code Row.getLastCellNum}). */
        int lastCellNum(int row);

        /** The cell's typed value, {@link CellValue.Kind#BLANK} where the file has none. */
        CellValue cell(int row, int column);

        List<CellRangeAddress> mergedRegions();
    }
}
