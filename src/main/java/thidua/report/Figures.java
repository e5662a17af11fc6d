package thidua.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Figures written the Vietnamese way in the PDF report: 1.060; 92,02. */
final class Figures {

    private Figures() {
    }

    /** A figure with a dot between thousands and, when {@code decimals}, a comma before 2 decimals; blank for null. */
    static String of(BigDecimal value, boolean decimals) {
        if (value == null) {
            return "";
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(decimals ? "#,##0.00" : "#,##0", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
