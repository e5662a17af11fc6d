package thidua.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outputs of a period are replaced as one set, and what a killed run left is removed by the next. */
class FolderSetTest {

    @TempDir
    Path out;

    @Test
    void aNewSetReplacesTheWholeOldOneAndLeavesOnlyTheLinkAndItsVersion() throws IOException {
        Path period = out.resolve("2024");
        write(period, "old");
        write(period, "new");
        assertThat(Files.isSymbolicLink(period)).isTrue();
        assertThat(Files.readString(period.resolve("bang-diem-2024.xlsx"))).isEqualTo("new");
        assertThat(Files.readString(period.resolve("tong-hop-2024.xlsx"))).isEqualTo("new");
        assertThat(names(out)).hasSize(2).contains("2024");
        assertThat(FolderSet.current(period)).hasValueSatisfying(v -> assertThat(names(v))
                .containsExactly("bang-diem-2024.xlsx", "tong-hop-2024.xlsx"));
    }

    @Test
    void aPlainFolderFromBeforeBecomesTheFirstVersionAndItsTemporaryFilesGo() throws IOException {
        Path period = out.resolve("2024");
        Files.createDirectories(period);
        Files.writeString(period.resolve("bang-diem-2024.xlsx"), "old");
        Files.writeString(period.resolve(".bang-diem-2024.xlsx.k3j2.tmp"), "");
        assertThat(FolderSet.current(period)).contains(period);
        write(period, "new");
        assertThat(Files.readString(period.resolve("bang-diem-2024.xlsx"))).isEqualTo("new");
        assertThat(names(out)).hasSize(2);
    }

    @Test
    void versionsAndLinksOfAnInterruptedRunAreRemovedByTheNextOneButNotAnotherPeriods() throws IOException {
        Path period = out.resolve("2024");
        write(period, "old");
        Path killed = FolderSet.newVersion(period);
        Files.writeString(killed.resolve("bang-diem-2024.xlsx"), "half");
        Files.createSymbolicLink(out.resolve(killed.getFileName() + "-link"), killed.getFileName());
        write(out.resolve("2024.6T"), "other");
        assertThat(Files.readString(period.resolve("bang-diem-2024.xlsx"))).isEqualTo("old");
        assertThat(FolderSet.removeLeftovers(period)).isEqualTo(2);
        assertThat(Files.readString(period.resolve("bang-diem-2024.xlsx"))).isEqualTo("old");
        assertThat(Files.readString(out.resolve("2024.6T").resolve("bang-diem-2024.xlsx"))).isEqualTo("other");
        assertThat(names(out)).hasSize(4);
    }

    @Test
    void aLinkToAnythingElseIsNotAPeriodFolder() throws IOException {
        Files.createSymbolicLink(out.resolve("2024"), Path.of("/etc"));
        Files.createDirectories(out.resolve("x"));
        Files.createSymbolicLink(out.resolve("2023"), Path.of("x"));
        assertThat(FolderSet.current(out.resolve("2024"))).isEmpty();
        assertThat(FolderSet.current(out.resolve("2023"))).isEmpty();
    }

    @Test
    void aFailedWriteIsDiscardedAndTheCurrentSetStays() throws IOException {
        Path period = out.resolve("2024");
        write(period, "old");
        Path failed = FolderSet.newVersion(period);
        Files.writeString(failed.resolve("bang-diem-2024.xlsx"), "half");
        FolderSet.discard(period, failed);
        FolderSet.discard(period, FolderSet.current(period).orElseThrow());
        assertThat(Files.readString(period.resolve("bang-diem-2024.xlsx"))).isEqualTo("old");
        assertThat(names(out)).hasSize(2);
    }

    private static void write(Path period, String content) throws IOException {
        Path version = FolderSet.newVersion(period);
        for (String name : List.of("bang-diem-2024.xlsx", "tong-hop-2024.xlsx")) {
            SafeFiles.replace(version.resolve(name), o -> o.write(content.getBytes()));
        }
        FolderSet.switchTo(period, version);
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
