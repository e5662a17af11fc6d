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
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

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
        assertLaidOut(sheet, headerRows, 1);
    }

    /** Frozen and repeated header rows, A4 landscape, {@code pagesWide} pages across and as many down as needed. */
    static void assertLaidOut(Sheet sheet, int headerRows, int pagesWide) {
        PaneInformation pane = sheet.getPaneInformation();
        assertThat(pane).as("freeze pane of %s", sheet.getSheetName()).isNotNull();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat((int) pane.getHorizontalSplitPosition()).isEqualTo(headerRows);
        PrintSetup print = sheet.getPrintSetup();
        assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(print.getLandscape()).isTrue();
        assertThat(sheet.getFitToPage()).isTrue();
        assertThat(print.getFitWidth()).isEqualTo((short) pagesWide);
        assertThat(print.getFitHeight()).isEqualTo((short) 0);
        assertThat(sheet.getRepeatingRows()).isNotNull();
        assertThat(sheet.getRepeatingRows().getFirstRow()).isZero();
        assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(headerRows - 1);
    }

    /** The fixture's information header ({@link ReportFixture#INFO}) in the first three rows, each spanning the table. */
    static void assertInformationHeader(Sheet sheet, String captionStart) {
        Row caption = sheet.getRow(0);
        assertThat(string(caption, 0)).as("caption of %s", sheet.getSheetName()).isNotBlank().startsWith(captionStart);
        assertThat(sheet.getWorkbook().getFontAt(caption.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
        assertThat(string(sheet.getRow(1), 0))
                .isEqualTo("Phong trào: Vì an ninh Tổ quốc   Kỳ: Sơ kết 6 tháng năm 2025 (2025-6T)");
        assertThat(string(sheet.getRow(2), 0))
                .isEqualTo("Lập lúc: 20/06/2025 08:30   Bộ tiêu chí: năm 2025, phiên bản 7");
        for (int r = 0; r < 3; r++) {
            int row = r;
            assertThat(sheet.getMergedRegions()).as("row %d of %s spans the table", r, sheet.getSheetName())
                    .anyMatch(m -> m.getFirstRow() == row && m.getLastRow() == row && m.getFirstColumn() == 0
                            && m.getLastColumn() > 0);
        }
    }

    static List<XSSFChart> charts(Sheet sheet) {
        XSSFDrawing drawing = ((XSSFSheet) sheet).getDrawingPatriarch();
        return drawing == null ? List.of() : drawing.getCharts();
    }

    /** The sheet's one chart. */
    static XSSFChart chart(Sheet sheet) {
        List<XSSFChart> charts = charts(sheet);
        assertThat(charts).as("charts of %s", sheet.getSheetName()).hasSize(1);
        return charts.get(0);
    }

    /** The series of the sheet's one chart, a clustered column chart with {@code count} series. */
    static List<XDDFChartData.Series> onlySeries(Sheet sheet, int count) {
        List<XDDFChartData> data = chart(sheet).getChartSeries();
        assertThat(data).hasSize(1);
        assertThat(data.get(0)).isInstanceOf(XDDFBarChartData.class);
        XDDFBarChartData bars = (XDDFBarChartData) data.get(0);
        assertThat(bars.getBarDirection()).isEqualTo(org.apache.poi.xddf.usermodel.chart.BarDirection.COL);
        assertThat(bars.getSeriesCount()).isEqualTo(count);
        List<XDDFChartData.Series> series = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            series.add(bars.getSeries(i));
        }
        return series;
    }

    /** No cell of the workbook is a formula: nothing in the outputs can be evaluated. */
    static void assertNoFormulas(Workbook wb) {
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("cell %s of %s", cell.getAddress(), sheet.getSheetName())
                            .isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    /** The name of series {@code i} of the sheet's chart as cached, and the cell it reads it from. */
    static List<String> seriesName(Sheet sheet, int i) {
        var tx = chart(sheet).getCTChart().getPlotArea().getBarChartArray(0).getSerArray(i).getTx().getStrRef();
        return List.of(tx.getStrCache().getPtArray(0).getV(), tx.getF());
    }
}
