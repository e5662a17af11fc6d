package thidua.scheme;

/** An emulation block (khối thi đua): units ranked against each other. */
public record Block(String code, String name) {
}
