package thidua.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void aFileItsBytesAndTheSameBytesStreamedPieceByPieceHashAlike() throws IOException {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        MessageDigest streamed = Sha256.newDigest();
        streamed.update(abc, 0, 1);
        streamed.update(abc, 1, 2);
        assertThat(Sha256.of(abc)).isEqualTo(ABC);
        assertThat(Sha256.of(Files.write(dir.resolve("abc"), abc))).isEqualTo(ABC);
        assertThat(Sha256.hex(streamed)).isEqualTo(ABC);
    }
}
