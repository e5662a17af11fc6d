package thidua.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The layout of one output sheet: while its cells are written it gathers what their
 * text needs (the longest text of each column, the cells that wrap, the lines of the
 * information header), and {@link #layOut} then sets the widths and row heights from
 * it, freezes the header and sets up printing ({@link SheetPrint}).
 */
final class SheetLayout {

    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 50;
    /** Height of one line of 11 pt text, in points. */
    static final float LINE_POINTS = 15f;
    /** Characters of running text that fit in one unit of column width (the width of a 0). */
    private static final float TEXT_PER_WIDTH = 1.15f;

    /**
     * A cell whose text wraps within its column, over {@code rows} rows (2 for a tall
     * header); {@code bold} text (a header) is wider than running text.
     */
    private record Wrapped(Row row, int col, String text, int rows, boolean bold) {
    }

    /** One line of an information header, merged over the columns {@code firstCol..lastCol}. */
    private record Banner(Row row, int firstCol, int lastCol, int chars, float lineHeight) {
    }

    private final Sheet sheet;
    /** Per column: the longest displayed text, in characters. */
    private final Map<Integer, Integer> widths = new TreeMap<>();
    /** Per column: the widest it may be, in characters, where a writer set a limit. */
    private final Map<Integer, Integer> limits = new TreeMap<>();
    /** The rows of the information header, made tall enough for their text once widths are known. */
    private final List<Banner> banners = new ArrayList<>();
    /** The cells whose text wraps (headers, wrapped text), to size their rows once widths are known. */
    private final List<Wrapped> wrapped = new ArrayList<>();

    SheetLayout(Sheet sheet) {
        this.sheet = sheet;
    }

    /** Column {@code col} needs room for {@code chars} characters. */
    void fit(int col, int chars) {
        widths.merge(col, chars, Math::max);
    }

    /** Column {@code col} is at most {@code chars} characters wide, whatever its text. */
    void limit(int col, int chars) {
        limits.put(col, chars);
    }

    /** The cell's text wraps within its column, over {@code rows} rows. */
    void wraps(Row row, int col, String text, int rows, boolean bold) {
        wrapped.add(new Wrapped(row, col, text, rows, bold));
    }

    /** Forgets that the cell wraps (a header that turns out to span two rows is measured again). */
    void unwraps(Row row, int col) {
        wrapped.removeIf(w -> w.row() == row && w.col() == col);
    }

    /** A line of the information header over columns {@code 0..lastCol}, {@code chars} long. */
    void banner(Row row, int lastCol, int chars, float lineHeight) {
        banners.add(new Banner(row, 0, lastCol, chars, lineHeight));
    }

    /**
     * Finishes the sheet once its cells are written: frozen header rows (and leading
     * columns), widths from the longest text, rows tall enough for their wrapped text,
     * and the print setup.
     */
    void layOut(int headerRows, int frozenColumns, String title) {
        sheet.createFreezePane(frozenColumns, headerRows);
        widths.forEach((col, chars) -> sheet.setColumnWidth(col,
                Math.min(limits.getOrDefault(col, MAX_WIDTH), Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars + 2))) * 256));
        Map<Row, Integer> rowLines = new IdentityHashMap<>();
        // Each column's width read once: XSSF looks it up in the sheet's XML on every call.
        Map<Integer, Integer> columnWidths = new HashMap<>();
        // The same texts come back in every unit's table (criterion names, rules): each measured once per width.
        Map<String, Integer> linesOf = new HashMap<>();
        for (Wrapped w : wrapped) {
            int width = columnWidths.computeIfAbsent(w.col(), sheet::getColumnWidth);
            // Widths count the digit 0; the letters of a name are narrower on average.
            int room = Math.max(1, Math.round((width / 256 - 1)
                    * (w.bold() ? 1f : TEXT_PER_WIDTH)));
            int needed = linesOf.computeIfAbsent(room + "\u0000" + w.text(), key -> {
                int n = 0;
                for (String line : w.text().split("\n", -1)) {
                    n += wrappedLines(line, room);
                }
                return n;
            });
            rowLines.merge(w.row(), (needed + w.rows() - 1) / w.rows(), Math::max);
        }
        rowLines.forEach((row, count) -> {
            if (count > 1) {
                row.setHeightInPoints(Math.max(row.getHeightInPoints(), count * LINE_POINTS));
            }
        });
        for (Banner banner : banners) {
            int room = 0;
            for (int c = banner.firstCol(); c <= banner.lastCol(); c++) {
                room += columnWidths.computeIfAbsent(c, sheet::getColumnWidth) / 256;
            }
            int lines = Math.max(1, (banner.chars() + Math.max(1, room - 1) - 1) / Math.max(1, room - 1));
            banner.row().setHeightInPoints(lines * banner.lineHeight());
        }
        SheetPrint.setUp(sheet, headerRows, frozenColumns, title);
    }

    /** Lines a text takes when wrapped at spaces within {@code room} characters. */
    private static int wrappedLines(String text, int room) {
        int lines = 1;
        int used = 0;
        for (String word : text.split(" ")) {
            int n = CellText.length(word);
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
}
