package thidua.workbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
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
    public static Optional<Sheet> sheet(Workbook workbook, String name) {
        Sheet best = null;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            String sheetName = workbook.getSheetName(i);
            if (!Labels.same(sheetName, name)) {
                continue;
            }
            boolean hidden = workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
            boolean exact = Labels.clean(sheetName).equalsIgnoreCase(Labels.clean(name));
            int rank = (hidden ? 2 : 0) + (exact ? 0 : 1);
            if (rank < bestRank) {
                best = workbook.getSheetAt(i);
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The header (within the first 30 rows) holding every one of {@code required}, with
     * the column of each label found (required and optional ones alike). A header may be
     * one row, or two (a group label merged over `Kỳ này`/`Cùng kỳ`, with `Mã chỉ tiêu`
     * merged down over both): a merged cell's text counts in every row it covers, and
     * {@link Header#row()} is the last header row, so data starts below it.
     */
    public static Optional<Header> header(Sheet sheet, List<String> required, List<String> optional) {
        int last = Math.min(sheet.getLastRowNum(), SEARCH_ROWS - 1);
        int first = Math.max(0, sheet.getFirstRowNum());
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
    private static Map<String, Integer> keysOf(Sheet sheet, int r) {
        Map<String, Integer> keys = new HashMap<>();
        Row row = sheet.getRow(r);
        if (row != null) {
            for (int c = Math.max(0, row.getFirstCellNum()); c < row.getLastCellNum(); c++) {
                String key = Labels.key(CellReader.read(sheet, r, c).display());
                if (!key.isEmpty()) {
                    keys.putIfAbsent(key, c);
                }
            }
        }
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            if (merged.getFirstRow() < r && merged.getLastRow() >= r) {
                String key = Labels.key(CellReader.read(sheet, merged.getFirstRow(), merged.getFirstColumn()).display());
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
    public static Map<String, CellValue> labelValues(Sheet sheet, List<String> labels) {
        Map<String, CellValue> found = new HashMap<>();
        int last = Math.min(sheet.getLastRowNum(), SEARCH_ROWS - 1);
        for (int r = Math.max(0, sheet.getFirstRowNum()); r <= last; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                String key = Labels.key(CellReader.read(sheet, r, c).display());
                for (String label : labels) {
                    if (!key.isEmpty() && key.equals(Labels.key(label)) && !found.containsKey(label)) {
                        found.put(label, valueRightOf(sheet, row, r, c));
                    }
                }
            }
        }
        return found;
    }

    private static CellValue valueRightOf(Sheet sheet, Row row, int r, int c) {
        for (int v = c + 1; v < Math.max(row.getLastCellNum(), c + 2); v++) {
            CellValue value = CellReader.read(sheet, r, v);
            if (!value.isBlank()) {
                return value;
            }
        }
        return CellReader.read(sheet, r, c + 1);
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
