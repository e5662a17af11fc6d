package thidua.workbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import thidua.text.Labels;

/** Finds sheets, header rows and label/value pairs by their text (FORMATS.md), never by position. */
public final class Tables {
    /** Header rows and label/value pairs are looked for in the first 30 rows. */
    public static final int SEARCH_ROWS = 30;

    private Tables() {
    }

    /**
     * The sheet called {@code name}: written exactly (after NFC and trimming) before
     * written without diacritics or in another case, and a visible sheet before a hidden
     * one — a hidden old copy ("Chi tieu") never shadows the real sheet.
     */
    public static Optional<Grid.Sheet> sheet(Grid workbook, String name) {
        Grid.Sheet best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Grid.Sheet sheet : workbook.sheets()) {
            String sheetName = sheet.name();
            if (!Labels.same(sheetName, name)) {
                continue;
            }
            boolean exact = Labels.clean(sheetName).equalsIgnoreCase(Labels.clean(name));
            int rank = (sheet.hidden() ? 2 : 0) + (exact ? 0 : 1);
            if (rank < bestRank) {
                best = sheet;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@link #sheet(Grid, String)} of a POI workbook (the scheme, an error report's copy). */
    public static Optional<Sheet> sheet(Workbook workbook, String name) {
        return sheet(Grid.of(workbook), name).map(s -> ((PoiGrid.Sheet) s).sheet());
    }

    /**
     * The header (within the first 30 rows) holding every one of {@code required}, with
     * the column of each label found (required and optional ones alike). A header may be
     * one row, or two (a group label merged over `Kỳ này`/`Cùng kỳ`, with `Mã chỉ tiêu`
     * merged down over both): a merged cell's text counts in every row it covers, and
     * {@link Header#row()} is the last header row, so data starts below it.
     */
    public static Optional<Header> header(Grid.Sheet sheet, List<String> required, List<String> optional) {
        int last = Math.min(sheet.lastRowNum(), SEARCH_ROWS - 1);
        int first = Math.max(0, sheet.firstRowNum());
        for (int r = first; r <= last; r++) {
            Map<String, Integer> keys = keysOf(sheet, r);
            if (has(keys, required)) {
                return Optional.of(header(r, keys, required, optional));
            }
            if (r < last) {
                Map<String, Integer> two = new HashMap<>(keys);
                keysOf(sheet, r + 1).forEach(two::putIfAbsent);
                if (has(two, required) && !has(keysOf(sheet, r + 1), required)) {
                    return Optional.of(header(r + 1, two, required, optional));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean has(Map<String, Integer> keys, List<String> labels) {
        return labels.stream().allMatch(l -> keys.containsKey(Labels.key(l)));
    }

    private static Header header(int row, Map<String, Integer> keys, List<String> required, List<String> optional) {
        Map<String, Integer> columns = new HashMap<>();
        for (String label : required) {
            columns.put(label, keys.get(Labels.key(label)));
        }
        for (String label : optional) {
            Integer c = keys.get(Labels.key(label));
            if (c != null) {
                columns.put(label, c);
            }
        }
        return new Header(row, columns);
    }

    /** Label keys of one row and their columns, a merged region's text counting in each row it covers. */
    private static Map<String, Integer> keysOf(Grid.Sheet sheet, int r) {
        Map<String, Integer> keys = new HashMap<>();
        if (sheet.hasRow(r)) {
            for (int c = Math.max(0, sheet.firstCellNum(r)); c < sheet.lastCellNum(r); c++) {
                String key = Labels.key(sheet.cell(r, c).display());
                if (!key.isEmpty()) {
                    keys.putIfAbsent(key, c);
                }
            }
        }
        for (CellRangeAddress merged : sheet.mergedRegions()) {
            if (merged.getFirstRow() < r && merged.getLastRow() >= r) {
                String key = Labels.key(sheet.cell(merged.getFirstRow(), merged.getFirstColumn()).display());
                if (!key.isEmpty()) {
                    keys.putIfAbsent(key, merged.getFirstColumn());
                }
            }
        }
        return keys;
    }

    /**
     * Label/value pairs: a label in columns A–C of the first 30 rows, its value the
     * next non-empty cell to its right. Keys are the labels asked for.
     */
    public static Map<String, CellValue> labelValues(Grid.Sheet sheet, List<String> labels) {
        Map<String, CellValue> found = new HashMap<>();
        int last = Math.min(sheet.lastRowNum(), SEARCH_ROWS - 1);
        for (int r = Math.max(0, sheet.firstRowNum()); r <= last; r++) {
            if (!sheet.hasRow(r)) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                String key = Labels.key(sheet.cell(r, c).display());
                for (String label : labels) {
                    if (!key.isEmpty() && key.equals(Labels.key(label)) && !found.containsKey(label)) {
                        found.put(label, valueRightOf(sheet, r, c));
                    }
                }
            }
        }
        return found;
    }

    private static CellValue valueRightOf(Grid.Sheet sheet, int r, int c) {
        for (int v = c + 1; v < Math.max(sheet.lastCellNum(r), c + 2); v++) {
            CellValue value = sheet.cell(r, v);
            if (!value.isBlank()) {
                return value;
            }
        }
        return sheet.cell(r, c + 1);
    }


    /** A header row: its 0-based index and the column of each label. */
    public record Header(int row, Map<String, Integer> columns) {
        public int column(String label) {
            return columns.get(label);
        }

        public boolean has(String label) {
            return columns.containsKey(label);
        }
    }
}
