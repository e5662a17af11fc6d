package thidua.access;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only audit log: who, when, what, which id, from where. A row is written in
 * the caller's transaction when there is one, so an action and its row commit together.
 * The table refuses updates and deletes (a trigger), and nothing here offers them.
 */
@Component
public class AuditLog {
    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One audited action; {@code login} null for an anonymous caller. */
    public record Event(long id, Instant at, String login, String action, String target, String detail,
                        String address) {
    }

    public void record(String login, String action, String target, String detail, String address) {
        jdbc.sql("INSERT INTO audit_event (login, action, target, detail, address) VALUES (?, ?, ?, ?, ?)")
                .params(login, action, target, clip(detail), address).update();
    }

    /** The newest events first; {@code login} and {@code action} filter when not blank. */
    public List<Event> recent(String login, String action, int limit) {
        return jdbc.sql("""
                SELECT id, at, login, action, target, detail, address FROM audit_event
                WHERE (CAST(:login AS TEXT) IS NULL OR login = :login)
                  AND (CAST(:action AS TEXT) IS NULL OR action = :action)
                ORDER BY id DESC LIMIT :limit""")
                .param("login", blankToNull(login)).param("action", blankToNull(action))
                .param("limit", Math.min(Math.max(limit, 1), 1000))
                .query((rs, n) -> new Event(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("login"),
                        rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("address")))
                .list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000) + "…";
    }
}
