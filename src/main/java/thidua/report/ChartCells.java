package thidua.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;

/**
 * A chart's categories and values read from a range of a sheet's cells, as POI's
 * {@code XDDFDataSourcesFactory.fromStringCellRange} and {@code fromNumericCellRange} read
 * them (the same reference, the same cached points: a text cell's text, a number cell's
 * number, nothing for any other cell), but from any sheet: POI's read an {@code XSSFSheet}'s
 * cells, and the outputs' rows are kept by a streaming sheet ({@link OutputWorkbook}).
 * The outputs' charts read plain values, never formulas.
 */
final class ChartCells {

    private ChartCells() {
    }

    static XDDFCategoryDataSource text(Sheet sheet, CellRangeAddress range) {
        return new Text(sheet, range);
    }

    static XDDFNumericalDataSource<Double> numbers(Sheet sheet, CellRangeAddress range) {
        return new Numbers(sheet, range);
    }

    private abstract static class Range {
        private final Sheet sheet;
        private final CellRangeAddress range;

        Range(Sheet sheet, CellRangeAddress range) {
            this.sheet = sheet;
            this.range = range.copy();
        }

        public int getPointCount() {
            return range.getNumberOfCells();
        }

        public boolean isCellRange() {
            return true;
        }

        public boolean isReference() {
            return true;
        }

        public int getColIndex() {
            return range.getFirstColumn();
        }

        public String getDataRangeReference() {
            return range.formatAsString(sheet.getSheetName(), true);
        }

        /** The cell of point {@code index}, row by row over the range, or null. */
        Cell cell(int index) {
            if (index < 0 || index >= getPointCount()) {
                throw new IndexOutOfBoundsException("Cell index must be between 0 and " + (getPointCount() - 1)
                        + " (inclusive), given: " + index);
            }
            int width = range.getLastColumn() - range.getFirstColumn() + 1;
            Row row = sheet.getRow(range.getFirstRow() + index / width);
            return row == null ? null : row.getCell(range.getFirstColumn() + index % width);
        }
    }

    private static final class Text extends Range implements XDDFCategoryDataSource {
        Text(Sheet sheet, CellRangeAddress range) {
            super(sheet, range);
        }

        @Override
        public String getPointAt(int index) {
            Cell cell = cell(index);
            return cell != null && cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : null;
        }

        @Override
        public boolean isNumeric() {
            return false;
        }

        @Override
        public String getFormatCode() {
            return null;
        }
    }

    private static final class Numbers extends Range implements XDDFNumericalDataSource<Double> {
        private String formatCode;

        Numbers(Sheet sheet, CellRangeAddress range) {
            super(sheet, range);
        }

        @Override
        public Double getPointAt(int index) {
            Cell cell = cell(index);
            return cell != null && cell.getCellType() == CellType.NUMERIC ? cell.getNumericCellValue() : null;
        }

        @Override
        public boolean isNumeric() {
            return true;
        }

        @Override
        public String getFormatCode() {
            return formatCode;
        }

        @Override
        public void setFormatCode(String formatCode) {
            this.formatCode = formatCode;
        }
    }
}
