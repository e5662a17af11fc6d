package thidua.report;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

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
}
