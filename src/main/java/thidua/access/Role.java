package thidua.access;

/** Who a signed-in person is to thidua (OPERATIONS.md, Console and API). */
public enum Role {
    ADMIN("Quản trị"), HQ("Cơ quan thường trực"), LEADER("Lãnh đạo"), UNIT("Đơn vị");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
