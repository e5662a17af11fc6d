package thidua.scheme;

/** `Nhóm`: groups I–III are scored; `Thưởng` and `Trừ` add bonus and deduction points. */
public enum CriterionGroup {
    I("I"),
    II("II"),
    III("III"),
    BONUS("Thưởng"),
    DEDUCTION("Trừ");

    private final String label;

    CriterionGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isScored() {
        return this == I || this == II || this == III;
    }
}
