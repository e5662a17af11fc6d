package thidua.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users in PostgreSQL; only password hashes are ever stored. */
@Repository
class UserStore {
    private static final String COLUMNS = """
            id, login, full_name, role, unit_code, must_change_password, failed_attempts, locked_until,
            disabled_at, created_at, password_changed_at""";
    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AppUser> find(String login) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE login = ?").param(login)
                .query(UserStore::map).optional();
    }

    Optional<AppUser> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ?").param(id)
                .query(UserStore::map).optional();
    }

    Optional<String> passwordHash(String login) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE login = ?").param(login)
                .query(String.class).optional();
    }

    List<AppUser> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY login").query(UserStore::map).list();
    }

    long insert(String login, String fullName, Role role, String unitCode, String hash, boolean mustChange) {
        return jdbc.sql("""
                INSERT INTO app_user (login, full_name, role, unit_code, password_hash, must_change_password)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(login, fullName, role.name(), unitCode, hash, mustChange).query(Long.class).single();
    }

    void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("""
                UPDATE app_user SET password_hash = ?, must_change_password = ?, password_changed_at = now(),
                    failed_attempts = 0, locked_until = NULL WHERE id = ?""")
                .params(hash, mustChange, id).update();
    }

    void setDisabled(long id, boolean disabled) {
        jdbc.sql("UPDATE app_user SET disabled_at = CASE WHEN ? THEN coalesce(disabled_at, now()) END WHERE id = ?")
                .params(disabled, id).update();
    }

    void unlock(long id) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    /**
     * One more wrong password in a row; the {@code max}-th locks the account for {@code lock}
     * and starts the count again. Returns true when this failure locked it.
     */
    boolean recordFailure(long id, int max, Duration lock) {
        return jdbc.sql("""
                UPDATE app_user SET
                    locked_until = CASE WHEN failed_attempts + 1 >= ? THEN now() + make_interval(secs => ?) END,
                    failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END
                WHERE id = ? RETURNING locked_until IS NOT NULL""")
                .params(max, lock.toSeconds(), max, id).query(Boolean.class).single();
    }

    void recordSuccess(long id) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    private static AppUser map(ResultSet rs, int n) throws SQLException {
        return new AppUser(rs.getLong("id"), rs.getString("login"), rs.getString("full_name"),
                Role.valueOf(rs.getString("role")), rs.getString("unit_code"), rs.getBoolean("must_change_password"),
                rs.getInt("failed_attempts"), instant(rs.getTimestamp("locked_until")),
                instant(rs.getTimestamp("disabled_at")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("password_changed_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
