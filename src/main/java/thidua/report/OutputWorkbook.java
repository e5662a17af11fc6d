package thidua.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
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
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import thidua.scoring.Ratio;

/**
 * The one way the outputs write a workbook: styles, cells, sheet names, layout and
 * printing, and the atomic save. Writers only decide what goes where.
 */
final class OutputWorkbook implements AutoCloseable {

    /** Excel's limit on the characters of one cell. */
    static final int MAX_CELL_TEXT = 32_767;
    private static final int MAX_SHEET_NAME = 31;
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 50;
    /** Headers wrap, so a long one only needs room for its longest word or this much. */
    private static final int HEADER_WIDTH = 12;
    /**
     * First characters that make a spreadsheet treat typed or imported text as a
     * formula, with their full-width forms (an IME may type those).
     */
    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    /** Author of the notes the outputs put on cells. */
    static final String AUTHOR = "thidua";
    private static final int NOTE_COLUMNS = 4;
    /** Rows of the information header above every table: caption, movement and period, date and scheme version. */
    static final int INFO_ROWS = 3;
    private static final short CAPTION_POINTS = 13;
    private static final float INFO_LINE_POINTS = 15f;
    private static final float CAPTION_LINE_POINTS = 18f;
    /** Rows a chart spans below its table, and rows between the table and the chart. */
    static final int CHART_ROWS = 16;
    static final int CHART_GAP = 2;
    /**
     * Characters of column width that fit across an A4 landscape page (about 740 pt
     * between the default margins, 5.25 pt a character) printed at 65 %: below that
     * scale a table is too small to read, so it goes on over more pages.
     */
    private static final int PAGE_CHARS = 215;
    /** Characters of running text that fit in one unit of column width (the width of a 0). */
    private static final float TEXT_PER_WIDTH = 1.15f;
    /** Characters of a note that fit on one line of its box ({@link #NOTE_COLUMNS} default-width columns). */
    private static final int NOTE_LINE = 36;
    private static final int NOTE_MIN_ROWS = 4;
    private static final int NOTE_MAX_ROWS = 20;

    private final XSSFWorkbook workbook;
    private final String title;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle quotedText;
    private final CellStyle wrappedText;
    private final CellStyle quotedWrappedText;
    private final CellStyle decimal;
    private final CellStyle integer;
    private final CellStyle dateTime;
    private final CellStyle caption;
    private final CellStyle info;
    private final CellStyle quotedInfo;
    /** Per sheet, per column: the longest displayed text, in characters. */
    private final Map<Sheet, Map<Integer, Integer>> widths = new IdentityHashMap<>();
    /** Per sheet: the rows of its information header, made tall enough for their text once widths are known. */
    private final Map<Sheet, List<Banner>> banners = new IdentityHashMap<>();
    /** Per sheet: the cells whose text wraps (headers, wrapped text), to size their rows once widths are known. */
    private final Map<Sheet, List<Wrapped>> wrapped = new IdentityHashMap<>();

    /**
     * A cell whose text wraps within its column, over {@code rows} rows (2 for a tall
     * header); {@code bold} text (a header) is wider than running text.
     */
    private record Wrapped(Row row, int col, String text, int rows, boolean bold) {
    }

    /** One line of an information header, merged over the columns {@code firstCol..lastCol}. */
    private record Banner(Row row, int firstCol, int lastCol, int chars, float lineHeight) {
    }

    /** A series of a bar chart: its name, the cell that holds that name, and its values. */
    record ChartSeries(String name, CellReference nameCell, CellRangeAddress values, int rgb) {
    }

    /** {@code title} is printed at the top of every page and stored as the document title. */
    OutputWorkbook(String title) {
        this(new XSSFWorkbook(), title);
        workbook.getProperties().getCoreProperties().setTitle(title);
    }

    /**
     * Writes into an existing workbook (the copy of a submission that an error report
     * annotates); its styles and sheets are left as they are, and closing this closes it.
     */
    static OutputWorkbook around(XSSFWorkbook workbook, String title) {
        return new OutputWorkbook(workbook, title);
    }

    private OutputWorkbook(XSSFWorkbook workbook, String title) {
        this.workbook = workbook;
        this.title = title;
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = bordered();
        header.setFont(bold);
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = bordered();
        quotedText = bordered();
        quotedText.setQuotePrefixed(true);
        wrappedText = bordered();
        wrappedText.setWrapText(true);
        quotedWrappedText = bordered();
        quotedWrappedText.setWrapText(true);
        quotedWrappedText.setQuotePrefixed(true);
        decimal = numeric("0.00");
        integer = numeric("#,##0");
        dateTime = numeric("dd/mm/yyyy hh:mm");
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints(CAPTION_POINTS);
        caption = workbook.createCellStyle();
        caption.setFont(big);
        caption.setWrapText(true);
        caption.setVerticalAlignment(VerticalAlignment.TOP);
        info = workbook.createCellStyle();
        info.setWrapText(true);
        info.setVerticalAlignment(VerticalAlignment.TOP);
        quotedInfo = workbook.createCellStyle();
        quotedInfo.cloneStyleFrom(info);
        quotedInfo.setQuotePrefixed(true);
    }

    /** The output file name: {@code prefix-P.xlsx}, with characters no file system allows replaced. */
    static String fileName(String prefix, String periodCode) {
        return fileName(prefix, periodCode, "xlsx");
    }

    /** An output file name {@code prefix-P.extension}, with characters no file system allows replaced. */
    static String fileName(String prefix, String periodCode, String extension) {
        return prefix + "-" + periodCode.replaceAll("[\\\\/:*?\"<>|\\s]", "_") + "." + extension;
    }

    /** A new sheet; the name is made legal (length, forbidden characters) and unique. */
    Sheet sheet(String name) {
        String safe = WorkbookUtil.createSafeSheetName(name, '_');
        String unique = safe;
        // getSheetIndex ignores case, as Excel does when it compares sheet names.
        for (int n = 2; workbook.getSheetIndex(unique) >= 0; n++) {
            String suffix = " (" + n + ")";
            unique = safe.substring(0, Math.min(safe.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        Sheet sheet = workbook.createSheet(unique);
        widths.put(sheet, new TreeMap<>());
        wrapped.put(sheet, new ArrayList<>());
        return sheet;
    }

    Row row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row != null ? row : sheet.createRow(index);
    }

    /** A one-row header of the given labels in the first row of {@code sheet}. */
    Row headerRow(Sheet sheet, List<String> labels) {
        return headerRow(sheet, 0, labels);
    }

    /** A one-row header of the given labels in row {@code index} of {@code sheet}. */
    Row headerRow(Sheet sheet, int index, List<String> labels) {
        Row row = row(sheet, index);
        for (int c = 0; c < labels.size(); c++) {
            header(row, c, labels.get(c));
        }
        return row;
    }

    /**
     * The information header above a table, in the first {@link #INFO_ROWS} rows: the
     * sheet's caption in bold, then the movement and period, then when the output was
     * made and by which scheme version. Each line spans the table's {@code width}
     * columns without widening them; {@link #layOut} makes a line taller when it needs
     * to wrap. The text goes through the same formula guard as {@link #text}, since the
     * movement and the names come from the scheme workbook. Returns the table's first row.
     */
    int infoHeader(Sheet sheet, String captionText, OutputInfo about, int width) {
        banner(sheet, 0, width, captionText, caption, CAPTION_LINE_POINTS);
        banner(sheet, 1, width, about.movementLine(), info, INFO_LINE_POINTS);
        banner(sheet, 2, width, about.versionLine(), info, INFO_LINE_POINTS);
        return INFO_ROWS;
    }

    private void banner(Sheet sheet, int rowIndex, int width, String value, CellStyle style, float lineHeight) {
        String shown = value.length() > MAX_CELL_TEXT ? value.substring(0, MAX_CELL_TEXT) : value;
        Row row = row(sheet, rowIndex);
        Cell cell = row.createCell(0);
        cell.setCellStyle(looksLikeFormula(shown) ? quotedInfo : style);
        cell.setCellValue(shown);
        int lastCol = Math.max(0, width - 1);
        if (lastCol > 0) {
            sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, lastCol));
        }
        // The caption's larger type takes more room per character than the default 11 pt.
        int chars = Math.round(length(shown) * (style == caption ? CAPTION_POINTS / 11f : 1f));
        banners.computeIfAbsent(sheet, s -> new ArrayList<>()).add(new Banner(row, 0, lastCol, chars, lineHeight));
    }

    /** A header cell; it counts towards its column's width. */
    Cell header(Row row, int col, String label) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(header);
        cell.setCellValue(label);
        int longestWord = 0;
        for (String word : label.split("\\s+")) {
            longestWord = Math.max(longestWord, length(word));
        }
        fit(row, col, Math.max(longestWord, Math.min(length(label), HEADER_WIDTH)));
        wraps(row, col, label, 1, true);
        return cell;
    }

    /**
     * A header spanning the given rows and columns; it does not widen its columns
     * (a group title over sub-columns). The covered cells get the header style so
     * the borders print whole.
     */
    Cell spanningHeader(Sheet sheet, int firstRow, int lastRow, int firstCol, int lastCol, String label) {
        for (int r = firstRow; r <= lastRow; r++) {
            for (int c = firstCol; c <= lastCol; c++) {
                row(sheet, r).createCell(c).setCellStyle(header);
            }
        }
        Cell cell = row(sheet, firstRow).getCell(firstCol);
        cell.setCellValue(label);
        if (firstRow != lastRow || firstCol != lastCol) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
        }
        return cell;
    }

    /** A header over two rows (the first row of a two-row header), widening its column like {@link #header}. */
    Cell tallHeader(Sheet sheet, int firstRow, int col, String label) {
        Cell cell = header(row(sheet, firstRow), col, label);
        wrapped.getOrDefault(sheet, new ArrayList<>()).removeIf(w -> w.row() == cell.getRow() && w.col() == col);
        wraps(cell.getRow(), col, label, 2, true);
        row(sheet, firstRow + 1).createCell(col).setCellStyle(header);
        sheet.addMergedRegion(new CellRangeAddress(firstRow, firstRow + 1, col, col));
        return cell;
    }

    /**
     * A text cell that no spreadsheet will evaluate: always a string cell, and text
     * that starts like a formula gets a quote-prefixed style, so Excel keeps it text
     * even when the cell is edited or the sheet exported. Null or empty writes a blank cell.
     */
    Cell text(Row row, int col, String value) {
        return text(row, col, value, false);
    }

    /** {@link #text(Row, int, String)}, wrapped within the column's width when {@code wrap}. */
    Cell text(Row row, int col, String value, boolean wrap) {
        if (value == null || value.isEmpty()) {
            return blank(row, col);
        }
        String shown = value.length() > MAX_CELL_TEXT ? value.substring(0, MAX_CELL_TEXT) : value;
        Cell cell = row.createCell(col);
        boolean quoted = looksLikeFormula(shown);
        cell.setCellStyle(wrap ? (quoted ? quotedWrappedText : wrappedText) : (quoted ? quotedText : text));
        cell.setCellValue(shown);
        if (wrap) {
            int longestLine = 0;
            for (String line : shown.split("\n", -1)) {
                longestLine = Math.max(longestLine, length(line));
            }
            fit(row, col, longestLine);
            wraps(row, col, shown, 1, false);
        } else {
            fit(row, col, length(shown));
        }
        return cell;
    }

    static boolean looksLikeFormula(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
    }

    /** A figure with 2 decimals, rounded HALF_UP before it becomes a double; null writes a blank cell. */
    Cell decimal(Row row, int col, BigDecimal value) {
        if (value == null) {
            return blank(row, col);
        }
        BigDecimal shown = value.setScale(2, RoundingMode.HALF_UP);
        Cell cell = row.createCell(col);
        cell.setCellStyle(decimal);
        cell.setCellValue(shown.doubleValue());
        fit(row, col, shown.toPlainString().length());
        return cell;
    }

    /** An exact value shown with 2 decimals; null writes a blank cell. */
    Cell decimal(Row row, int col, Ratio value) {
        return decimal(row, col, value == null ? null : value.rounded());
    }

    /** A whole number with thousands separators; null writes a blank cell. */
    Cell integer(Row row, int col, BigDecimal value) {
        if (value == null) {
            return blank(row, col);
        }
        BigDecimal whole = value.setScale(0, RoundingMode.HALF_UP);
        Cell cell = row.createCell(col);
        cell.setCellStyle(integer);
        cell.setCellValue(whole.doubleValue());
        String digits = whole.abs().toPlainString();
        fit(row, col, digits.length() + (digits.length() - 1) / 3 + (whole.signum() < 0 ? 1 : 0));
        return cell;
    }

    Cell integer(Row row, int col, Integer value) {
        return integer(row, col, value == null ? null : BigDecimal.valueOf(value));
    }

    /** A real date-time cell shown as dd/mm/yyyy hh:mm; null writes a blank cell. */
    Cell dateTime(Row row, int col, LocalDateTime value) {
        if (value == null) {
            return blank(row, col);
        }
        Cell cell = row.createCell(col);
        cell.setCellStyle(dateTime);
        cell.setCellValue(value);
        fit(row, col, "dd/mm/yyyy hh:mm".length());
        return cell;
    }

    /** An empty cell that still has the table's borders. */
    Cell blank(Row row, int col) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(text);
        return cell;
    }

    /**
     * A note shown when the mouse is over the cell (screen only, never printed), by
     * {@link #AUTHOR}, replacing any note the cell had. Its box is a few columns wide
     * and as tall as the text needs, within bounds.
     */
    void comment(Cell cell, String note) {
        Sheet sheet = cell.getSheet();
        if (cell.getCellComment() != null) {
            cell.removeCellComment();
        }
        String shown = note.length() > MAX_CELL_TEXT ? note.substring(0, MAX_CELL_TEXT) : note;
        int lines = 0;
        for (String line : shown.split("\n", -1)) {
            lines += Math.max(1, (length(line) + NOTE_LINE - 1) / NOTE_LINE);
        }
        int rows = Math.min(NOTE_MAX_ROWS, Math.max(NOTE_MIN_ROWS, lines + 1));
        int lastRow = workbook.getSpreadsheetVersion().getLastRowIndex();
        int lastCol = workbook.getSpreadsheetVersion().getLastColumnIndex();
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(Math.min(cell.getColumnIndex() + 1, lastCol - NOTE_COLUMNS));
        anchor.setCol2(anchor.getCol1() + NOTE_COLUMNS);
        anchor.setRow1(Math.min(cell.getRowIndex(), lastRow - rows));
        anchor.setRow2(anchor.getRow1() + rows);
        Comment comment = sheet.createDrawingPatriarch().createCellComment(anchor);
        comment.setAuthor(AUTHOR);
        comment.setString(workbook.getCreationHelper().createRichTextString(shown));
        cell.setCellComment(comment);
    }

    /**
     * Finishes a sheet once its cells are written: frozen header rows (and leading
     * columns), widths from the longest text, A4 landscape fitted to the page width
     * with the header rows repeated and the title on every printed page.
     */
    void layOut(Sheet sheet, int headerRows, int frozenColumns) {
        sheet.createFreezePane(frozenColumns, headerRows);
        widths.get(sheet).forEach((col, chars) ->
                sheet.setColumnWidth(col, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars + 2)) * 256));
        Map<Row, Integer> rowLines = new IdentityHashMap<>();
        for (Wrapped w : wrapped.getOrDefault(sheet, List.of())) {
            // Widths count the digit 0; the letters of a name are narrower on average.
            int room = Math.max(1, Math.round((sheet.getColumnWidth(w.col()) / 256 - 1)
                    * (w.bold() ? 1f : TEXT_PER_WIDTH)));
            int needed = 0;
            for (String line : w.text().split("\n", -1)) {
                needed += wrappedLines(line, room);
            }
            rowLines.merge(w.row(), (needed + w.rows() - 1) / w.rows(), Math::max);
        }
        rowLines.forEach((row, count) -> {
            if (count > 1) {
                row.setHeightInPoints(Math.max(row.getHeightInPoints(), count * INFO_LINE_POINTS));
            }
        });
        for (Banner banner : banners.getOrDefault(sheet, List.of())) {
            int room = 0;
            for (int c = banner.firstCol(); c <= banner.lastCol(); c++) {
                room += sheet.getColumnWidth(c) / 256;
            }
            int lines = Math.max(1, (banner.chars() + Math.max(1, room - 1) - 1) / Math.max(1, room - 1));
            banner.row().setHeightInPoints(lines * banner.lineHeight());
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
        int pages = pagesWide(sheet, frozenColumns);
        print.setFitWidth((short) pages);
        print.setFitHeight((short) 0);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:" + headerRows));
        if (pages > 1 && frozenColumns > 0) {
            // A table printed over several pages across repeats its leading columns (the unit) on each.
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, frozenColumns - 1));
        }
        // '&' starts a code in Excel's header language; doubled it prints as itself.
        sheet.getHeader().setCenter(title.replace("&", "&&") + " – " + sheet.getSheetName().replace("&", "&&"));
        sheet.getFooter().setRight("Trang &P/&N"); // page number / page count
    }

    /**
     * A native clustered bar chart (columns), anchored over columns {@code col1..col2 - 1}
     * and rows {@code row1..row2 - 1}, whose categories and series read cell ranges of
     * the workbook, so Excel and LibreOffice draw it from the cells themselves.
     * {@code dataLabels} shows each bar's value on it.
     */
    XSSFChart barChart(Sheet sheet, int col1, int row1, int col2, int row2, String title,
                       CellRangeAddress categories, List<ChartSeries> series, boolean dataLabels) {
        XSSFSheet xssf = (XSSFSheet) sheet;
        XSSFDrawing drawing = xssf.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.LEFT);
        valueAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        valueAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        valueAxis.setMinimum(0); // bars start at zero, or a small gap looks large
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(xssf, categories);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        for (ChartSeries s : series) {
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(xssf, s.values());
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

    /**
     * Pages across that the sheet prints on: one when its columns fit an A4 landscape
     * page at a readable scale, else as many as keep that scale, the leading
     * {@code frozenColumns} being repeated on each.
     */
    static int pagesWide(Sheet sheet, int frozenColumns) {
        int total = 0;
        int frozen = 0;
        int last = 0;
        for (Row row : sheet) {
            last = Math.max(last, row.getLastCellNum());
        }
        for (int c = 0; c < last; c++) {
            int chars = sheet.getColumnWidth(c) / 256;
            total += chars;
            if (c < frozenColumns) {
                frozen += chars;
            }
        }
        if (total <= PAGE_CHARS) {
            return 1;
        }
        int perPage = Math.max(PAGE_CHARS / 3, PAGE_CHARS - frozen);
        return (int) Math.ceil((total - frozen) / (double) perPage);
    }

    /** Lines a text takes when wrapped at spaces within {@code room} characters. */
    private static int wrappedLines(String text, int room) {
        int lines = 1;
        int used = 0;
        for (String word : text.split(" ")) {
            int n = length(word);
            if (used == 0) {
                used = n;
            } else if (used + 1 + n <= room) {
                used += 1 + n;
            } else {
                lines++;
                used = n;
            }
            while (used > room) {
                lines++;
                used -= room;
            }
        }
        return lines;
    }

    /** Saves the workbook atomically at {@code target} (its folder is created if missing). */
    Path save(Path target) throws IOException {
        return thidua.files.SafeFiles.replace(target, workbook::write);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }

    private CellStyle bordered() {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    private CellStyle numeric(String format) {
        CellStyle style = bordered();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private void wraps(Row row, int col, String text, int rows, boolean bold) {
        wrapped.computeIfAbsent(row.getSheet(), s -> new ArrayList<>()).add(new Wrapped(row, col, text, rows, bold));
    }

    private void fit(Row row, int col, int chars) {
        widths.get(row.getSheet()).merge(col, chars, Math::max);
    }

    /** Characters as a reader counts them (a Vietnamese letter with its marks is one). */
    private static int length(String s) {
        String nfc = Normalizer.normalize(s, Normalizer.Form.NFC);
        return nfc.codePointCount(0, nfc.length());
    }
}
