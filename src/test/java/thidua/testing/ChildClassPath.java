package thidua.testing;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;

/**
 * The class path and JVM options of the child JVMs ({@link ChildJvm}), made once per test run.
 *
 * <p>Starting thidua costs a child some 5 CPU-seconds, a third of it loading and verifying
 * classes, and the fault tests start about twenty of them on two cores. So the children share a
 * dynamic class-data archive (JDK 17's AppCDS: {@code -XX:SharedArchiveFile}), recorded here by one
 * training run of {@code run} on four sample files (on a {@link SharedPostgres} database). CDS takes jars only, so the class folders are
 * packed into jars first. If anything of this fails, the children start as before, without it:
 * the archive only makes them start sooner.
 */
final class ChildClassPath {
    private static final Path DIR = Path.of("target", "child-cds").toAbsolutePath();

    /** The class path and the options for it, made by the first child's start. */
    record Launch(String classPath, List<String> options) {
    }

    private static volatile Launch launch;

    private ChildClassPath() {
    }

    static Launch get(List<String> jvmOptions) {
        Launch l = launch;
        if (l == null) {
            synchronized (ChildClassPath.class) {
                l = launch;
                if (l == null) {
                    l = prepare(jvmOptions);
                    launch = l;
                }
            }
        }
        return l;
    }

    private static Launch prepare(List<String> jvmOptions) {
        String plain = testClassPath();
        try {
            Files.createDirectories(DIR);
            String jars = jarred(plain);
            Path archive = DIR.resolve("thidua.jsa");
            Files.deleteIfExists(archive);
            train(jvmOptions, jars, archive);
            if (Files.size(archive) > 0) {
                return new Launch(jars, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off"));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("child JVMs start without a class-data archive: " + e);
        }
        return new Launch(plain, List.of());
    }

    /** Each class folder of the path packed into a jar under target/child-cds/, the jars kept as they are. */
    private static String jarred(String classPath) throws IOException {
        ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow(() -> new IOException("no jar tool"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                Path packed = DIR.resolve("classes-" + n++ + ".jar");
                Files.deleteIfExists(packed);
                StringWriter err = new StringWriter();
                int exit = jar.run(new PrintWriter(err), new PrintWriter(err), "cf", packed.toString(), "-C",
                        p.toString(), ".");
                if (exit != 0) {
                    throw new IOException("jar " + p + ": " + err);
                }
                entries.add(packed.toString());
            } else if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** One `run` of four valid files on a database of its own, recording every class it loads. */
    private static void train(List<String> jvmOptions, String classPath, Path archive) throws IOException {
        try (SharedPostgres db = SharedPostgres.start()) {
            train(jvmOptions, classPath, archive, db);
        }
    }

    private static void train(List<String> jvmOptions, String classPath, Path archive, SharedPostgres db)
            throws IOException {
        Path work = Files.createTempDirectory(DIR, "training");
        Path inbox = work.resolve("inbox");
        TestSubmissions.deliver(TestSubmissions.write(work.resolve("staging"), 4, true, "cds"), inbox);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-cp", classPath, "thidua.ThiduaApplication", "run",
                "--scheme", TestSubmissions.SCHEME.toAbsolutePath().toString(), "--inbox", inbox.toString(),
                "--period", "2024", "--out", work.resolve("out").toString(), "--data-dir", work.resolve("data").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(DIR.resolve("training.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_"));
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().putAll(db.env());
        try {
            Process p = builder.start();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly().waitFor();
                throw new IOException("the training run did not end: " + DIR.resolve("training.log"));
            }
            if (p.exitValue() != 0 || !Files.exists(archive)) {
                throw new IOException("the training run ended with " + p.exitValue() + ": " + DIR.resolve("training.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The class path of this test JVM; Surefire may hide it behind a manifest-only jar. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
