package thidua.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import thidua.workbook.CellValue;
import thidua.workbook.Cells;
import thidua.workbook.Finding;
import thidua.workbook.Grid;
import thidua.workbook.Tables;

/**
 * The rows of one table sheet of the scheme under its header, read cell by cell, with
 * every problem collected (never thrown) so that a broken scheme is refused with all
 * of its problems at once.
 */
final class SchemeRows {
    private final Grid.Sheet sheet;
    private final Tables.Header header;
    private final List<Finding> problems;

    private SchemeRows(Grid.Sheet sheet, Tables.Header header, List<Finding> problems) {
        this.sheet = sheet;
        this.header = header;
        this.problems = problems;
    }

    /** The table of {@code sheetName}, or empty (with the problem recorded) when the sheet or its header is missing. */
    static Optional<SchemeRows> open(Grid workbook, String sheetName,
                                     List<String> required, List<String> optional, boolean sheetRequired,
                                     List<Finding> problems) {
        Optional<Grid.Sheet> sheet = Tables.sheet(workbook, sheetName);
        if (sheet.isEmpty()) {
            if (sheetRequired) {
                problems.add(Finding.error("S-SHEET-MISSING", sheetName, "",
                        "Thiếu sheet \"" + sheetName + "\"."));
            }
            return Optional.empty();
        }
        Optional<Tables.Header> header = Tables.header(sheet.get(), required, optional);
        if (header.isEmpty()) {
            problems.add(Finding.error("S-HEADER-MISSING", sheet.get().name(), "",
                    "Không tìm thấy dòng tiêu đề có các cột " + String.join(", ", required)
                            + " trong " + Tables.SEARCH_ROWS + " dòng đầu."));
            return Optional.empty();
        }
        return Optional.of(new SchemeRows(sheet.get(), header.get(), problems));
    }

    /** Row indexes under the header whose key columns are not all blank. */
    List<Integer> rows() {
        List<Integer> rows = new ArrayList<>();
        for (int r = header.row() + 1; r <= sheet.lastRowNum(); r++) {
            final int row = r;
            boolean any = header.columns().values().stream()
                    .anyMatch(c -> !sheet.cell(row, c).isBlank());
            if (any) {
                rows.add(r);
            }
        }
        return rows;
    }

    CellValue cell(int row, String label) {
        if (!header.has(label)) {
            return new CellValue(CellValue.Kind.BLANK, null, "", null, "");
        }
        return sheet.cell(row, header.column(label));
    }

    String sheetName() {
        return sheet.name();
    }

    void problem(int row, String label, String code, String message) {
        problems.add(Finding.error(code, sheetName(), cell(row, label).ref(), message));
    }

    /** Non-blank cleaned text, or a problem. */
    Optional<String> requiredText(int row, String label) {
        String text = Cells.text(cell(row, label));
        if (text.isEmpty()) {
            problem(row, label, "S-VALUE-BLANK", "Cột \"" + label + "\" không được để trống.");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    String optionalText(int row, String label) {
        return Cells.text(cell(row, label));
    }

    Optional<BigDecimal> requiredNumber(int row, String label) {
        CellValue v = cell(row, label);
        Optional<BigDecimal> n = Cells.decimal(v);
        if (n.isEmpty()) {
            problem(row, label, v.isBlank() ? "S-VALUE-BLANK" : "S-VALUE-NOT-NUMBER",
                    "Cột \"" + label + "\" cần một số, đang là \"" + v.display() + "\".");
        } else if (n.get().signum() < 0) {
            problem(row, label, "S-VALUE-NEGATIVE", "Cột \"" + label + "\" không được âm.");
            return Optional.empty();
        }
        return n;
    }

    Optional<LocalDate> requiredDate(int row, String label) {
        CellValue v = cell(row, label);
        Optional<LocalDate> d = Cells.date(v);
        if (d.isEmpty()) {
            problem(row, label, "S-VALUE-NOT-DATE",
                    "Cột \"" + label + "\" cần một ngày (ô ngày hoặc dd/mm/yyyy), đang là \"" + v.display() + "\".");
        }
        return d;
    }
}
