package thidua.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A real PostgreSQL database for several thidua processes, as in production with an external
 * database, given to child JVMs through {@code SPRING_DATASOURCE_URL} (OPERATIONS.md, Database).
 * Killing a child never kills it.
 *
 * <p>Each is a database of its own, a copy of a migrated template, on one server for the whole
 * test JVM: a server of its own per test cost an initdb and a migration from scratch each (seconds
 * of both cores). The server stops with the test JVM.
 */
public final class SharedPostgres implements AutoCloseable {
    private static final String TEMPLATE = "thidua_template";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final String database;

    private SharedPostgres(String database) {
        this.database = database;
    }

    /** A new database, migrated (a copy of the template). */
    public static SharedPostgres start() {
        synchronized (SharedPostgres.class) { // one CREATE DATABASE from the template at a time
            EmbeddedPostgres pg = server();
            String name = "thidua_" + NEXT.incrementAndGet();
            JdbcClient.create(pg.getPostgresDatabase()).sql("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE).update();
            return new SharedPostgres(name);
        }
    }

    /** The server, started and the template migrated on first use. */
    private static EmbeddedPostgres server() {
        if (server == null) {
            EmbeddedPostgres pg = startServer();
            JdbcClient.create(pg.getPostgresDatabase()).sql("CREATE DATABASE " + TEMPLATE).update();
            Flyway.configure().dataSource(pg.getDatabase("postgres", TEMPLATE)).locations("classpath:db/migration")
                    .load().migrate();
            server = pg;
        }
        return server;
    }

    /**
     * Started on a free port of 127.0.0.1 only (another port if that one was taken meanwhile): with
     * {@code localhost}, a server that lost the IPv4 port to another starting at the same moment still
     * came up on {@code [::1]}, and a client of 127.0.0.1 reached the wrong one.
     */
    private static EmbeddedPostgres startServer() {
        IOException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return EmbeddedPostgres.builder()
                        .setPort(freePort())
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("timezone", "UTC")
                        .setPGStartupWait(java.time.Duration.ofSeconds(60))
                        .start();
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
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    /** The environment that points a thidua process at this database. */
    public Map<String, String> env() {
        return Map.of("SPRING_DATASOURCE_URL", url(), "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "postgres");
    }

    private DataSource dataSource() {
        return server.getDatabase("postgres", database);
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    public long count(String sql, Object... params) {
        return jdbc().sql(sql).params(params).query(Long.class).single();
    }

    /**
     * An account, stored as `user add` stores it (a {@code {bcrypt}} hash, no change of password
     * required): the serve tests need someone to sign in, and a child JVM for `user add` cost them a
     * whole start of thidua. `user add` itself is tested in process (UserCommandsTest).
     */
    public void addUser(String login, String role, String password) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
        jdbc().sql("""
                INSERT INTO app_user (login, full_name, role, unit_code, password_hash, must_change_password)
                VALUES (?, NULL, ?, NULL, ?, false)""").params(login, role, hash).update();
    }

    /** Drops the database (its processes are gone by now; any connection left is cut). */
    @Override
    public void close() {
        JdbcClient.create(server.getPostgresDatabase()).sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
    }
}
