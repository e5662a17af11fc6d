package thidua.scheme;

/** `Số nguyên`: a non-negative count; `Điểm`: points, a decimal. */
public enum IndicatorType {
    INTEGER("Số nguyên"),
    POINTS("Điểm");

    private final String label;

    IndicatorType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
