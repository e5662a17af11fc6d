package thidua.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A PostgreSQL 15 from Debian's {@code postgresql} package (test.sh installs it), in a
 * folder of its own on a free port, that a test can kill and start again, as a production
 * database server that goes away. PostgreSQL refuses to run as root: as root (CI), its
 * commands run as the {@code postgres} user that the package creates.
 */
public final class ExternalPostgres implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private final Path dir;
    private final int port;

    private ExternalPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Whether the binaries are here (test.sh installs them); a test needing them is skipped otherwise. */
    public static boolean available() {
        return Files.isExecutable(BIN.resolve("pg_ctl"));
    }

    public static ExternalPostgres start() {
        try {
            Path dir = Files.createTempDirectory("thidua-pg");
            ExternalPostgres pg = new ExternalPostgres(dir, freePort());
            if (asRoot()) {
                pg.run("chown", "-R", "postgres:postgres", dir.toString());
            }
            pg.pg("initdb", "-D", pg.data().toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
            pg.startAgain();
            Flyway.configure().dataSource(pg.url(), "postgres", "").locations("classpath:db/migration").load().migrate();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server (again) on its data and port. */
    public void startAgain() {
        pg("pg_ctl", "-D", data().toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off", "start");
    }

    /** Kills the server as a crash would: every connection cut, nothing shut down cleanly. */
    public void kill() {
        pg("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** The environment that points a thidua process at this database. */
    public Map<String, String> env() {
        return Map.of("SPRING_DATASOURCE_URL", url(), "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "");
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(new DriverManagerDataSource(url(), "postgres", ""));
    }

    public long count(String sql, Object... params) {
        return jdbc().sql(sql).params(params).query(Long.class).single();
    }

    @Override
    public void close() throws IOException {
        try {
            pg("pg_ctl", "-D", data().toString(), "-m", "immediate", "stop");
        } catch (AssertionError e) {
            // Not running.
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void pg(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(BIN.resolve(program).toString());
        command.addAll(List.of(args));
        run(command.toArray(String[]::new));
    }

    private void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("commands.log").toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed:\n"
                        + Files.readString(dir.resolve("commands.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
