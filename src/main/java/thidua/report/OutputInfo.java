package thidua.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import thidua.scheme.Period;
import thidua.scoring.PeriodResults;

/**
 * What every output says about itself in its information header: the movement, the
 * period, when it was generated (Vietnamese local time) and which scheme version scored it.
 */
public record OutputInfo(
        String movement,
        String periodCode,
        String periodName,
        LocalDateTime generatedAt,
        int schemeYear,
        long schemeVersion) {

    /** Who the outputs name as their author: of the PDF, and of the notes on cells. */
    static final String AUTHOR = "thidua";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** The header of the outputs of {@code results}, generated at {@code now}, scored by scheme version {@code schemeVersion}. */
    public static OutputInfo of(PeriodResults results, long schemeVersion, Instant now) {
        return new OutputInfo(results.scheme().movement(), results.period().code(), results.period().name(),
                LocalDateTime.ofInstant(now, Period.ZONE).truncatedTo(ChronoUnit.MINUTES),
                results.scheme().year(), schemeVersion);
    }

    /** {@code Phong trào: …   Kỳ: name (code)}. */
    public String movementLine() {
        return "Phong trào: " + movement + "   Kỳ: " + period();
    }

    /** {@code Lập lúc: dd/MM/yyyy HH:mm   Bộ tiêu chí: năm YYYY, phiên bản N}. */
    public String versionLine() {
        return generatedLine() + "   " + schemeLine();
    }

    /** {@code Lập lúc: dd/MM/yyyy HH:mm}. */
    public String generatedLine() {
        return "Lập lúc: " + generatedAtText();
    }

    /** {@code Bộ tiêu chí: năm YYYY, phiên bản N}. */
    public String schemeLine() {
        return "Bộ tiêu chí: năm " + schemeYear + ", phiên bản " + schemeVersion;
    }

    /** The period's name with its code: {@code Tổng kết năm 2024 (2024)}. */
    public String period() {
        return periodName + " (" + periodCode + ")";
    }

    public String generatedAtText() {
        return SHOWN.format(generatedAt);
    }
}
