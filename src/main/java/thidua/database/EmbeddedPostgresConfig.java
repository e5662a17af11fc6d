package thidua.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import thidua.settings.ThiduaProperties;

/**
 * The default database: a real PostgreSQL started from Maven-shipped binaries, its
 * data kept under {@code <data-dir>/postgres} between runs. Not used when
 * {@code SPRING_DATASOURCE_URL} points at an external PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
class EmbeddedPostgresConfig {
    /** Where the embedded server listens and thidua connects to it. */
    static final String HOST = "127.0.0.1";

    /**
     * The embedded server for this data dir: started here, or — when another thidua
     * process (say `serve`) already runs it — that one, so commands can run beside it.
     */
    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(ThiduaProperties settings) {
        Path pgData = pgData(settings.dataDir());
        EmbeddedServer early = EarlyStart.take(pgData);
        return early != null ? early : startOrJoin(pgData);
    }

    /** Where the embedded server of {@code dataDir} keeps its data. */
    static Path pgData(Path dataDir) {
        return dataDir.toAbsolutePath().resolve("postgres");
    }

    /** The server of {@code pgData}: started here, or the one another process runs on it. */
    static EmbeddedServer startOrJoin(Path pgData) {
        Path passwordFile = pgData.resolveSibling(DatabasePassword.FILE);
        OptionalInt running = RunningServer.port(pgData);
        if (running.isPresent()) {
            // The process that started it made the password file: the same one, read here.
            try {
                return new EmbeddedServer(null, running.getAsInt(), DatabasePassword.read(passwordFile));
            } catch (IOException e) {
                throw new UncheckedIOException("Không đọc được tệp mật khẩu của PostgreSQL nhúng " + passwordFile, e);
            }
        }
        try {
            Files.createDirectories(pgData);
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được thư mục của PostgreSQL nhúng " + pgData, e);
        }
        String password = DatabasePassword.readOrCreate(passwordFile);
        EmbeddedPostgres started = start(pgData, password);
        try {
            DatabasePassword.require(started.getPostgresDatabase(), pgData, password);
        } catch (RuntimeException e) {
            try {
                started.close();
            } catch (IOException ignored) {
                // the failure to report is the one above
            }
            throw e;
        }
        return new EmbeddedServer(started, started.getPort(), password);
    }

    /**
     * Starts the server on a free port of 127.0.0.1, trying another port if that one was taken in
     * the meantime. Only IPv4 loopback: with {@code localhost} a server that lost the IPv4 port to
     * another one starting at the same moment still came up on {@code [::1]}, and thidua, connecting
     * to 127.0.0.1, then talked to that other server (seen as two test contexts sharing a database).
     */
    private static EmbeddedPostgres start(Path pgData, String password) {
        IOException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(false)
                        .setPort(freePort())
                        .setServerConfig("timezone", "UTC")
                        // Loopback only: no other machine can even try the password.
                        .setServerConfig("listen_addresses", HOST)
                        // The start-up check and the upgrade of a data dir from before passwords connect with it.
                        .setConnectConfig("password", password)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // Stopped by this context, after every bean that uses it (a JVM hook of its own
                        // would race Spring's: the database gone while jobs and the process record close).
                        .setRegisterShutdownHook(false)
                        .start();
            } catch (IOException e) {
                failure = e;
            }
        }
        throw new UncheckedIOException("Không khởi động được PostgreSQL nhúng tại " + pgData, failure);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /**
     * The pool to the embedded server, with the same {@code spring.datasource.hikari.*} settings as
     * the pool Spring Boot makes for an external database (application.properties: timeouts, and
     * connections opened when needed, each costing a password handshake).
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedServer server) {
        return DataSourceBuilder.create().type(HikariDataSource.class)
                .url("jdbc:postgresql://" + HOST + ":" + server.port() + "/postgres")
                .username("postgres")
                .password(server.password())
                .build();
    }

    /** The server in use; {@code owned} is null when another process started it and will stop it. */
    record EmbeddedServer(EmbeddedPostgres owned, int port, String password) implements AutoCloseable {
        @Override
        public String toString() {
            return "EmbeddedServer[port=" + port + "]"; // never the password
        }

        @Override
        public void close() throws IOException {
            if (owned != null) {
                owned.close();
            }
        }
    }
}
