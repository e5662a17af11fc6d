package thidua.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded PostgreSQL's {@code postgres} role: generated on first
 * start (SecureRandom), kept in {@code <data-dir>/postgres.password}, readable by its
 * owner only, and required for every connection ({@code pg_hba.conf}: scram-sha-256, for
 * the socket and for loopback; the server listens on loopback only). A data dir made by
 * an earlier thidua (trust: no password at all) is upgraded on start. The password is
 * never logged nor shown: only the file's path is.
 */
final class DatabasePassword {
    static final String FILE = "postgres.password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** Every connection, local socket or loopback TCP, proves the password; nothing else is accepted. */
    static final String PG_HBA = """
            # Written by thidua: every connection needs the password kept in <data-dir>/postgres.password.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private DatabasePassword() {
    }

    /** The password in {@code file}, made (owner-only) when there is none yet. */
    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được tệp mật khẩu của PostgreSQL nhúng " + file, e);
        }
    }

    /** The password in {@code file} (a server another process started: its file), owner-only bits enforced. */
    static String read(Path file) throws IOException {
        if (Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).stream().anyMatch(p -> !OWNER_ONLY.contains(p))) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            LoggerFactory.getLogger(DatabasePassword.class).warn("{}: người khác đọc được, nay chỉ chủ sở hữu đọc được", file);
        }
        String password = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (password.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        return password;
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // Owner-only from its creation (not chmod after), complete before it takes its name.
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + FILE + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(tmp, password + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file); // never over a password another process wrote meanwhile
        } catch (FileAlreadyExistsException e) {
            // that one is the password now
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Makes the running server require {@code password}: when its {@code pg_hba.conf} is
     * not thidua's (a data dir just made by initdb, or one from before passwords: trust),
     * sets the role's password (sent as a SCRAM verifier, never as text a log could keep),
     * writes {@code pg_hba.conf} and reloads the configuration.
     */
    static void require(DataSource postgres, Path pgData, String password) {
        Path hba = pgData.resolve("pg_hba.conf");
        try {
            if (Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA)) {
                return;
            }
            try (Connection c = postgres.getConnection()) {
                c.unwrap(PGConnection.class).alterUserPassword("postgres", password.toCharArray(), "scram-sha-256");
                Path tmp = Files.createTempFile(pgData, ".pg_hba.", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(tmp, PG_HBA, StandardCharsets.UTF_8);
                Files.move(tmp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                try (var s = c.createStatement()) {
                    s.execute("SELECT pg_reload_conf()");
                }
            }
            LoggerFactory.getLogger(DatabasePassword.class)
                    .info("PostgreSQL nhúng: từ nay kết nối cần mật khẩu trong {}", pgData.resolveSibling(FILE));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Không đặt được mật khẩu cho PostgreSQL nhúng tại " + pgData
                    + " (tệp mật khẩu " + pgData.resolveSibling(FILE) + ")", e);
        }
    }
}
