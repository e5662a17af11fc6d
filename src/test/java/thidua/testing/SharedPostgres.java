package thidua.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

    /**
     * Started on a free port of 127.0.0.1 only (another port if that one was taken meanwhile): with
     * {@code localhost}, a server that lost the IPv4 port to another starting at the same moment still
     * came up on {@code [::1]}, and a client of 127.0.0.1 reached the wrong one.
     */
    public static SharedPostgres start() {
        IOException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setPort(freePort())
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("timezone", "UTC")
                        .setPGStartupWait(java.time.Duration.ofSeconds(60))
                        .start();
                Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
                return new SharedPostgres(pg);
            } catch (IOException e) {
                failure = e;
            }
        }
        throw new UncheckedIOException(failure);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
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
