package thidua.scheme;

import java.util.Set;
import java.util.TreeSet;

/** `Áp dụng cho khối`: every block (`*`) or the listed block codes. */
public record BlockScope(boolean all, Set<String> blockCodes) {

    public static final BlockScope ALL = new BlockScope(true, Set.of());

    public static BlockScope of(Set<String> codes) {
        return new BlockScope(false, Set.copyOf(codes));
    }

    public boolean includes(String blockCode) {
        return all || blockCodes.contains(blockCode);
    }

    @Override
    public String toString() {
        return all ? "*" : String.join(",", new TreeSet<>(blockCodes));
    }
}
