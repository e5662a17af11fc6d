package thidua.workbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import thidua.text.Labels;

/**
 * A cell's content as it reached us, typed, with its address. Formula cells are
 * taken from their cached result ({@link Kind#NO_CACHED_VALUE} when there is none).
 */
public record CellValue(Kind kind, BigDecimal number, String text, LocalDate date, String ref) {

    public enum Kind { BLANK, NUMBER, TEXT, BOOLEAN, ERROR, DATE, NO_CACHED_VALUE }

    /** No value, or text of white space only (no-break spaces included, as {@link Labels#clean} sees them). */
    public boolean isBlank() {
        return kind == Kind.BLANK || (kind == Kind.TEXT && Labels.clean(text).isEmpty());
    }

    /** What a person would read in the cell, for messages and label matching. */
    public String display() {
        return switch (kind) {
            case NUMBER -> number.toPlainString();
            case DATE -> date.toString();
            case BLANK, NO_CACHED_VALUE -> "";
            default -> text;
        };
    }
}
