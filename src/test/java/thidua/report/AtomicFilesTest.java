package thidua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void createsTheFolderAndReplacesAnExistingFile() throws IOException {
        Path target = dir.resolve("a/b/out.xlsx");
        AtomicFiles.write(target, out -> out.write("cũ".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(target, out -> out.write("mới".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("mới");
        assertThat(names(target.getParent())).containsExactly("out.xlsx");
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.xlsx");
        Files.writeString(target, "cũ");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("nửa".getBytes(StandardCharsets.UTF_8));
            throw new IOException("hỏng giữa chừng");
        })).hasMessage("hỏng giữa chừng");
        assertThat(Files.readString(target)).isEqualTo("cũ");
        assertThat(names(dir)).containsExactly("out.xlsx");
    }

    @Test
    void theFileGetsThePermissionsOfAnyNewFileInItsFolderNotOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path target = AtomicFiles.write(dir.resolve("out.pdf"), out -> out.write(1));
        Path plain = Files.createFile(dir.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    private static Stream<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        }
    }
}
