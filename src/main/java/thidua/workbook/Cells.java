package thidua.workbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;
import thidua.text.Labels;

/** Interprets typed cell values as the numbers, dates and texts of our formats. */
public final class Cells {
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+([.,]\\d+)?");
    /** Digits grouped by `.`, `,`, space or no-break space in threes: "1.234", "12 345". */
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([., \\u00A0\\u202F]\\d{3})+");
    /** Strict: "31/06/2024" is refused, not read as 30/06/2024. */
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Cells() {
    }

    public static String text(CellValue v) {
        return Labels.clean(v.display());
    }

    /** A decimal: a numeric cell, or text with `,` or `.` as the decimal mark. */
    public static Optional<BigDecimal> decimal(CellValue v) {
        if (v.kind() == CellValue.Kind.NUMBER) {
            return Optional.of(v.number());
        }
        if (v.kind() == CellValue.Kind.TEXT) {
            String t = Labels.clean(v.text());
            if (DECIMAL.matcher(t).matches()) {
                return Optional.of(new BigDecimal(t.replace(',', '.')));
            }
        }
        return Optional.empty();
    }

    /**
     * A whole number: a numeric cell holding an integer, or text of digits, optionally
     * grouped in threes by `.`, `,`, space or no-break space ("1.234" is 1234).
     */
    public static Optional<BigDecimal> integer(CellValue v) {
        if (v.kind() == CellValue.Kind.NUMBER) {
            BigDecimal n = v.number();
            return n.stripTrailingZeros().scale() <= 0 ? Optional.of(n.setScale(0)) : Optional.empty();
        }
        if (v.kind() == CellValue.Kind.TEXT) {
            String t = Labels.clean(v.text());
            if (t.matches("-?\\d+")) {
                return Optional.of(new BigDecimal(t));
            }
            if (GROUPED.matcher(t).matches()) {
                return Optional.of(new BigDecimal(t.replaceAll("[^0-9]", "")));
            }
        }
        return Optional.empty();
    }

    /** A date cell, or `dd/mm/yyyy` text. */
    public static Optional<LocalDate> date(CellValue v) {
        if (v.kind() == CellValue.Kind.DATE) {
            return Optional.of(v.date());
        }
        if (v.kind() == CellValue.Kind.TEXT) {
            try {
                return Optional.of(LocalDate.parse(Labels.clean(v.text()), DMY));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
