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

    private static Stream<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        }
    }
}
