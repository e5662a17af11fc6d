package thidua.scheme;

/**
 * A reporting unit (đơn vị) and the block it competes in; {@code email} (optional, null
 * when blank) is where its error reports are e-mailed (FORMATS.md §1, sheet Đơn vị).
 */
public record Unit(String code, String name, UnitKind kind, String blockCode, String email) {

    /** A unit without an e-mail address. */
    public Unit(String code, String name, UnitKind kind, String blockCode) {
        this(code, name, kind, blockCode, null);
    }
}
