package thidua.delivery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery log: {@code delivery} (a set of files given to one recipient together,
 * and the e-mail carrying them) and {@code delivery_file} (each file version in an
 * outbox). Callers decide the transactions.
 */
@Repository
class DeliveryStore {
    private final JdbcClient jdbc;

    public DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The last version of an output delivered to a recipient for a period. */
    public record LastFile(int version, String fingerprint) {
    }

    /** A file of a delivery, as the e-mail attaches it. */
    public record DeliveredFile(String outputName, int version, String fileName, String outboxPath) {
    }

    /**
     * An e-mail claimed for sending; {@code subject} and {@code body} are those written when
     * it was recorded (a unit's error report), null for the leaders' (written when sent).
     */
    public record Email(long id, String recipientKey, String recipientName, String address, String periodCode,
                        int version, String messageId, int attempts, String subject, String body) {
    }

    /**
     * Serialises the deliveries to one recipient for one period until the transaction
     * ends, so two consolidations running at once cannot both create the same version.
     */
    public void lock(String recipientKey, String periodCode) {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('thidua.delivery'), hashtext(? || '/' || ?))")
                .params(recipientKey, periodCode).query(Integer.class).single();
    }

    /** Per output name, the last version delivered to the recipient for the period. */
    public Map<String, LastFile> lastVersions(String recipientKey, String periodCode) {
        record Row(String output, LastFile last) {
        }
        Map<String, LastFile> last = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (output_name) output_name, version, fingerprint FROM delivery_file
                WHERE recipient_key = ? AND period_code = ? ORDER BY output_name, version DESC""")
                .params(recipientKey, periodCode)
                .query((rs, n) -> new Row(rs.getString("output_name"),
                        new LastFile(rs.getInt("version"), rs.getString("fingerprint"))))
                .list().forEach(r -> last.put(r.output(), r.last()));
        return last;
    }

    public int nextDeliveryVersion(String recipientKey, String periodCode) {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM delivery WHERE recipient_key = ? AND period_code = ?")
                .params(recipientKey, periodCode).query(Integer.class).single();
    }

    /** A new delivery; with a non-null {@code address} its e-mail is PENDING under {@code messageId}. */
    public long insertDelivery(String recipientKey, String recipientName, String periodCode, int version,
                               Long jobExecutionId, String address, String messageId) {
        return jdbc.sql("""
                INSERT INTO delivery (recipient_key, recipient_name, period_code, version, job_execution_id,
                    email_address, email_status, message_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(recipientKey, recipientName, periodCode, version, jobExecutionId, address,
                        address == null ? null : EmailStatus.PENDING.name(), address == null ? null : messageId)
                .query(Long.class).single();
    }

    /**
     * A new delivery of the error report of submission {@code submissionId} to its unit;
     * with a non-null {@code address} its e-mail, {@code subject} and {@code body}, is PENDING.
     * The database refuses a second delivery of the same submission.
     */
    public long insertReportDelivery(long submissionId, String recipientKey, String recipientName, String periodCode,
                                     int version, Long jobExecutionId, String address, String messageId,
                                     String subject, String body) {
        return jdbc.sql("""
                INSERT INTO delivery (recipient_key, recipient_name, period_code, version, job_execution_id,
                    email_address, email_status, message_id, submission_id, email_subject, email_body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(recipientKey, recipientName, periodCode, version, jobExecutionId, address,
                        address == null ? null : EmailStatus.PENDING.name(), address == null ? null : messageId,
                        submissionId, address == null ? null : subject, address == null ? null : body)
                .query(Long.class).single();
    }

    /** Whether the error report of {@code submissionId} was already given to its unit. */
    public boolean reportDelivered(long submissionId) {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE submission_id = ?").param(submissionId)
                .query(Integer.class).single() > 0;
    }

    public void insertFile(long deliveryId, String recipientKey, String periodCode, String outputName, int version,
                           String fileName, String outboxPath, String sha256, String fingerprint, long size) {
        jdbc.sql("""
                INSERT INTO delivery_file (delivery_id, recipient_key, period_code, output_name, version, file_name,
                    outbox_path, sha256, fingerprint, size_bytes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(deliveryId, recipientKey, periodCode, outputName, version, fileName, outboxPath, sha256,
                        fingerprint, size)
                .update();
    }

    /**
     * E-mails claimed longer ago than {@code lease} whose sender never said how it went
     * (it crashed, or lost the database, between claim and outcome) become PENDING again.
     */
    public int releaseAbandoned(Duration lease) {
        return jdbc.sql("""
                UPDATE delivery SET email_status = 'PENDING',
                    last_error = 'gửi bị gián đoạn (không rõ máy chủ SMTP đã nhận chưa); gửi lại'
                WHERE email_status = 'SENDING' AND claimed_at < now() - make_interval(secs => ?)""")
                .param(lease.toMillis() / 1000.0).update();
    }

    /** The PENDING e-mails, oldest first. */
    public List<Long> pendingEmails() {
        return jdbc.sql("SELECT id FROM delivery WHERE email_status = 'PENDING' ORDER BY id")
                .query(Long.class).list();
    }

    /**
     * Takes a PENDING e-mail for sending: only one sender can, since the update only
     * matches while it is PENDING. Counts the attempt.
     */
    public Optional<Email> claim(long id) {
        return jdbc.sql("""
                UPDATE delivery SET email_status = 'SENDING', claimed_at = now(), attempts = attempts + 1
                WHERE id = ? AND email_status = 'PENDING'
                RETURNING id, recipient_key, recipient_name, email_address, period_code, version, message_id, attempts,
                    email_subject, email_body""")
                .param(id)
                .query((rs, n) -> new Email(rs.getLong("id"), rs.getString("recipient_key"),
                        rs.getString("recipient_name"), rs.getString("email_address"), rs.getString("period_code"),
                        rs.getInt("version"), rs.getString("message_id"), rs.getInt("attempts"),
                        rs.getString("email_subject"), rs.getString("email_body")))
                .optional();
    }

    public List<DeliveredFile> files(long deliveryId) {
        return jdbc.sql("""
                SELECT output_name, version, file_name, outbox_path FROM delivery_file
                WHERE delivery_id = ? ORDER BY output_name""")
                .param(deliveryId)
                .query((rs, n) -> new DeliveredFile(rs.getString("output_name"), rs.getInt("version"),
                        rs.getString("file_name"), rs.getString("outbox_path")))
                .list();
    }

    public void markSent(long id) {
        jdbc.sql("UPDATE delivery SET email_status = 'SENT', sent_at = now() WHERE id = ? AND email_status = 'SENDING'")
                .param(id).update();
    }

    public void markFailed(long id, String error) {
        jdbc.sql("UPDATE delivery SET email_status = 'PENDING', last_error = ? WHERE id = ? AND email_status = 'SENDING'")
                .params(error, id).update();
    }

    /** E-mails not yet accepted by an SMTP server (PENDING or being sent). */
    public int unsentEmails() {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE email_status IN ('PENDING', 'SENDING')")
                .query(Integer.class).single();
    }
}
