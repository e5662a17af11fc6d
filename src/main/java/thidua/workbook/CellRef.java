package thidua.workbook;

import org.apache.poi.ss.util.CellReference;

/** A1-style cell names as users see them (`D14`), 0-based row and column in. */
public final class CellRef {
    private CellRef() {
    }

    public static String of(int row, int column) {
        return CellReference.convertNumToColString(column) + (row + 1);
    }
}
