package thidua.report;

import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;

/**
 * A native clustered bar chart (columns) under a sheet's table, whose categories and
 * series read cell ranges of the table, so Excel and LibreOffice draw it from the cells
 * themselves. What it shows is decided in {@link ReportCharts}.
 */
final class SheetBarChart {

    /** Rows the chart spans, and rows between the table and the chart. */
    private static final int CHART_ROWS = 16;
    private static final int CHART_GAP = 2;

    /** A series: its name, the cell that holds that name, and its values. */
    record Series(String name, CellReference nameCell, CellRangeAddress values, int rgb) {
    }

    private SheetBarChart() {
    }

    /** The first row under a chart of {@code rows} rows drawn {@link #below} the table row {@code lastRow}. */
    static int rowAfter(int lastRow, int rows) {
        return lastRow + 1 + CHART_GAP + rows;
    }

    /**
     * The chart, a little below the table's last row {@code lastRow} and as wide as its
     * first {@code columns} columns. {@code dataLabels} shows each bar's value on it.
     */
    static XSSFChart below(Sheet sheet, int lastRow, int columns, String title, CellRangeAddress categories,
                           List<Series> series, boolean dataLabels) {
        return below(sheet, lastRow, columns, title, categories, series, dataLabels, CHART_ROWS);
    }

    /** {@link #below}, {@code rows} rows tall. */
    static XSSFChart below(Sheet sheet, int lastRow, int columns, String title, CellRangeAddress categories,
                           List<Series> series, boolean dataLabels, int rows) {
        int top = lastRow + 1 + CHART_GAP;
        XSSFSheet xssf = OutputWorkbook.xssf(sheet); // the drawing is the XSSF sheet's, the cells may be streamed
        XSSFDrawing drawing = xssf.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, columns, top + rows);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.LEFT);
        valueAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        valueAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        valueAxis.setMinimum(0); // bars start at zero, or a small gap looks large
        XDDFDataSource<String> labels = ChartCells.text(sheet, categories);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        for (Series s : series) {
            XDDFNumericalDataSource<Double> values = ChartCells.numbers(sheet, s.values());
            XDDFBarChartData.Series added = (XDDFBarChartData.Series) data.addSeries(labels, values);
            added.setTitle(s.name(), s.nameCell());
            XDDFShapeProperties fill = new XDDFShapeProperties();
            fill.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(new byte[] {
                    (byte) (s.rgb() >> 16), (byte) (s.rgb() >> 8), (byte) s.rgb()})));
            added.setShapeProperties(fill);
        }
        chart.plot(data);
        if (dataLabels) {
            // XDDF has no data label API yet: set them on the series' XML, value only.
            for (var ser : chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray()) {
                CTDLbls labelsXml = ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls();
                labelsXml.addNewShowLegendKey().setVal(false);
                labelsXml.addNewShowVal().setVal(true);
                labelsXml.addNewShowCatName().setVal(false);
                labelsXml.addNewShowSerName().setVal(false);
                labelsXml.addNewShowPercent().setVal(false);
                labelsXml.addNewShowBubbleSize().setVal(false);
            }
        }
        return chart;
    }
}
