package thidua.scheme;

/** A reporting unit (đơn vị) and the block it competes in. */
public record Unit(String code, String name, UnitKind kind, String blockCode) {
}
