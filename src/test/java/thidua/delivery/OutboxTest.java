package thidua.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outbox folders: versioned names, and never a file overwritten. */
class OutboxTest {
    @TempDir
    Path dir;

    @Test
    void version1KeepsTheNameAndLaterVersionsGetVnBeforeTheExtension() {
        assertThat(Outbox.versionedName("bang-diem-2024.xlsx", 1)).isEqualTo("bang-diem-2024.xlsx");
        assertThat(Outbox.versionedName("bang-diem-2024.xlsx", 2)).isEqualTo("bang-diem-2024.v2.xlsx");
        assertThat(Outbox.versionedName("bao-cao-Q1.2024.pdf", 3)).isEqualTo("bao-cao-Q1.2024.v3.pdf");
        assertThat(Outbox.versionedName("README", 2)).isEqualTo("README.v2");
    }

    @Test
    void theFolderIsRecipientThenPeriod() {
        Outbox outbox = new Outbox(dir.resolve("outbox"));
        assertThat(outbox.folder("bgd-giam-doc", "2024"))
                .isEqualTo(dir.resolve("outbox").toAbsolutePath().normalize().resolve("bgd-giam-doc").resolve("2024"));
    }

    @Test
    void aFileIsCopiedAndAnUnrecordedCopyWithTheSameContentIsTakenAsIt() throws IOException {
        Outbox outbox = new Outbox(dir.resolve("outbox"));
        Path folder = outbox.folder("a", "2024");
        Path source = Files.writeString(Files.createDirectories(dir.resolve("out")).resolve("tong-hop-2024.csv"), "1;2");
        String fp = Fingerprint.of(source);

        Outbox.Placed first = outbox.place(source, fp, folder, 1);
        assertThat(first).isEqualTo(new Outbox.Placed(1, folder.resolve("tong-hop-2024.csv")));
        assertThat(Files.readString(first.path())).isEqualTo("1;2");
        // A run that copied the file and stopped before recording it: the same file again is the same version.
        assertThat(outbox.place(source, fp, folder, 1)).isEqualTo(first);
        assertThat(names(folder)).containsExactly("tong-hop-2024.csv");
    }

    @Test
    void aCopyIsReadableLikeAnyNewFileNotByItsOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Outbox outbox = new Outbox(dir.resolve("outbox"));
        Path source = Files.writeString(Files.createDirectories(dir.resolve("out")).resolve("bao-cao-2024.pdf"), "%PDF-");
        Path plain = Files.createFile(dir.resolve("plain"));

        Outbox.Placed placed = outbox.place(source, Fingerprint.of(source), outbox.folder("a", "2024"), 1);

        assertThat(Files.getPosixFilePermissions(placed.path())).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aFileAlreadyThereWithOtherContentIsNeverOverwritten() throws IOException {
        Outbox outbox = new Outbox(dir.resolve("outbox"));
        Path folder = Files.createDirectories(outbox.folder("a", "2024"));
        Files.writeString(folder.resolve("tong-hop-2024.v2.csv"), "cũ");
        Path source = Files.writeString(Files.createDirectories(dir.resolve("out")).resolve("tong-hop-2024.csv"), "mới");

        Outbox.Placed placed = outbox.place(source, Fingerprint.of(source), folder, 2);

        assertThat(placed).isEqualTo(new Outbox.Placed(3, folder.resolve("tong-hop-2024.v3.csv")));
        assertThat(Files.readString(folder.resolve("tong-hop-2024.v2.csv"))).isEqualTo("cũ");
        assertThat(Files.readString(placed.path())).isEqualTo("mới");
        assertThat(names(folder)).containsExactly("tong-hop-2024.v2.csv", "tong-hop-2024.v3.csv");
    }

    private static java.util.List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
