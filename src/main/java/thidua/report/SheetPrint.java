package thidua.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTBreak;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPageBreak;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorksheet;

/**
 * How an output sheet prints: A4 landscape fitted to the page width at a readable
 * scale, the header rows (and the unit's columns, over several pages across) repeated,
 * the title at the top and the page number at the bottom of every page.
 */
final class SheetPrint {

    /**
     * Characters of column width that fit across an A4 landscape page (about 740 pt
     * between the default margins, 5.25 pt a character) printed at 65 %: below that
     * scale a table is too small to read, so it goes on over more pages.
     */
    private static final int PAGE_CHARS = 215;
    /** An A4 landscape page between the default margins (0.7 in left and right, 0.75 in top and bottom). */
    private static final double PAGE_POINTS_ACROSS = 740;
    private static final double PAGE_POINTS_DOWN = 487;
    private static final double POINTS_PER_CHAR = 5.3;
    /** The share of a page left free when deciding whether a table still fits. */
    private static final double SPARE = 0.12;

    private SheetPrint() {
    }

    /** Sets up printing once the sheet's widths are set. */
    static void setUp(Sheet sheet, int headerRows, int frozenColumns, String title) {
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
     * Sets page breaks so that no table of {@code tables} (row ranges, top to bottom) is cut by a
     * page, unless it is taller than a page: a table that no longer fits on the page begins the
     * next one. Called once the rows have their heights ({@link SheetLayout#layOut}). The page's
     * height is estimated from the scale that fitting the width gives, with room to spare, since
     * Excel and LibreOffice measure type a little differently.
     */
    static void keepTogether(Sheet sheet, List<CellRangeAddress> tables) {
        int chars = 0;
        int columns = columns(sheet);
        for (int c = 0; c < columns; c++) {
            chars += sheet.getColumnWidth(c) / 256;
        }
        double scale = Math.min(1, PAGE_POINTS_ACROSS / (Math.max(1, chars) * POINTS_PER_CHAR));
        CellRangeAddress repeated = sheet.getRepeatingRows();
        float defaultHeight = sheet.getDefaultRowHeightInPoints(); // read from the sheet's XML: once
        double page = PAGE_POINTS_DOWN / scale * (1 - SPARE)
                - (repeated == null ? 0 : height(sheet, repeated.getFirstRow(), repeated.getLastRow(), defaultHeight));
        int from = repeated == null ? 0 : repeated.getLastRow() + 1;
        double used = 0;
        List<Integer> breaks = new ArrayList<>();
        for (CellRangeAddress table : tables) {
            used += height(sheet, from, table.getFirstRow() - 1, defaultHeight);
            double tall = height(sheet, table.getFirstRow(), table.getLastRow(), defaultHeight);
            if (used > 0 && used + tall > page) {
                breaks.add(table.getFirstRow() - 1);
                used = 0;
            }
            used += tall;
            from = table.getLastRow() + 1;
        }
        rowBreaks(sheet, breaks);
    }

    /**
     * Manual page breaks after each of {@code rows}, as {@link Sheet#setRowBreak} sets them,
     * at once: it looks through every break so far before adding one and counts them
     * again after, which with a page break every few units was quadratic.
     */
    private static void rowBreaks(Sheet sheet, List<Integer> rows) {
        if (rows.isEmpty()) {
            return;
        }
        XSSFSheet xssf = OutputWorkbook.xssf(sheet);
        Set<Integer> broken = new HashSet<>();
        for (int row : xssf.getRowBreaks()) {
            broken.add(row);
        }
        CTWorksheet worksheet = xssf.getCTWorksheet();
        CTPageBreak breaks = worksheet.isSetRowBreaks() ? worksheet.getRowBreaks() : worksheet.addNewRowBreaks();
        int lastColumn = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
        for (int row : rows) {
            if (broken.add(row)) {
                CTBreak brk = breaks.addNewBrk();
                brk.setId(row + 1L); // as XSSFSheet.setRowBreak writes it
                brk.setMan(true);
                brk.setMax(lastColumn);
            }
        }
        int count = breaks.sizeOfBrkArray();
        breaks.setCount(count);
        breaks.setManualBreakCount(count);
    }

    private static double height(Sheet sheet, int first, int last, float defaultHeight) {
        double points = 0;
        for (int r = first; r <= last; r++) {
            Row row = sheet.getRow(r);
            points += row == null ? defaultHeight : row.getHeightInPoints();
        }
        return points;
    }

    /** Columns the sheet's rows reach (the widest row's). */
    private static int columns(Sheet sheet) {
        int columns = 0;
        for (Row row : sheet) {
            columns = Math.max(columns, row.getLastCellNum());
        }
        return columns;
    }

    /**
     * Pages across that the sheet prints on: one when its columns fit an A4 landscape
     * page at a readable scale, else as many as keep that scale, the leading
     * {@code frozenColumns} being repeated on each.
     */
    static int pagesWide(Sheet sheet, int frozenColumns) {
        int total = 0;
        int frozen = 0;
        int columns = columns(sheet);
        for (int c = 0; c < columns; c++) {
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
}
