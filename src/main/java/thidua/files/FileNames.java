package thidua.files;

import java.nio.file.Path;

/** Names made from data (a period code) that become one folder name under a root: never a way out of it. */
public final class FileNames {
    private FileNames() {
    }

    /**
     * {@code name} as a single folder or file name: its last path segment, so that
     * {@code root.resolve(segment(name))} stays directly under {@code root} (the period
     * folders {@code OUT/P/} and {@code OUTBOX/<recipient>/P/}).
     */
    public static String segment(String name) {
        return Path.of(name).getFileName().toString();
    }
}
