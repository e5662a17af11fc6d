package thidua.scoring;

/**
 * One line of the provincial or block summary: an integer indicator's sums, or a
 * TY_LE criterion's rate (ratio of sums). {@code change} is the change in percent for
 * sums and the difference in percentage points for rates; null where it is undefined.
 */
public record SummaryRow(String code, String name, boolean rate, Ratio current, Ratio baseline, Ratio change) {
}
