package thidua.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.testing.ChildJvm;
import thidua.testing.ChildProcessesTest;
import thidua.testing.SharedPostgres;
import thidua.testing.TestSubmissions;
import thidua.testing.Web;
import thidua.testing.Web.Answer;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, isolation: through a real `serve` at a small heap (the start line of
 * {@link ChildJvm}: -Xmx384m, -XX:+ExitOnOutOfMemoryError), a workbook within every limit
 * of the pre-check that POI would need ~400 MB to load, and one that takes longer than
 * the time budget (500 ms here), are each rejected with their own code and kept with their
 * error report; afterwards serve still answers health (the `import` component DEGRADED
 * with the counts) and the API, and its heartbeat goes on.
 */
@ChildProcessesTest
class CostlyFileThroughServeTest {
    private static final Pattern SERVING = Pattern.compile("serve: scheduler started; console \\S+ ; API http://[^:]+:(\\d+)/api");
    private static final String ADMIN = "quantri";
    private static final String PASSWORD = "Mat-khau-quan-tri-1";

    @TempDir
    Path work;

    @Test
    void aFileTooCostlyToReadAndOneTooSlowAreRejectedWithTheirCodesAndServeStaysHealthy() throws Exception {
        // 2 sheets × 5,000 rows × 120 numbers: ~20 MB of sheet XML, a few MB on disk
        Path costly = CostlyWorkbooks.write(work.resolve("PA01-2024.xlsx"), 2, 5_000, 120);
        // ~3 MB of sheet XML, 196,000 cells (under the 200,000-cell limit of a sheet, so only the
        // clock can refuse it): fits the heap share, takes seconds to load
        Path slow = CostlyWorkbooks.write(work.resolve("PA02-2024.xlsx"), 1, 4_900, 40);
        Path inbox = Files.createDirectories(work.resolve("inbox"));

        try (SharedPostgres db = SharedPostgres.start()) {
            db.addUser(ADMIN, "ADMIN", PASSWORD);
            try (ChildJvm serve = ChildJvm.start("serve", ChildJvm.logFile(getClass(), "serve"), db.env(), Map.of(
                            "server.port", "0",
                            "thidua.jobs-dir", Files.createDirectories(work.resolve("jobs")).toString(),
                            "thidua.inbox-dir", inbox.toString(),
                            "thidua.parse-timeout", "300ms"),
                    "serve", "--data-dir", work.resolve("d2").toString())) {
                int port = Integer.parseInt(serve.awaitOutput(SERVING, Duration.ofMinutes(3)).group(1));
                Web admin = Web.at(port).basic(ADMIN, PASSWORD);

                JsonNode tooCostly = verdict(admin, costly);
                assertThat(tooCostly.path("status").asString()).isEqualTo("REJECTED");
                assertThat(codes(tooCostly)).containsExactly("E-FILE-TOO-COSTLY");
                JsonNode tooSlow = verdict(admin, slow);
                assertThat(tooSlow.path("status").asString()).isEqualTo("REJECTED");
                assertThat(codes(tooSlow)).containsExactly("E-FILE-TIMEOUT");
                assertThat(tooCostly.path("errors").get(0).path("message").asString() + tooSlow)
                        .doesNotContain("Exception", "Error", work.toString());
                OffsetDateTime afterwards = db.jdbc().sql("SELECT now()").query(OffsetDateTime.class).single();

                // Still fully up: health answers 200, the import component says why, without a path.
                Answer health = admin.get("/actuator/health");
                assertThat(health.status()).as(health.toString()).isEqualTo(200);
                assertThat(health.json().path("status").asString()).isEqualTo("UP");
                JsonNode imports = health.json().path("components").path("import");
                assertThat(imports.path("status").asString()).isEqualTo("DEGRADED");
                assertThat(imports.path("details").path("rejectedTooCostly").asLong()).isEqualTo(1);
                assertThat(imports.path("details").path("rejectedTimeout").asLong()).isEqualTo(1);
                assertThat(health.text()).doesNotContain(work.toString());
                Answer listed = admin.get("/api/imports");
                assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
                assertThat(listed.json().findValuesAsString("status")).containsOnly("REJECTED").hasSize(2);
                ChildJvm.await("a heartbeat after the costly files", Duration.ofSeconds(60), () -> db.count(
                        "SELECT count(*) FROM thidua_process WHERE pid = ? AND heartbeat_at > ?",
                        serve.pid(), afterwards) == 1);
                assertThat(serve.isAlive()).isTrue();

                // Kept like any rejected file: each original byte for byte, beside its error report.
                List<Path> rejected;
                try (Stream<Path> files = Files.walk(work.resolve("rejected"))) {
                    rejected = files.filter(Files::isRegularFile).toList();
                }
                assertThat(rejected.stream().filter(p -> !p.toString().endsWith(".loi.xlsx")).map(TestSubmissions::sha256))
                        .containsExactlyInAnyOrder(TestSubmissions.sha256(costly), TestSubmissions.sha256(slow));
                assertThat(rejected.stream().filter(p -> p.toString().endsWith(".loi.xlsx"))).hasSize(2);
            }
        }
    }

    private static JsonNode verdict(Web admin, Path file) throws Exception {
        Answer answer = admin.upload("/api/uploads", "file",
                List.of(new Web.FilePart(file.getFileName().toString(), Files.readAllBytes(file))));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get(0);
    }

    private static List<String> codes(JsonNode verdict) {
        return verdict.path("errors").findValuesAsString("code");
    }
}
