package thidua.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void aSegmentStaysDirectlyUnderTheFolderItIsResolvedIn() {
        Path root = Path.of("/srv/out");
        assertThat(FileNames.segment("2024")).isEqualTo("2024");
        assertThat(FileNames.segment("Q1.2024")).isEqualTo("Q1.2024");
        assertThat(root.resolve(FileNames.segment("../../etc/passwd"))).isEqualTo(Path.of("/srv/out/passwd"));
        assertThat(root.resolve(FileNames.segment("/tmp/x")).getParent()).isEqualTo(root);
    }
}
