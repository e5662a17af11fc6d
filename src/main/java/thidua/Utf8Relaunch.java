package thidua;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Runs thidua in a JVM whose file names and console are UTF-8 whatever the locale it was
 * started in. Java 17 takes the encoding of file names ({@code sun.jnu.encoding}) from the
 * locale and ignores {@code -Dsun.jnu.encoding}: with {@code LANG} unset (a service
 * manager's default) a Vietnamese file name cannot even be named ({@code InvalidPathException})
 * and the console's Vietnamese turns into {@code ?}. So the same command line, byte for
 * byte (read from {@code /proc}, not from the already mangled {@code args}), is run again
 * with {@code LC_ALL=C.UTF-8}; this JVM only waits for it, passes a SIGTERM on, and exits
 * with its exit code.
 */
final class Utf8Relaunch {
    static final String MARK = "THIDUA_UTF8_RELAUNCHED";

    private Utf8Relaunch() {
    }

    /** The exit code of thidua run again in UTF-8, or empty when this JVM is the one to run it. */
    static OptionalInt ifNeeded() {
        if (System.getenv(MARK) != null) {
            // The launcher killed (kill -9): this one goes too, as it would have without the relaunch.
            ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(137)));
        }
        if ("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
            return OptionalInt.empty();
        }
        long pid = ProcessHandle.current().pid();
        Path cmdline = Path.of("/proc/" + pid + "/cmdline");
        if (System.getenv(MARK) != null || !Files.isReadable(cmdline) || !Files.isExecutable(Path.of("/bin/bash"))) {
            System.err.println("thidua: file names are read as " + System.getProperty("sun.jnu.encoding")
                    + ", not UTF-8 - Vietnamese names may fail: start thidua with LC_ALL=C.UTF-8");
            return OptionalInt.empty();
        }
        // bash copies the NUL-separated arguments exactly; exec keeps one process to signal.
        ProcessBuilder again = new ProcessBuilder("/bin/bash", "-c",
                "mapfile -d '' -t argv < /proc/" + pid + "/cmdline && exec \"${argv[@]}\"").inheritIO();
        again.environment().put("LC_ALL", "C.UTF-8");
        again.environment().put(MARK, "1");
        try {
            Process child = again.start();
            Thread forward = new Thread(() -> {
                // SIGTERM to this JVM: the child stops as it would itself (an import at a file boundary).
                child.destroy();
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "thidua-utf8-forward");
            Runtime.getRuntime().addShutdownHook(forward);
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(forward);
            return OptionalInt.of(code);
        } catch (IOException e) {
            System.err.println("thidua: could not start again in UTF-8 (" + e.getMessage() + "); going on as is");
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }
}
