package thidua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.access.Role;
import thidua.access.Users;
import thidua.batch.BatchRuns;
import thidua.testing.Database;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaWebSpringTest;
import thidua.testing.Web;
import thidua.testing.Web.Answer;

/**
 * `GET /api/outputs/{period}/{file}` hands out exactly the files the output listing shows:
 * a real output comes back byte for byte as an attachment (and its download is audited);
 * every way of naming another file (dot segments plain, encoded in either case or with a
 * path parameter, an encoded slash, an absolute path, a NUL, a hidden or unlisted file) is
 * 400 or 404 and never carries that file's bytes.
 */
@ThiduaWebSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputDownloadTest {
    private static final String DATA_DIR = ThiduaWebSpringTest.DATA_DIR;
    private static final Path DATA = Path.of(DATA_DIR).toAbsolutePath();
    private static final Path OUT = DATA.resolve("out");
    private static final String PASSWORD = "Mat-khau-thu-nghiem-1";
    /** In files beside the outputs that no one may download through the API. */
    private static final String SECRET = "bi-mat-khong-duoc-tai";

    @LocalServerPort
    int port;
    @Autowired
    BatchRuns runs;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    private Web leader;

    @BeforeAll
    void outputsAndSecrets() throws Exception {
        Database.reset(jdbc, DATA_DIR);
        assertThat(runs.scheme(TestSubmissions.SCHEME).ok()).isTrue();
        assertThat(runs.consolidate("2024", OUT).ok()).isTrue();
        users.add("lanhdao", Role.LEADER, null, null, PASSWORD, false, Users.Actor.TERMINAL);
        // Beside the data dir, in the output root (no period), hidden in the period's folder, and one up.
        for (Path secret : List.of(DATA.resolve("secret.txt"), OUT.resolve("secret.txt"),
                OUT.resolve("2024").resolve(".secret.txt"), DATA.getParent().resolve("secret.txt"))) {
            Files.writeString(secret, SECRET);
        }
        leader = Web.at(port).basic("lanhdao", PASSWORD);
    }

    @Test
    void aListedOutputComesBackByteForByteAsAnAttachment() throws Exception {
        Answer a = leader.get("/api/outputs/2024/bang-diem-2024.xlsx");

        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.body()).isEqualTo(Files.readAllBytes(OUT.resolve("2024/bang-diem-2024.xlsx")));
        assertThat(a.header("Content-Disposition").orElse("")).startsWith("attachment;")
                .contains("bang-diem-2024.xlsx");
        assertThat(a.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(jdbc.sql("SELECT target FROM audit_event WHERE action = 'DOWNLOAD_OUTPUT' AND login = 'lanhdao'")
                .query(String.class).list()).containsExactly("2024/bang-diem-2024.xlsx");
        // The listing names it, and the other outputs of the period, by name only.
        assertThat(leader.get("/api/outputs").json().findValuesAsString("file"))
                .containsExactly("bang-diem-2024.xlsx", "bao-cao-2024.pdf", "tong-hop-2024.xlsx");
    }

    @Test
    void noOtherNameReachesAFile() {
        long auditBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
        List<String> paths = List.of(
                "/api/outputs/2024/..%2Fsecret.txt",
                "/api/outputs/2024/%2e%2e%2f%2e%2e%2fsecret.txt",
                "/api/outputs/%2e%2e/secret.txt",
                "/api/outputs/%2E%2E/%2E%2E/secret.txt",
                "/api/outputs/2024/..;/secret.txt",
                "/api/outputs/2024/..;/..;/secret.txt",
                "/api/outputs/2024/../secret.txt",
                "/api/outputs/../out/secret.txt",
                "/api/outputs/2024/%2F" + DATA.resolve("secret.txt").toString().substring(1).replace("/", "%2F"),
                "/api/outputs/2024/" + DATA.resolve("secret.txt").getFileName(),
                "/api/outputs/2024/.secret.txt",
                "/api/outputs/2024/bang-diem-2024.xlsx%00.txt",
                "/api/outputs/2024/khong-co.xlsx",
                "/api/outputs/2023/bang-diem-2024.xlsx");
        for (String path : paths) {
            Answer a = leader.get(path);
            assertThat(a.status()).as(a.toString()).isIn(400, 404);
            assertThat(new String(a.body(), StandardCharsets.UTF_8)).as(path).doesNotContain(SECRET);
        }
        // Those that reach the API's handler say why, in its JSON.
        for (String path : List.of("/api/outputs/2024/khong-co.xlsx", "/api/outputs/2024/.secret.txt",
                "/api/outputs/2024/secret.txt", "/api/outputs/2023/bang-diem-2024.xlsx")) {
            Answer a = leader.get(path);
            assertThat(a.status()).as(a.toString()).isEqualTo(404);
            assertThat(a.json().path("error").asString()).as(path).startsWith("không có tệp kết quả");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE id > ? AND action = 'DOWNLOAD_OUTPUT'")
                .param(auditBefore).query(Long.class).single()).as("nothing was downloaded").isZero();
    }
}
