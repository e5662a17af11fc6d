package thidua.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import thidua.files.SafeFiles;
import thidua.scoring.Ratio;

/**
 * The one way the outputs write a workbook: sheets, headers and typed cells (text that
 * never becomes a formula, figures rounded from BigDecimal), each measured for its
 * sheet's {@link SheetLayout}, and the atomic save. Styles are {@link OutputStyles}; notes
 * ({@link CellNotes}) and charts ({@link SheetBarChart}) are put on the cells and sheets made
 * here. Writers only decide what goes where.
 */
final class OutputWorkbook implements AutoCloseable {

    private static final int MAX_SHEET_NAME = 31;
    /** Headers wrap, so a long one only needs room for its longest word or this much. */
    private static final int HEADER_WIDTH = 12;
    /** Rows of the information header above every table: caption, movement and period, date and scheme version. */
    static final int INFO_ROWS = 3;
    private static final float CAPTION_LINE_POINTS = 18f;

    /** Streamed ({@link SXSSFWorkbook}) for the outputs, or the XSSF workbook an error report annotates. */
    private final Workbook workbook;
    private final String title;
    private final OutputStyles styles;
    private final Map<Sheet, SheetLayout> layouts = new IdentityHashMap<>();

    /** {@code title} is printed at the top of every page and stored as the document title. */
    OutputWorkbook(String title) {
        this(streamed(title), title);
    }

    /**
     * A new workbook whose cells are kept by SXSSF, all of them (no window: the layout sets
     * row heights once every width is known), and written out as a stream: XSSF keeps each
     * cell as XML objects, which at thousands of units cost seconds and more heap than
     * {@code -Xmx512m}. Strings are written inline (no shared-strings table to look every
     * one up in); the content is the same. Styles, merges, print setup, notes and charts
     * are the underlying XSSF workbook's, as before.
     */
    private static SXSSFWorkbook streamed(String title) {
        XSSFWorkbook base = new XSSFWorkbook();
        base.getProperties().getCoreProperties().setTitle(title);
        SXSSFWorkbook streamed = new SXSSFWorkbook(base, -1, false, false) {
            @Override
            protected SheetDataWriter createSheetDataWriter() throws IOException {
                return new StreamedSheetData();
            }
        };
        streamed.setCompressTempFiles(false);
        // No zip64 fields (by default SXSSF writes them, with zero sizes in the local headers, which
        // java.util.zip's ZipInputStream, delivery's Fingerprint among others, cannot read): the
        // outputs are megabytes, not the 4 GB that would need them.
        streamed.setZip64Mode(Zip64Mode.Never);
        return streamed;
    }

    /**
     * Writes into an existing workbook (the copy of a submission that an error report
     * annotates); its styles and sheets are left as they are, and closing this closes it.
     */
    static OutputWorkbook around(XSSFWorkbook workbook, String title) {
        return new OutputWorkbook(workbook, title);
    }

    private OutputWorkbook(Workbook workbook, String title) {
        this.workbook = workbook;
        this.title = title;
        this.styles = new OutputStyles(workbook instanceof SXSSFWorkbook s ? s.getXSSFWorkbook() : (XSSFWorkbook) workbook);
    }

    /** The XSSF sheet behind {@code sheet} (itself, or the one a streamed sheet writes into): for drawings. */
    static XSSFSheet xssf(Sheet sheet) {
        if (sheet instanceof SXSSFSheet streamed) {
            return ((SXSSFWorkbook) streamed.getWorkbook()).getXSSFWorkbook().getSheet(streamed.getSheetName());
        }
        return (XSSFSheet) sheet;
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
        layouts.put(sheet, new SheetLayout(sheet));
        return sheet;
    }

    /** Column {@code col} of {@code sheet} needs room for at least {@code chars} characters (of the digit 0's width). */
    void fit(Sheet sheet, int col, int chars) {
        layout(sheet).fit(col, chars);
    }

    Row row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row != null ? row : sheet.createRow(index);
    }

    // ------------------------------------------------------------------ headers

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
        return titleBlock(sheet, captionText, List.of(about.movementLine(), about.versionLine()), width);
    }

    /**
     * A title block above a table (the error report's): {@code caption} in bold, then one
     * line per entry of {@code lines}, each spanning the table's {@code width} columns and
     * made taller when it wraps, as the lines of {@link #infoHeader}. Returns the next free row.
     */
    int titleBlock(Sheet sheet, String captionText, List<String> lines, int width) {
        banner(sheet, 0, width, captionText, styles.caption, CAPTION_LINE_POINTS);
        for (int i = 0; i < lines.size(); i++) {
            banner(sheet, i + 1, width, lines.get(i), styles.info, SheetLayout.LINE_POINTS);
        }
        return lines.size() + 1;
    }

    private void banner(Sheet sheet, int rowIndex, int width, String value, CellStyle style, float lineHeight) {
        String shown = CellText.shown(value);
        Row row = row(sheet, rowIndex);
        Cell cell = row.createCell(0);
        cell.setCellStyle(CellText.looksLikeFormula(shown) ? styles.quotedInfo : style);
        cell.setCellValue(shown);
        int lastCol = Math.max(0, width - 1);
        if (lastCol > 0) {
            sheet.addMergedRegionUnsafe(new CellRangeAddress(rowIndex, rowIndex, 0, lastCol));
        }
        // The caption's larger type takes more room per character than the default 11 pt.
        int chars = Math.round(CellText.length(shown)
                * (style == styles.caption ? OutputStyles.CAPTION_POINTS / 11f : 1f));
        layout(sheet).banner(row, lastCol, chars, lineHeight);
    }

    /**
     * A title over a table further down the sheet (a unit's table on a block sheet), in the
     * caption's bold type, merged over the table's {@code width} columns without widening them.
     */
    void sectionTitle(Sheet sheet, int rowIndex, String value, int width) {
        banner(sheet, rowIndex, width, value, styles.caption, CAPTION_LINE_POINTS);
    }

    /** Column {@code col} grows no wider than {@code chars} characters; longer text wraps (when it may). */
    void limitWidth(Sheet sheet, int col, int chars) {
        layout(sheet).limit(col, chars);
    }

    /** A header cell; it counts towards its column's width. */
    Cell header(Row row, int col, String label) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(styles.header);
        cell.setCellValue(label);
        int longestWord = 0;
        for (String word : label.split("\\s+")) {
            longestWord = Math.max(longestWord, CellText.length(word));
        }
        SheetLayout layout = layout(row.getSheet());
        layout.fit(col, Math.max(longestWord, Math.min(CellText.length(label), HEADER_WIDTH)));
        layout.wraps(row, col, label, 1, true);
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
                row(sheet, r).createCell(c).setCellStyle(styles.header);
            }
        }
        Cell cell = row(sheet, firstRow).getCell(firstCol);
        cell.setCellValue(label);
        if (firstRow != lastRow || firstCol != lastCol) {
            sheet.addMergedRegionUnsafe(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
        }
        return cell;
    }

    /** A header over two rows (the first row of a two-row header), widening its column like {@link #header}. */
    Cell tallHeader(Sheet sheet, int firstRow, int col, String label) {
        Cell cell = header(row(sheet, firstRow), col, label);
        SheetLayout layout = layout(sheet);
        layout.unwraps(cell.getRow(), col);
        layout.wraps(cell.getRow(), col, label, 2, true);
        row(sheet, firstRow + 1).createCell(col).setCellStyle(styles.header);
        sheet.addMergedRegionUnsafe(new CellRangeAddress(firstRow, firstRow + 1, col, col));
        return cell;
    }

    // ------------------------------------------------------------------ typed cells

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
        String shown = CellText.shown(value);
        Cell cell = row.createCell(col);
        cell.setCellStyle(styles.text(wrap, CellText.looksLikeFormula(shown)));
        cell.setCellValue(shown);
        SheetLayout layout = layout(row.getSheet());
        if (wrap) {
            int longestLine = 0;
            for (String line : shown.split("\n", -1)) {
                longestLine = Math.max(longestLine, CellText.length(line));
            }
            layout.fit(col, longestLine);
            layout.wraps(row, col, shown, 1, false);
        } else {
            layout.fit(col, CellText.length(shown));
        }
        return cell;
    }

    /** A figure with 2 decimals, rounded HALF_UP before it becomes a double; null writes a blank cell. */
    Cell decimal(Row row, int col, BigDecimal value) {
        if (value == null) {
            return blank(row, col);
        }
        BigDecimal shown = value.setScale(2, RoundingMode.HALF_UP);
        Cell cell = row.createCell(col);
        cell.setCellStyle(styles.decimal);
        cell.setCellValue(shown.doubleValue());
        layout(row.getSheet()).fit(col, shown.toPlainString().length());
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
        cell.setCellStyle(styles.integer);
        cell.setCellValue(whole.doubleValue());
        String digits = whole.abs().toPlainString();
        layout(row.getSheet()).fit(col, digits.length() + (digits.length() - 1) / 3 + (whole.signum() < 0 ? 1 : 0));
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
        cell.setCellStyle(styles.dateTime);
        cell.setCellValue(value);
        layout(row.getSheet()).fit(col, "dd/mm/yyyy hh:mm".length());
        return cell;
    }

    /** An empty cell that still has the table's borders. */
    Cell blank(Row row, int col) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(styles.text);
        return cell;
    }

    // ------------------------------------------------------------------ finishing

    /**
     * Finishes a sheet once its cells are written ({@link SheetLayout#layOut}): frozen
     * header rows (and leading columns), widths from the longest text, A4 landscape
     * fitted to the page width with the header rows repeated and the title on every page.
     */
    void layOut(Sheet sheet, int headerRows, int frozenColumns) {
        layout(sheet).layOut(headerRows, frozenColumns, title);
    }

    /** After {@link #layOut}: page breaks so that each of {@code tables} prints on one page where it can. */
    void keepTogether(Sheet sheet, List<CellRangeAddress> tables) {
        SheetPrint.keepTogether(sheet, tables);
    }

    /** Saves the workbook atomically at {@code target} (its folder is created if missing). */
    Path save(Path target) throws IOException {
        return SafeFiles.replace(target, workbook::write);
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.close();
        } finally {
            if (workbook instanceof SXSSFWorkbook streamed) {
                streamed.dispose(); // its temporary files
            }
        }
    }

    /** The layout of a sheet made by {@link #sheet}; the copied sheets of an error report have none. */
    private SheetLayout layout(Sheet sheet) {
        SheetLayout layout = layouts.get(sheet);
        if (layout == null) {
            throw new IllegalStateException("Sheet " + sheet.getSheetName() + " was not made by OutputWorkbook.sheet");
        }
        return layout;
    }
}
