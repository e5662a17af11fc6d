package thidua;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The class-data archive that {@code ./mvnw package} builds beside the fat jar
 * ({@code target/thidua-cds/}: the jar extracted into plain jars, and a dynamic CDS archive of the
 * classes a training run loaded; {@code src/build/cds-archive.sh}, docs/startup.md). A JVM cannot
 * be given {@code -XX:SharedArchiveFile} from inside a jar, so a command started with
 * {@code java -jar target/thidua.jar} runs again on the extracted jars with the archive
 * ({@link Utf8Relaunch} starts it). Only when the archive was made for exactly this jar (its size
 * and modification time) and this JVM; otherwise, or for {@code serve}, nothing changes.
 */
final class ClassDataArchive {
    static final String FOLDER = "thidua-cds";
    /** The commands that start, do their work and end (not serve, not the usage text). */
    private static final Set<String> COMMANDS = Set.of("scheme", "import", "consolidate", "run", "status", "rerun", "user");
    /**
     * How to run again: the index of {@code -jar} in this JVM's command line, the options to put
     * before the caller's own JVM options (the caller's come after and win), and the jar to run.
     */
    record Launch(int jarOption, List<String> options, Path jar) {
    }

    private ClassDataArchive() {
    }

    /**
     * The relaunch with the archive, when there is one for the jar on {@code classPath} and this JVM
     * and the command is one that ends; {@code commandLine} is this JVM's, {@code args} the command's.
     */
    static Optional<Launch> forCommand(String[] args, List<String> commandLine, String classPath) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            return Optional.empty();
        }
        try {
            if (classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
                return Optional.empty();
            }
            Path fat = Path.of(classPath).toAbsolutePath();
            Path dir = fat.resolveSibling(FOLDER);
            Path archive = dir.resolve("thidua.jsa");
            Path jar = dir.resolve("app").resolve("thidua.jar");
            Path stamp = dir.resolve("stamp");
            if (!Files.isRegularFile(fat) || !Files.isRegularFile(archive) || !Files.isRegularFile(jar)
                    || !Files.isRegularFile(stamp) || !Files.readString(stamp).equals(stamp(fat, archive))) {
                return Optional.empty();
            }
            int jarOption = commandLine.indexOf("-jar");
            if (jarOption < 1 || jarOption + 1 >= commandLine.size()
                    || !Files.isSameFile(Path.of(commandLine.get(jarOption + 1)), fat)) {
                return Optional.empty();
            }
            if (hooksClassLoading(commandLine.subList(1, jarOption))
                    || hooksClassLoading(List.of(String.valueOf(System.getenv("JAVA_TOOL_OPTIONS")).split("\\s+")))
                    || hooksClassLoading(List.of(String.valueOf(System.getenv("JDK_JAVA_OPTIONS")).split("\\s+")))) {
                return Optional.empty();
            }
            List<String> options = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            // The quick compiler only (C1), for every command: on 2 cores the optimizing one costs more
            // than it gains even in long work (import of 2,100 files: 18.5 s wall, 33.6 CPU-s with it,
            // 12.2 s and 17.2 CPU-s without; consolidation of 2,000 units: 8.5 s and 15.7 CPU-s, 5.6 s and 8.1).
            options.add("-XX:TieredStopAtLevel=1");
            return Optional.of(new Launch(jarOption, List.copyOf(options), jar));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // only a faster start is lost
        }
    }

    /**
     * Whether these JVM options watch classes as they load (an agent, a flight recording): JDK 17
     * crashes (SIGSEGV in {@code KlassFactory::check_shared_class_file_load_hook}) when such a hook
     * meets a class from a dynamic archive, so then the command runs as it is, without the archive.
     */
    static boolean hooksClassLoading(List<String> options) {
        return options.stream().anyMatch(o -> o.startsWith("-javaagent") || o.startsWith("-agentlib")
                || o.startsWith("-agentpath") || o.startsWith("-XX:StartFlightRecording")
                || o.startsWith("-XX:+FlightRecorder") || o.startsWith("-Xshare:off"));
    }

    /**
     * What {@code cds-archive.sh} writes into {@code stamp}: the jar it was made from, the JVM it was
     * made for, and the archive's size (a JVM given a cut-short archive crashes: such a one is never used).
     */
    static String stamp(Path fat, Path archive) throws IOException {
        return "jar " + Files.size(fat) + " " + Files.getLastModifiedTime(fat).to(TimeUnit.SECONDS) + "\n"
                + "jvm " + System.getProperty("java.home") + " " + System.getProperty("java.vm.version") + "\n"
                + "jsa " + Files.size(archive) + "\n";
    }

    /** This JVM's command line as the kernel has it ({@code /proc/self/cmdline}), read in the platform's encoding. */
    static List<String> commandLine(byte[] cmdline) {
        Charset charset;
        try {
            charset = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            charset = Charset.defaultCharset();
        }
        List<String> args = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                args.add(new String(cmdline, from, i - from, charset));
                from = i + 1;
            }
        }
        return args;
    }
}
