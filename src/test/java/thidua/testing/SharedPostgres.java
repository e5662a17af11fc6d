package thidua.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One real PostgreSQL for several thidua processes, as in production with an external
 * database: started here, migrated once, and given to child JVMs through
 * {@code SPRING_DATASOURCE_URL} (OPERATIONS.md, Database). Killing a child never kills it.
 */
public final class SharedPostgres implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private SharedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static SharedPostgres start() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("timezone", "UTC")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
            return new SharedPostgres(pg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** The environment that points a thidua process at this database. */
    public Map<String, String> env() {
        return Map.of("SPRING_DATASOURCE_URL", url(), "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "postgres");
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(postgres.getPostgresDatabase());
    }

    public long count(String sql, Object... params) {
        return jdbc().sql(sql).params(params).query(Long.class).single();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
