package thidua.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDateTime;
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
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
    /** Per sheet, per column: the longest displayed text, in characters. */
    private final Map<Sheet, Map<Integer, Integer>> widths = new IdentityHashMap<>();

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
    }

    /** The output file name: {@code prefix-P.xlsx}, with characters no file system allows replaced. */
    static String fileName(String prefix, String periodCode) {
        return prefix + "-" + periodCode.replaceAll("[\\\\/:*?\"<>|\\s]", "_") + ".xlsx";
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
        return sheet;
    }

    Row row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row != null ? row : sheet.createRow(index);
    }

    /** A one-row header of the given labels in the first row of {@code sheet}. */
    Row headerRow(Sheet sheet, List<String> labels) {
        Row row = row(sheet, 0);
        for (int c = 0; c < labels.size(); c++) {
            header(row, c, labels.get(c));
        }
        return row;
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
        fit(row, col, length(shown));
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
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:" + headerRows));
        // '&' starts a code in Excel's header language; doubled it prints as itself.
        sheet.getHeader().setCenter(title.replace("&", "&&") + " – " + sheet.getSheetName().replace("&", "&&"));
        sheet.getFooter().setRight("Trang &P/&N"); // page number / page count
    }

    /** Saves the workbook atomically at {@code target} (its folder is created if missing). */
    Path save(Path target) throws IOException {
        return AtomicFiles.write(target, workbook::write);
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

    private void fit(Row row, int col, int chars) {
        widths.get(row.getSheet()).merge(col, chars, Math::max);
    }

    /** Characters as a reader counts them (a Vietnamese letter with its marks is one). */
    private static int length(String s) {
        String nfc = Normalizer.normalize(s, Normalizer.Form.NFC);
        return nfc.codePointCount(0, nfc.length());
    }
}
