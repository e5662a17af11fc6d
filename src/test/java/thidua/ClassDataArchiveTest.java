package thidua;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When {@code java -jar thidua.jar} runs again with the class-data archive built beside it: only for
 * a command that ends, only with the archive made for exactly that jar and this JVM, the caller's
 * own JVM options kept after the archive's.
 */
class ClassDataArchiveTest {
    @TempDir
    Path dir;
    Path fat;
    Path archive;

    @BeforeEach
    void jarAndArchive() throws Exception {
        fat = Files.write(dir.resolve("thidua.jar"), new byte[] {1, 2, 3});
        Path cds = Files.createDirectories(dir.resolve(ClassDataArchive.FOLDER).resolve("app")).getParent();
        Files.write(cds.resolve("app").resolve("thidua.jar"), new byte[] {4});
        archive = Files.write(cds.resolve("thidua.jsa"), new byte[] {5, 6});
        Files.writeString(cds.resolve("stamp"), ClassDataArchive.stamp(fat, archive));
    }

    private List<String> commandLine(String... jvmOptions) {
        List<String> line = new java.util.ArrayList<>(List.of("java"));
        line.addAll(List.of(jvmOptions));
        line.addAll(List.of("-jar", fat.toString(), "status"));
        return line;
    }

    @Test
    void aCommandRunsAgainOnTheExtractedJarWithTheArchive() {
        var launch = ClassDataArchive.forCommand(new String[] {"status"}, commandLine("-Xmx256m"), fat.toString());
        assertThat(launch).isPresent();
        assertThat(launch.get().jarOption()).isEqualTo(2);
        assertThat(launch.get().jar()).isEqualTo(dir.resolve("thidua-cds/app/thidua.jar"));
        assertThat(launch.get().options()).contains("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
                "-XX:TieredStopAtLevel=1");
    }

    @Test
    void serveAndTheUsageTextRunAsTheyAlwaysDid() {
        assertThat(ClassDataArchive.forCommand(new String[] {"serve"}, commandLine(), fat.toString())).isEmpty();
        assertThat(ClassDataArchive.forCommand(new String[] {}, commandLine(), fat.toString())).isEmpty();
        assertThat(ClassDataArchive.forCommand(new String[] {"--help"}, commandLine(), fat.toString())).isEmpty();
    }

    @Test
    void anArchiveNotMadeForThisJarOrCutShortIsNotUsed() throws Exception {
        Files.setLastModifiedTime(fat, FileTime.fromMillis(Files.getLastModifiedTime(fat).toMillis() + 5_000));
        assertThat(ClassDataArchive.forCommand(new String[] {"status"}, commandLine(), fat.toString()))
                .as("the jar rebuilt since").isEmpty();
        Files.writeString(dir.resolve("thidua-cds/stamp"), ClassDataArchive.stamp(fat, archive));
        assertThat(ClassDataArchive.forCommand(new String[] {"status"}, commandLine(), fat.toString())).isPresent();
        Files.write(archive, new byte[] {5});
        assertThat(ClassDataArchive.forCommand(new String[] {"status"}, commandLine(), fat.toString()))
                .as("a cut-short archive").isEmpty();
    }

    @Test
    void notFromTheJarOrWithoutTheFolderNothingChanges() throws Exception {
        assertThat(ClassDataArchive.forCommand(new String[] {"status"}, commandLine(), "a.jar:b.jar")).isEmpty();
        assertThat(ClassDataArchive.forCommand(new String[] {"status"},
                List.of("java", "-cp", fat.toString(), "thidua.ThiduaApplication", "status"), fat.toString())).isEmpty();
        Files.delete(dir.resolve("thidua-cds/stamp"));
        assertThat(ClassDataArchive.forCommand(new String[] {"status"}, commandLine(), fat.toString())).isEmpty();
    }

    @Test
    void withAnAgentOrAFlightRecordingTheArchiveIsNotUsed() {
        // JDK 17 crashes (SIGSEGV) when a class-loading hook meets a class from a dynamic archive
        for (String option : List.of("-javaagent:/opt/agent.jar", "-agentlib:jdwp=transport=dt_socket",
                "-XX:StartFlightRecording=filename=x.jfr", "-Xshare:off")) {
            assertThat(ClassDataArchive.forCommand(new String[] {"status"}, commandLine(option), fat.toString()))
                    .as(option).isEmpty();
        }
        assertThat(ClassDataArchive.forCommand(new String[] {"status"}, commandLine("-Xmx256m"), fat.toString()))
                .isPresent();
    }

    @Test
    void everyCommandRunsWithTheQuickCompiler() throws Exception {
        for (String[] command : List.of(new String[] {"import", "--inbox", dir.toString()},
                new String[] {"consolidate", "--period", "2024"}, new String[] {"status"})) {
            assertThat(ClassDataArchive.forCommand(command, commandLine(), fat.toString()).orElseThrow().options())
                    .as(command[0]).contains("-XX:TieredStopAtLevel=1");
        }
    }

    @Test
    void theCommandLineIsSplitAtItsNulBytes() {
        byte[] bytes = "java\0-jar\0target/thidua.jar\0status\0".getBytes(StandardCharsets.UTF_8);
        assertThat(ClassDataArchive.commandLine(bytes)).containsExactly("java", "-jar", "target/thidua.jar", "status");
    }
}
