package thidua.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A thidua command in a JVM of its own ({@code java -cp <test class path>
 * thidua.ThiduaApplication ARGS}), as a user or a service manager starts it: its output
 * goes to a file the test reads; it can be stopped cleanly (SIGTERM) or killed
 * ({@link #kill}: SIGKILL, like {@code kill -9}).
 */
public final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param props system properties ({@code -Dkey=value}) for the child
     * @param env   extra environment variables (the database); a null value removes one
     * @param args  the command line, e.g. {@code import --inbox DIR --data-dir DIR}
     */
    public static ChildJvm start(String name, Path log, Map<String, String> env, Map<String, String> props,
                                 String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A small heap and the quick compiler: several of these share two cores with the tests.
        List<String> options = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-XX:+ExitOnOutOfMemoryError"); // as in production (README)
        ChildClassPath.Launch launch = ChildClassPath.get(options);
        command.addAll(options);
        command.addAll(launch.options());
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", launch.classPath(), "thidua.ThiduaApplication"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_"));
        // A UTF-8 locale, so that thidua does not start itself again (Utf8Relaunch): kill() kills the one JVM.
        builder.environment().put("LC_ALL", "C.UTF-8");
        // A null value removes the variable (LANG unset, as a service manager starts thidua).
        env.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        try {
            Files.createDirectories(log.getParent());
            return new ChildJvm(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a child's output is kept after the test, for a look when it fails: target/child-logs/TEST/NAME.log. */
    public static Path logFile(Class<?> test, String name) {
        return Path.of("target", "child-logs", test.getSimpleName(), name + ".log").toAbsolutePath();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The first match of {@code pattern} in the output, waiting for it; fails if the JVM ends first. */
    public Matcher awaitOutput(Pattern pattern, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher m = pattern.matcher(output());
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended (exit " + process.exitValue() + ") before printing "
                        + pattern + ":\n" + tail());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(name + ": no " + pattern + " within " + timeout + ":\n" + tail());
            }
            sleep(200);
        }
    }

    /** Waits for the JVM to end and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running after " + timeout + ":\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGTERM, as a service manager stopping it; returns at once (see {@link #awaitExit}). */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no clean-up, connections cut. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** The end of the output, for failure messages. */
    public String tail() {
        String out = output();
        return out.length() <= 6000 ? out : "…" + out.substring(out.length() - 6000);
    }

    /** Stops the JVM cleanly (SIGTERM: Spring closes the context), killing it if it does not end. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Polls {@code condition} until it holds; fails with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition, () -> "");
    }

    /** As {@link #await(String, Duration, BooleanSupplier)}, saying {@code state} when it fails. */
    public static void await(String what, Duration timeout, BooleanSupplier condition,
                             java.util.function.Supplier<String> state) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout + ": " + what + "\n" + state.get());
            }
            sleep(250);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
