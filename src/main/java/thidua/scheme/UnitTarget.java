package thidua.scheme;

/** `Chỉ tiêu đăng ký`: a unit's own registered target for one criterion. */
public final class UnitTarget {
    private UnitTarget() {
    }

    public record Key(String unitCode, String criterionCode) {
    }
}
