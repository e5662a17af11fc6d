package thidua.workbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import thidua.text.Labels;

/** Finds sheets, header rows and label/value pairs by their text (FORMATS.md), never by position. */
public final class Tables {
    /** Header rows and label/value pairs are looked for in the first 30 rows. */
    public static final int SEARCH_ROWS = 30;

    private Tables() {
    }

    public static Optional<Sheet> sheet(Workbook workbook, String name) {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (Labels.same(workbook.getSheetName(i), name)) {
                return Optional.of(workbook.getSheetAt(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The first row (within the first 30) holding every one of {@code required}, with the
     * column of each label found in it (required and optional ones alike).
     */
    public static Optional<Header> header(Sheet sheet, List<String> required, List<String> optional) {
        int last = Math.min(sheet.getLastRowNum(), SEARCH_ROWS - 1);
        for (int r = sheet.getFirstRowNum(); r <= last && r >= 0; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, Integer> keys = new HashMap<>();
            for (int c = Math.max(0, row.getFirstCellNum()); c < row.getLastCellNum(); c++) {
                String key = Labels.key(CellReader.read(sheet, r, c).display());
                if (!key.isEmpty()) {
                    keys.putIfAbsent(key, c);
                }
            }
            if (required.stream().allMatch(l -> keys.containsKey(Labels.key(l)))) {
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
                return Optional.of(new Header(r, columns));
            }
        }
        return Optional.empty();
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
