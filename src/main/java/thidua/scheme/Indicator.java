package thidua.scheme;

/** A reported number (chỉ tiêu): every unit of an applicable block reports it each period. */
public record Indicator(String code, String name, String measure, IndicatorType type, BlockScope appliesTo) {
}
