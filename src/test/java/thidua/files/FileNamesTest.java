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
        for (String step : new String[] {"..", ".", "", "x/..", "/"}) {
            assertThat(root.resolve(FileNames.segment(step)).normalize().getParent()).as(step).isEqualTo(root);
        }
    }

    @Test
    void aPartKeepsACodeReadableAndMakesAnythingElseHarmless() {
        assertThat(FileNames.part("PC04")).isEqualTo("PC04");
        assertThat(FileNames.part("CATP.HS")).isEqualTo("CATP.HS");
        assertThat(FileNames.part("2024-6T")).isEqualTo("2024-6T");
        assertThat(FileNames.part(" CAH.ĐL ")).isEqualTo("CAH.DL"); // diacritics dropped, Đ as D
        assertThat(FileNames.part("../x")).isEqualTo("x");
        assertThat(FileNames.part("../../etc/passwd")).isEqualTo("etc_passwd");
        assertThat(FileNames.part("=HYPERLINK(\"http://x\")")).isEqualTo("HYPERLINK__http___x");
        assertThat(FileNames.part("a\u0000b\nc")).isEqualTo("a_b_c");
        assertThat(FileNames.part("x".repeat(500))).hasSize(FileNames.MAX_PART);
        for (String nothing : new String[] {null, "", "   ", "..", ".", "___", "=", "/"}) {
            assertThat(FileNames.part(nothing)).as(String.valueOf(nothing)).isEmpty();
        }
        Path root = Path.of("/srv/rejected");
        for (String hostile : new String[] {"../x", "..", "/etc", "a/../../b", "=1+1", "-rf", "~root"}) {
            String part = FileNames.part(hostile);
            assertThat(part).as(hostile).matches("[A-Za-z0-9][A-Za-z0-9._-]*|");
            assertThat(root.resolve("000001-" + part + ".xlsx").getParent()).isEqualTo(root);
        }
    }
}
