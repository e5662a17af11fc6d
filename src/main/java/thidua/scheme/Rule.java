package thidua.scheme;

/** `Cách tính`: how a criterion turns reported numbers into points (SCORING.md). */
public enum Rule {
    TY_LE,
    GIAM,
    TANG,
    BANG_0,
    TU_CHAM,
    THUONG,
    TRU;

    /** Rules that have a target percentage. */
    public boolean hasTarget() {
        return this == TY_LE || this == GIAM || this == TANG;
    }

    /** Rules of the scored groups I–III (the others are bonus and deduction). */
    public boolean isScored() {
        return this != THUONG && this != TRU;
    }
}
