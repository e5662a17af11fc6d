package thidua.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import javax.sql.DataSource;
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

    /**
     * The embedded server for this data dir: started here, or — when another thidua
     * process (say `serve`) already runs it — that one, so commands can run beside it.
     */
    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(ThiduaProperties settings) {
        Path pgData = settings.dataDir().toAbsolutePath().resolve("postgres");
        OptionalInt running = RunningServer.port(pgData);
        if (running.isPresent()) {
            return new EmbeddedServer(null, running.getAsInt());
        }
        EmbeddedPostgres started = start(pgData);
        return new EmbeddedServer(started, started.getPort());
    }

    private static EmbeddedPostgres start(Path pgData) {
        try {
            Files.createDirectories(pgData);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("timezone", "UTC")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Stopped by this context, after every bean that uses it (a JVM hook of its own
                    // would race Spring's: the database gone while jobs and the process record close).
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Không khởi động được PostgreSQL nhúng tại " + pgData, e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedServer server) {
        return DataSourceBuilder.create()
                .url("jdbc:postgresql://localhost:" + server.port() + "/postgres")
                .username("postgres")
                .build();
    }

    /** The server in use; {@code owned} is null when another process started it and will stop it. */
    record EmbeddedServer(EmbeddedPostgres owned, int port) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (owned != null) {
                owned.close();
            }
        }
    }
}
