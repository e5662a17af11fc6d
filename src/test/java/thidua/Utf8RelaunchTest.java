package thidua;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.testing.ChildJvm;
import thidua.testing.ChildProcessesTest;
import thidua.testing.SharedPostgres;
import thidua.testing.TestSubmissions;

/**
 * thidua started with no locale at all (LANG, LC_ALL unset: a service manager's default,
 * where Java 17 reads file names as ASCII): a Vietnamese file name and a name holding a
 * byte that is not UTF-8 are imported like any other, and the console's Vietnamese stays
 * Vietnamese.
 */
@ChildProcessesTest
class Utf8RelaunchTest {
    @TempDir
    Path work;

    @Test
    void vietnameseAndNonUtf8FileNamesAreImportedWithTheLocaleUnset() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.copy(TestSubmissions.SAMPLES.resolve("2024").resolve("PC08-2024.xlsx"), inbox.resolve("Công an Phường.xlsx"));
        // A byte that is not UTF-8 (a name from an old Windows share): only a shell can spell it from here.
        Process cp = new ProcessBuilder("bash", "-c", "cp \"$0\" \"$1/$(printf 'PC09-\\xff.xlsx')\"",
                TestSubmissions.SAMPLES.resolve("2024").resolve("PC09-2024.xlsx").toAbsolutePath().toString(),
                inbox.toString()).inheritIO().start();
        assertThat(cp.waitFor()).isZero();
        Map<String, String> noLocale = new HashMap<>();
        for (String variable : new String[] {"LANG", "LC_ALL", "LC_CTYPE", "LANGUAGE"}) {
            noLocale.put(variable, null);
        }
        try (SharedPostgres db = SharedPostgres.start();
             ChildJvm run = ChildJvm.start("run", ChildJvm.logFile(getClass(), "run"), withDatabase(noLocale, db), Map.of(),
                "run", "--scheme", TestSubmissions.SCHEME.toAbsolutePath().toString(), "--inbox", inbox.toString(),
                "--period", "2024", "--out", work.resolve("out").toString(),
                "--data-dir", work.resolve("data").toString())) {
            assertThat(run.awaitExit(Duration.ofMinutes(4))).as(run.tail()).isZero();
            assertThat(run.output())
                    .contains("Công an Phường.xlsx: đã nhận, lưu số #")
                    .contains("PC09-\uFFFD.xlsx: đã nhận, lưu số #")
                    .contains("import: 2 accepted, 0 rejected, 0 duplicate")
                    .contains("chỉ tiêu")
                    .doesNotContain("InvalidPathException").doesNotContain("Exception");
        }
        try (var left = Files.list(inbox)) {
            assertThat(left).isEmpty();
        }
    }

    /** The locale variables removed, and the database of the test (not an embedded one to set up). */
    private static Map<String, String> withDatabase(Map<String, String> env, SharedPostgres db) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(db.env());
        return all;
    }
}
