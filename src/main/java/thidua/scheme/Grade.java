package thidua.scheme;

import java.math.BigDecimal;

/** A classification (xếp loại) reached from {@code minScore} points upward. */
public record Grade(String label, BigDecimal minScore) {
}
