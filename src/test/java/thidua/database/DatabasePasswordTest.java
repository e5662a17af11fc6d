package thidua.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.settings.ThiduaProperties;

/**
 * The embedded PostgreSQL is not open to every local user: `psql -h 127.0.0.1 -U postgres`
 * without the password is refused, with the password of {@code postgres.password} (owner
 * only) it works; a data dir made before passwords (trust) is upgraded on start.
 */
class DatabasePasswordTest {
    @TempDir
    Path dataDir;

    @Test
    void aNewDataDirGetsAnOwnerOnlyPasswordFileAndRefusesConnectionsWithoutIt() throws Exception {
        var config = new EmbeddedPostgresConfig();
        try (var server = config.embeddedServer(settings())) {
            Path file = dataDir.resolve("postgres.password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String password = Files.readString(file).trim();
            assertThat(password).hasSizeGreaterThanOrEqualTo(32).isEqualTo(server.password());

            assertRefusedWithoutPassword(server.port());
            try (Connection c = connect(server.port(), password);
                 var rs = c.createStatement().executeQuery("SHOW listen_addresses")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
            }
            assertThat(server.toString()).doesNotContain(password);

            // Another process (a command beside `serve`) shares the running server through the same file.
            try (var shared = config.embeddedServer(settings())) {
                assertThat(shared.owned()).isNull();
                assertThat(shared.port()).isEqualTo(server.port());
                try (Connection c = connect(shared.port(), shared.password())) {
                    assertThat(c.isValid(5)).isTrue();
                }
            }
        }
    }

    @Test
    void aDataDirFromBeforePasswordsIsUpgradedOnStart() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(pgData);
        // What earlier thidua versions made: initdb's trust, any local user a superuser.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60)).setRegisterShutdownHook(false).start()) {
            try (Connection c = connect(old.getPort(), null)) {
                c.createStatement().execute("CREATE TABLE kept (figure INT); INSERT INTO kept VALUES (42)");
            }
        }

        try (var server = new EmbeddedPostgresConfig().embeddedServer(settings())) {
            assertRefusedWithoutPassword(server.port());
            String password = Files.readString(dataDir.resolve("postgres.password")).trim();
            try (Connection c = connect(server.port(), password);
                 var rs = c.createStatement().executeQuery("SELECT figure FROM kept")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the data kept").isEqualTo(42);
            }
            assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).doesNotContain("trust");
        }
    }

    private static void assertRefusedWithoutPassword(int port) {
        assertThatThrownBy(() -> connect(port, null).close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(port, "postgres").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    private static Connection connect(int port, String password) throws SQLException {
        var props = new java.util.Properties();
        props.setProperty("user", "postgres");
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
    }

    private ThiduaProperties settings() {
        return new ThiduaProperties(dataDir, Path.of("inbox"), Path.of("out"), Path.of("jobs"), 10485760, 5000, Duration.ofSeconds(30), 50,
                new ThiduaProperties.Inbox(2000, 0, 64), new ThiduaProperties.Console(Duration.ofMinutes(30), List.of("localhost")),
                new ThiduaProperties.Security(5, Duration.ofMinutes(15)), null);
    }
}
