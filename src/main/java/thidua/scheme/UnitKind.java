package thidua.scheme;

/** Kinds of reporting unit: department, district police (until 2025), commune police (since 2025). */
public enum UnitKind {
    DEPARTMENT("Phòng"),
    DISTRICT("Huyện"),
    COMMUNE("Xã");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
