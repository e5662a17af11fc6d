package thidua.workbook;

/**
 * A problem found in a workbook a person gave us, precise enough to act on without
 * calling anyone: a stable code, the sheet, the cell (may be empty for whole-file
 * problems) and a Vietnamese message saying what is wrong and what is expected.
 */
public record Finding(Severity severity, String code, String sheet, String cell, String message) {

    public enum Severity { ERROR, WARNING }

    public static Finding error(String code, String sheet, String cell, String message) {
        return new Finding(Severity.ERROR, code, sheet, cell == null ? "" : cell, message);
    }

    public static Finding warning(String code, String sheet, String cell, String message) {
        return new Finding(Severity.WARNING, code, sheet, cell == null ? "" : cell, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** `Chỉ tiêu!D14`, or the sheet alone, or nothing. */
    public String location() {
        if (sheet == null || sheet.isEmpty()) {
            return "";
        }
        return cell.isEmpty() ? sheet : sheet + "!" + cell;
    }

    @Override
    public String toString() {
        String where = location();
        return code + (where.isEmpty() ? "" : " " + where) + ": " + message;
    }
}
