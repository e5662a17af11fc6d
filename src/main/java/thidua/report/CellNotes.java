package thidua.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The notes the outputs put on cells (shown when the mouse is over the cell, never
 * printed), by {@link OutputInfo#AUTHOR}: a box a few columns wide and as tall as its
 * text needs, within bounds.
 */
final class CellNotes {

    private static final int NOTE_COLUMNS = 4;
    /** Characters of a note that fit on one line of its box ({@link #NOTE_COLUMNS} default-width columns). */
    private static final int NOTE_LINE = 36;
    private static final int NOTE_MIN_ROWS = 4;
    private static final int NOTE_MAX_ROWS = 20;

    private CellNotes() {
    }

    /** Puts {@code note} on {@code cell}, replacing any note the cell had. */
    static void put(Cell cell, String note) {
        Workbook workbook = cell.getSheet().getWorkbook();
        if (cell.getCellComment() != null) {
            cell.removeCellComment();
        }
        String shown = CellText.shown(note);
        int lines = 0;
        for (String line : shown.split("\n", -1)) {
            lines += Math.max(1, (CellText.length(line) + NOTE_LINE - 1) / NOTE_LINE);
        }
        int rows = Math.min(NOTE_MAX_ROWS, Math.max(NOTE_MIN_ROWS, lines + 1));
        int lastRow = workbook.getSpreadsheetVersion().getLastRowIndex();
        int lastCol = workbook.getSpreadsheetVersion().getLastColumnIndex();
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(Math.min(cell.getColumnIndex() + 1, lastCol - NOTE_COLUMNS));
        anchor.setCol2(anchor.getCol1() + NOTE_COLUMNS);
        anchor.setRow1(Math.min(cell.getRowIndex(), lastRow - rows));
        anchor.setRow2(anchor.getRow1() + rows);
        Comment comment = cell.getSheet().createDrawingPatriarch().createCellComment(anchor);
        comment.setAuthor(OutputInfo.AUTHOR);
        comment.setString(workbook.getCreationHelper().createRichTextString(shown));
        // XSSF's setCellComment moves the note onto its cell; a streamed (SXSSF) cell only remembers it
        comment.setAddress(cell.getAddress());
        cell.setCellComment(comment);
    }
}
