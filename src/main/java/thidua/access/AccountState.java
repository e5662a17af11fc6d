package thidua.access;

/** Where an account stands, in the words the console's *Người dùng* page and `user list` both show. */
public enum AccountState {
    ACTIVE("Đang dùng"),
    MUST_CHANGE_PASSWORD("Đang dùng — phải đổi mật khẩu"),
    LOCKED("Khoá tạm"),
    DISABLED("Đã vô hiệu hoá");

    private final String label;

    AccountState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
