package thidua.workbook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/** A POI workbook ({@code .xls}, or an {@code .xlsx} the streaming reader leaves to POI) as a {@link Grid}. */
final class PoiGrid implements Grid {
    private final Workbook workbook;
    private final List<Grid.Sheet> sheets = new ArrayList<>();

    PoiGrid(Workbook workbook) {
        this.workbook = workbook;
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            sheets.add(new Sheet(workbook.getSheetAt(i),
                    workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)));
        }
    }

    @Override
    public List<Grid.Sheet> sheets() {
        return sheets;
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException | RuntimeException e) {
            // read-only: nothing to lose
        }
    }

    /** One POI sheet. */
    record Sheet(org.apache.poi.ss.usermodel.Sheet sheet, boolean hidden) implements Grid.Sheet {
        @Override
        public String name() {
            return sheet.getSheetName();
        }

        @Override
        public int firstRowNum() {
            return sheet.getFirstRowNum();
        }

        @Override
        public int lastRowNum() {
            return sheet.getLastRowNum();
        }

        @Override
        public int physicalRows() {
            return sheet.getPhysicalNumberOfRows();
        }

        @Override
        public boolean hasRow(int row) {
            return sheet.getRow(row) != null;
        }

        @Override
        public int firstCellNum(int row) {
            Row r = sheet.getRow(row);
            return r == null ? -1 : r.getFirstCellNum();
        }

        @Override
        public int lastCellNum(int row) {
            Row r = sheet.getRow(row);
            return r == null ? -1 : r.getLastCellNum();
        }

        @Override
        public CellValue cell(int row, int column) {
            return CellReader.read(sheet, row, column);
        }

        @Override
        public List<CellRangeAddress> mergedRegions() {
            return sheet.getMergedRegions();
        }
    }
}
