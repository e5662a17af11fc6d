package thidua.scoring;

import java.math.BigDecimal;

/** One indicator row of an accepted submission: `Kỳ này` and `Cùng kỳ` (null when left blank where allowed). */
public record ReportedValue(String indicator, BigDecimal current, BigDecimal baseline) {
}
