package thidua;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs thidua in a JVM whose file names and console are UTF-8 whatever the locale it was
 * started in. Java 17 takes the encoding of file names ({@code sun.jnu.encoding}) from the
 * locale and ignores {@code -Dsun.jnu.encoding}: with {@code LANG} unset (a service
 * manager's default) a Vietnamese file name cannot even be named ({@code InvalidPathException})
 * and the console's Vietnamese turns into {@code ?}. So the same command line, byte for
 * byte (read from {@code /proc}, not from the already mangled {@code args}), is run again
 * with {@code LC_ALL=C.UTF-8}; this JVM only waits for it, passes a SIGTERM on, and exits
 * with its exit code. A command started from the fat jar for which {@code ./mvnw package} built a
 * class-data archive ({@link ClassDataArchive}) is run again the same way, on the extracted jars
 * with the archive (and in UTF-8 if needed): one relaunch for both.
 */
final class Utf8Relaunch {
    static final String MARK = "THIDUA_UTF8_RELAUNCHED";

    private Utf8Relaunch() {
    }

    /**
     * The exit code of thidua run again (in UTF-8, or with the class-data archive, or both), or
     * empty when this JVM is the one to run it.
     */
    static OptionalInt ifNeeded(String[] args) {
        if (System.getenv(MARK) != null) {
            // The launcher killed (kill -9): this one goes too, as it would have without the relaunch.
            ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(137)));
        }
        boolean utf8 = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
        long pid = ProcessHandle.current().pid();
        Path cmdline = Path.of("/proc/" + pid + "/cmdline");
        boolean canRelaunch = System.getenv(MARK) == null && Files.isReadable(cmdline) && Files.isExecutable(Path.of("/bin/bash"));
        Optional<ClassDataArchive.Launch> archive = Optional.empty();
        if (canRelaunch) {
            try {
                archive = ClassDataArchive.forCommand(args, ClassDataArchive.commandLine(Files.readAllBytes(cmdline)),
                        System.getProperty("java.class.path", ""));
            } catch (IOException | RuntimeException e) {
                // no archive then
            }
        }
        if (utf8 && archive.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!canRelaunch) {
            System.err.println("thidua: file names are read as " + System.getProperty("sun.jnu.encoding")
                    + ", not UTF-8 - Vietnamese names may fail: start thidua with LC_ALL=C.UTF-8");
            return OptionalInt.empty();
        }
        // bash copies the NUL-separated arguments exactly; exec keeps one process to signal. With the
        // archive: the caller's JVM options kept, ours before them, `-jar` the extracted jar.
        String run = archive.map(a -> {
            StringBuilder options = new StringBuilder();
            for (String option : a.options()) {
                options.append(' ').append(quoted(option));
            }
            int jar = a.jarOption();
            return "exec \"${argv[0]}\"" + options + " \"${argv[@]:1:" + (jar - 1) + "}\" -jar " + quoted(a.jar().toString())
                    + " \"${argv[@]:" + (jar + 2) + "}\"";
        }).orElse("exec \"${argv[@]}\"");
        ProcessBuilder again = new ProcessBuilder("/bin/bash", "-c",
                "mapfile -d '' -t argv < /proc/" + pid + "/cmdline && " + run).inheritIO();
        if (!utf8) {
            again.environment().put("LC_ALL", "C.UTF-8");
        }
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
            try {
                Runtime.getRuntime().removeShutdownHook(forward);
            } catch (IllegalStateException e) {
                // Shutting down already (a SIGTERM): the hook has passed it on and waited for the child.
            }
            return OptionalInt.of(code);
        } catch (IOException e) {
            System.err.println("thidua: could not start again in UTF-8 (" + e.getMessage() + "); going on as is");
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    /** {@code s} as one bash word. */
    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
