package thidua.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFilesTest {

    @TempDir
    Path dir;

    @Test
    void createsTheFolderAndTheFileWithItsBytesAndNothingElse() throws IOException {
        Path target = dir.resolve("a/b/out.xlsx");
        assertThat(SafeFiles.create(target, "nội dung".getBytes(StandardCharsets.UTF_8))).isEqualTo(target);
        assertThat(Files.readString(target)).isEqualTo("nội dung");
        assertThat(names(target.getParent())).containsExactly("out.xlsx");
    }

    @Test
    void writesWhatTheCallbackWrites() throws IOException {
        Path target = SafeFiles.create(dir.resolve("out.bin"), out -> {
            out.write(new byte[] {1, 2});
            out.write(3);
        });
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    }

    @Test
    void neverOverwritesAnExistingFile() throws IOException {
        Path target = dir.resolve("out.xlsx");
        Files.writeString(target, "cũ");
        assertThatThrownBy(() -> SafeFiles.create(target, "mới".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileAlreadyExistsException.class);
        Path source = Files.writeString(dir.resolve("source"), "mới");
        assertThatThrownBy(() -> SafeFiles.copy(source, target)).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> SafeFiles.copyKeepingTime(source, target))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("cũ");
        assertThat(names(dir)).containsExactly("out.xlsx", "source");
    }

    @Test
    void aFailedWriteLeavesNoFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.xlsx");
        assertThatThrownBy(() -> SafeFiles.create(target, out -> {
            out.write("nửa".getBytes(StandardCharsets.UTF_8));
            throw new IOException("hỏng giữa chừng");
        })).hasMessage("hỏng giữa chừng");
        assertThatThrownBy(() -> SafeFiles.copy(dir.resolve("không-có"), target)).isInstanceOf(IOException.class);
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void aFailedReplaceLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.xlsx");
        Files.writeString(target, "cũ");
        assertThatThrownBy(() -> SafeFiles.replace(target, out -> {
            out.write("nửa".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("hỏng giữa chừng");
        })).hasMessage("hỏng giữa chừng");
        assertThat(Files.readString(target)).isEqualTo("cũ");
        assertThat(names(dir)).containsExactly("out.xlsx");
    }

    @Test
    void replaceWritesTheNewContentWhole() throws IOException {
        Path target = dir.resolve("out/bang-diem.xlsx");
        SafeFiles.replace(target, out -> out.write("cũ".getBytes(StandardCharsets.UTF_8)));
        SafeFiles.replace(target, out -> out.write("mới".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("mới");
        assertThat(names(target.getParent())).containsExactly("bang-diem.xlsx");
    }

    @Test
    void aCopyHasTheSourcesBytesDatedNowOrKeepingTheSourcesTime() throws IOException {
        Path source = Files.write(dir.resolve("source.xlsx"), new byte[] {0, 1, 2, (byte) 255});
        FileTime arrival = FileTime.from(Instant.parse("2025-01-02T03:04:05Z"));
        Files.setLastModifiedTime(source, arrival);
        Path kept = SafeFiles.copyKeepingTime(source, dir.resolve("archive/kept.xlsx"));
        Path plain = SafeFiles.copy(source, dir.resolve("outbox/plain.xlsx"));
        assertThat(Files.readAllBytes(kept)).containsExactly(0, 1, 2, 255);
        assertThat(Files.readAllBytes(plain)).containsExactly(0, 1, 2, 255);
        assertThat(Files.getLastModifiedTime(kept)).isEqualTo(arrival);
        assertThat(Files.getLastModifiedTime(plain).toInstant()).isAfter(Instant.now().minusSeconds(60));
        assertThat(names(dir.resolve("archive"))).containsExactly("kept.xlsx");
        assertThat(names(dir.resolve("outbox"))).containsExactly("plain.xlsx");
    }

    @Test
    void everyFileGetsThePermissionsOfAnyNewFileNotOwnerOnlyNorTheSources() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        Path source = Files.writeString(dir.resolve("source"), "x");
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-------"));
        List<Path> written = List.of(
                SafeFiles.create(dir.resolve("created"), new byte[] {1}),
                SafeFiles.copy(source, dir.resolve("copied")),
                SafeFiles.copyKeepingTime(source, dir.resolve("kept")),
                SafeFiles.replace(dir.resolve("replaced"), out -> out.write(1)));
        for (Path p : written) {
            assertThat(Files.getPosixFilePermissions(p)).as(p.toString())
                    .isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    @Test
    void removesTheTemporariesOfOneTargetOnly() throws IOException {
        Path target = dir.resolve("000001-abc.xlsx");
        Files.writeString(dir.resolve(".000001-abc.xlsx.k3j2.tmp"), "nửa");
        Files.writeString(dir.resolve(".000002-abc.xlsx.k3j2.tmp"), "của tệp khác");
        Files.writeString(target, "đủ");
        assertThat(SafeFiles.removeTemporaries(target)).isEqualTo(1);
        assertThat(names(dir)).containsExactly(".000002-abc.xlsx.k3j2.tmp", "000001-abc.xlsx");
        assertThat(SafeFiles.removeTemporaries(dir.resolve("không-có/x.xlsx"))).isZero();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
