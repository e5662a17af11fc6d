package thidua.submission;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import thidua.report.ErrorReportWriter;
import thidua.scoring.ReportedValue;
import thidua.text.Labels;
import thidua.text.LogText;
import thidua.workbook.Finding;

/** Submissions, their values and findings in the database. */
@Repository
public class SubmissionStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public SubmissionStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** {@code n} new ids, in order. */
    public List<Long> nextIds(int n) {
        return jdbc.sql("SELECT nextval('submission_id_seq') FROM generate_series(1, ?)").param(n)
                .query(Long.class).list();
    }

    /** Of these hashes, those already stored (not as a duplicate), with the submission that has them. */
    public Map<String, Long> sameBytes(List<String> sha256s) {
        Map<String, Long> found = new java.util.HashMap<>();
        if (sha256s.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT sha256, id FROM submission WHERE sha256 = ANY(?) AND status <> 'DUPLICATE'")
                .param(sha256s.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), rs.getLong(2))).list();
        return found;
    }

    /** The earlier, non-duplicate submission with these exact bytes, if any. */
    public Optional<Long> sameBytes(String sha256) {
        return jdbc.sql("SELECT id FROM submission WHERE sha256 = ? AND status <> 'DUPLICATE'")
                .param(sha256).query(Long.class).optional();
    }

    /**
     * Records a file with its verdict, values and findings; all in the caller's transaction.
     * {@code reportDue}: its error report is to reach its unit once filed ({@link #reportsDue}).
     */
    public void insert(long id, Examination e, String storedPath, long jobExecutionId, boolean reportDue) {
        insert(List.of(new Row(id, e, storedPath, jobExecutionId, reportDue)));
    }

    /** One file to record: {@link #insert(long, Examination, String, long, boolean)}'s arguments. */
    public record Row(long id, Examination e, String storedPath, long jobExecutionId, boolean reportDue) {
    }

    /** Records files as {@link #insert(long, Examination, String, long, boolean)} does, one batch per table. */
    public void insert(List<Row> rows) {
        List<Object[]> submissions = new ArrayList<>();
        Map<Long, Examination> details = new LinkedHashMap<>();
        for (Row row : rows) {
            Examination e = row.e();
            ParsedSubmission parsed = e.parsed();
            submissions.add(new Object[] {row.id(), e.file().sha256(), Labels.clean(e.file().originalName()),
                    row.storedPath(), e.file().size(), Timestamp.from(e.file().arrivedAt()), e.verdict().name(),
                    parsed == null ? null : parsed.unitCode(), parsed == null ? null : parsed.periodCode(),
                    e.schemeVersionId(), e.duplicateOf(), row.jobExecutionId(), row.reportDue()});
            details.put(row.id(), e);
        }
        batch.batchUpdate("""
                INSERT INTO submission (id, sha256, original_name, stored_path, size_bytes, arrived_at, status,
                    unit_code, period_code, scheme_version_id, duplicate_of, job_execution_id, report_due)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", submissions, SUBMISSION_TYPES);
        insertDetails(details);
    }

    /** Values (of an accepted file) and findings of each submission, one batch per table. */
    private void insertDetails(Map<Long, Examination> byId) {
        List<Object[]> values = new ArrayList<>();
        List<Object[]> findings = new ArrayList<>();
        byId.forEach((id, e) -> {
            ParsedSubmission parsed = e.parsed();
            if (parsed == null) {
                return;
            }
            if (e.verdict() == ImportStatus.ACCEPTED) {
                for (ReportedValue v : parsed.values().values()) {
                    String[] cells = parsed.cells().get(v.indicator());
                    values.add(new Object[] {id, v.indicator(), v.current(), v.baseline(), cells[0], cells[1]});
                }
            }
            for (Finding f : parsed.findings()) {
                findings.add(new Object[] {id, f.severity().name(), f.code(), f.sheet(), f.cell(), f.message()});
            }
        });
        if (!values.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO submission_value (submission_id, indicator_code, current_value, baseline_value,
                        current_cell, baseline_cell) VALUES (?, ?, ?, ?, ?, ?)""", values, VALUE_TYPES);
        }
        if (!findings.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO submission_finding (submission_id, severity, code, sheet, cell, message)
                    VALUES (?, ?, ?, ?, ?, ?)""", findings, FINDING_TYPES);
        }
    }

    /** SQL types of the batches' columns: a null must be typed in a batch. */
    private static final int[] SUBMISSION_TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.BIGINT, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT,
            Types.BIGINT, Types.BOOLEAN};
    private static final int[] VALUE_TYPES = {Types.BIGINT, Types.VARCHAR, Types.NUMERIC, Types.NUMERIC,
            Types.VARCHAR, Types.VARCHAR};
    private static final int[] FINDING_TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR};

    /**
     * A committed submission with these bytes and this name whose original was never filed
     * (the process stopped between the commit and the copy into archive/ or rejected/).
     */
    /**
     * Of these hashes, the pairs {@link #unfiledKey} of the committed submissions not yet filed:
     * the files of a chunk that {@link #unfiled} has to look at (after a crash; none otherwise).
     */
    public java.util.Set<String> unfiledKeys(List<String> sha256s) {
        if (sha256s.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT DISTINCT sha256, original_name FROM submission WHERE sha256 = ANY(?) AND filed_at IS NULL""")
                .param(sha256s.toArray(String[]::new))
                .query((rs, n) -> rs.getString(1) + "\n" + rs.getString(2)).list());
    }

    /** The key of a file in {@link #unfiledKeys}: its hash and its name as stored. */
    public static String unfiledKey(String sha256, String originalName) {
        return sha256 + "\n" + Labels.clean(originalName);
    }

    public Optional<Stored> unfiled(String sha256, String originalName) {
        return jdbc.sql("""
                SELECT id FROM submission WHERE sha256 = ? AND original_name = ? AND filed_at IS NULL
                ORDER BY id LIMIT 1""")
                .params(sha256, Labels.clean(originalName)).query(Long.class).optional()
                .flatMap(this::find);
    }

    /** Submissions not marked filed whose import has ended (completed, failed, or recovered after a kill). */
    public List<Stored> unfiledOfEndedImports() {
        return jdbc.sql("""
                SELECT s.id FROM submission s JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
                WHERE s.filed_at IS NULL AND e.status NOT IN ('STARTING', 'STARTED', 'STOPPING') ORDER BY s.id""")
                .query(Long.class).list().stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** An uploaded submission not marked filed, whose upload job has ended, with its staged copy. */
    public record UnfiledUpload(Stored stored, Path staged) {
    }

    /** Uploads whose filing was interrupted after their row committed (the process stopped, the disk was full). */
    public List<UnfiledUpload> unfiledUploads() {
        return jdbc.sql("""
                SELECT s.id, p.parameter_value FROM submission s
                JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
                JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                    AND p.parameter_name = ?
                WHERE s.filed_at IS NULL AND e.status NOT IN ('STARTING', 'STARTED', 'STOPPING') ORDER BY s.id""")
                .param(UploadParameters.UPLOAD)
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getString("parameter_value")}).list().stream()
                .flatMap(r -> find((Long) r[0]).map(st -> new UnfiledUpload(st, Path.of((String) r[1])))
                        .stream())
                .toList();
    }

    /** The original of a submission is in archive/ or rejected/ and gone from the inbox. */
    /**
     * A rejected file whose error report is due to its unit: filed (the report is beside
     * the original), naming a unit the scheme of its period knows, not yet given to it.
     */
    public record ReportDue(long id, String unitCode, String periodCode, String originalName, Instant arrivedAt,
                            Path report, int errors) {
    }

    /** The error reports due to their units, oldest first ({@link #insert}'s {@code reportDue}, filed). */
    public List<ReportDue> reportsDue() {
        return jdbc.sql("""
                SELECT s.id, s.unit_code, s.period_code, s.original_name, s.arrived_at, s.stored_path,
                    (SELECT count(*) FROM submission_finding f WHERE f.submission_id = s.id
                        AND f.severity = 'ERROR' AND f.superseded_at IS NULL) AS errors
                FROM submission s WHERE s.report_due AND s.filed_at IS NOT NULL ORDER BY s.id""")
                .query((rs, n) -> new ReportDue(rs.getLong("id"), rs.getString("unit_code"), rs.getString("period_code"),
                        rs.getString("original_name"), rs.getTimestamp("arrived_at").toInstant(),
                        ErrorReportWriter.reportPath(Path.of(rs.getString("stored_path"))), rs.getInt("errors")))
                .list();
    }

    /** The error report of {@code id} was given to its unit (in the caller's transaction, with that record). */
    public void reportGiven(long id) {
        jdbc.sql("UPDATE submission SET report_due = false WHERE id = ?").param(id).update();
    }

    public void markFiled(List<Long> ids) {
        jdbc.sql("UPDATE submission SET filed_at = now() WHERE id = ANY(?)").param(ids.toArray(Long[]::new)).update();
    }

    public void markFiled(long id) {
        jdbc.sql("UPDATE submission SET filed_at = now() WHERE id = ?").param(id).update();
    }

    /** One line of the import list. */
    public record Listed(long id, String originalName, ImportStatus status, String unitCode, String periodCode,
                         Instant arrivedAt, Instant importedAt, Instant revalidatedAt, int errors, int warnings,
                         Long duplicateOf) {
    }

    /** Imports, newest first; {@code period} and {@code status} filter when not null. */
    public List<Listed> list(String period, ImportStatus status, int limit) {
        return list(period, status, null, null, limit);
    }

    /**
     * Imports, newest first; each filter applies when not null: {@code unit} is the unit the
     * import counts for, {@code scope} the unit whose user asks (they see only their own).
     */
    public List<Listed> list(String period, ImportStatus status, String unit, String scope, int limit) {
        return jdbc.sql("""
                SELECT s.id, s.original_name, s.status, s.unit_code, s.period_code, s.arrived_at, s.imported_at,
                    s.revalidated_at,
                    (SELECT count(*) FROM submission_finding f WHERE f.submission_id = s.id AND f.severity = 'ERROR'
                        AND f.superseded_at IS NULL) AS errors,
                    (SELECT count(*) FROM submission_finding f WHERE f.submission_id = s.id AND f.severity = 'WARNING'
                        AND f.superseded_at IS NULL) AS warnings,
                    s.duplicate_of
                FROM submission s
                WHERE (CAST(:period AS TEXT) IS NULL OR s.period_code = :period)
                  AND (CAST(:status AS TEXT) IS NULL OR s.status = :status)
                  AND (CAST(:unit AS TEXT) IS NULL OR s.unit_code = :unit)
                  AND (CAST(:scope AS TEXT) IS NULL OR s.unit_code = :scope OR s.sender_unit = :scope)
                ORDER BY s.id DESC LIMIT :limit""")
                .param("period", period).param("status", status == null ? null : status.name()).param("unit", unit).param("scope", scope)
                .param("limit", limit)
                .query((rs, n) -> new Listed(rs.getLong("id"), rs.getString("original_name"), status(rs.getString("status")),
                        rs.getString("unit_code"), rs.getString("period_code"), rs.getTimestamp("arrived_at").toInstant(),
                        rs.getTimestamp("imported_at").toInstant(),
                        rs.getTimestamp("revalidated_at") == null ? null : rs.getTimestamp("revalidated_at").toInstant(),
                        rs.getInt("errors"), rs.getInt("warnings"), rs.getObject("duplicate_of", Long.class)))
                .list();
    }

    /** A stored submission, as a rerun needs it. */
    public record Stored(long id, String sha256, String originalName, String storedPath, long size, Instant arrivedAt,
                         ImportStatus status, String unitCode, String periodCode, String uploadedBy, String senderUnit) {
        public InboxFile file() {
            return new InboxFile(Path.of(storedPath), originalName, arrivedAt, size, sha256);
        }
    }

    public Optional<Stored> find(long id) {
        return jdbc.sql("""
                SELECT id, sha256, original_name, stored_path, size_bytes, arrived_at, status, unit_code, period_code,
                    uploaded_by, sender_unit
                FROM submission WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("sha256"), rs.getString("original_name"),
                        rs.getString("stored_path"), rs.getLong("size_bytes"), rs.getTimestamp("arrived_at").toInstant(),
                        status(rs.getString("status")), rs.getString("unit_code"), rs.getString("period_code"),
                        rs.getString("uploaded_by"), rs.getString("sender_unit")))
                .optional();
    }

    private static ImportStatus status(String value) {
        return ImportStatus.valueOf(value);
    }

    /** Whether a submission belongs to {@code unit}: it counts for that unit, or that unit's clerk sent it. */
    public boolean belongsTo(Stored s, String unit) {
        return unit.equals(s.unitCode()) || unit.equals(s.senderUnit());
    }

    /**
     * Serialises the filing of identical bytes until the caller's transaction ends, so a
     * file uploaded and the same file dropped into the inbox at the same moment are
     * imported once: the second sees the first's row once it holds the lock.
     */
    /** {@link #lockBytes(String)} of each, in the list's order, in one statement. */
    public void lockBytes(List<String> sha256s) {
        if (!sha256s.isEmpty()) {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(h, 7)) FROM unnest(?::text[]) AS h")
                    .param(sha256s.toArray(String[]::new)).query(Object.class).list();
        }
    }

    public void lockBytes(String sha256) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))").param(sha256).query(Object.class).single();
    }

    /** The earlier submission a duplicate repeats. */
    public Long duplicateOf(long id) {
        return jdbc.sql("SELECT duplicate_of FROM submission WHERE id = ?").param(id).query(Long.class).optional()
                .orElse(null);
    }

    /** Who sent a submission through the console or the API, and the unit they send for (null: headquarters). */
    public void markUploaded(long id, String login, String senderUnit) {
        jdbc.sql("UPDATE submission SET uploaded_by = ?, sender_unit = ? WHERE id = ?")
                .params(login, senderUnit, id).update();
    }

    /**
     * Records a new verdict on a stored submission (a rerun): its earlier findings are kept,
     * marked superseded; it keeps its arrival time, which still decides lateness.
     */
    public void revalidate(long id, Examination e, String storedPath) {
        ParsedSubmission parsed = e.parsed();
        jdbc.sql("""
                UPDATE submission SET status = ?, unit_code = ?, period_code = ?, scheme_version_id = ?,
                    stored_path = ?, revalidated_at = now(), report_due = report_due AND ? = 'REJECTED' WHERE id = ?""")
                .params(e.verdict().name(), parsed.unitCode(), parsed.periodCode(), e.schemeVersionId(), storedPath,
                        e.verdict().name(), id)
                .update();
        jdbc.sql("UPDATE submission_finding SET superseded_at = now() WHERE submission_id = ? AND superseded_at IS NULL")
                .param(id).update();
        insertDetails(Map.of(id, e));
    }

    /** Counts of verdicts recorded by one job execution, for the command's summary line. */
    public Map<ImportStatus, Integer> countsByStatus(long jobExecutionId) {
        Map<ImportStatus, Integer> counts = new EnumMap<>(ImportStatus.class);
        jdbc.sql("SELECT status, count(*) AS n FROM submission WHERE job_execution_id = ? GROUP BY status")
                .param(jobExecutionId)
                .query(rs -> {
                    counts.put(status(rs.getString("status")), rs.getInt("n"));
                });
        return counts;
    }

    /** What consolidation and status need of one unit's submissions for a period. */
    public record UnitSubmissions(String unitCode, Long latestAcceptedId, Instant firstAcceptedArrival,
                                  boolean rejected, long latestId) {
    }

    public Map<String, UnitSubmissions> forPeriod(String periodCode) {
        Map<String, UnitSubmissions> result = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT unit_code,
                    (SELECT s2.id FROM submission s2 WHERE s2.unit_code = s.unit_code AND s2.period_code = :p
                        AND s2.status = 'ACCEPTED' ORDER BY s2.arrived_at DESC, s2.id DESC LIMIT 1) AS latest,
                    min(arrived_at) FILTER (WHERE status = 'ACCEPTED') AS first_arrival,
                    bool_or(status = 'REJECTED') AS rejected,
                    max(id) AS latest_any
                FROM submission s WHERE period_code = :p AND unit_code IS NOT NULL AND status <> 'DUPLICATE'
                GROUP BY unit_code ORDER BY unit_code""")
                .param("p", periodCode)
                .query(rs -> {
                    Timestamp first = rs.getTimestamp("first_arrival");
                    Long latest = rs.getObject("latest", Long.class);
                    String unit = rs.getString("unit_code");
                    result.put(unit, new UnitSubmissions(unit, latest, first == null ? null : first.toInstant(),
                            rs.getBoolean("rejected"), rs.getLong("latest_any")));
                });
        return result;
    }

    /** The values of a unit's latest accepted submission for a period; empty when it has none. */
    /** A submission by its id and arrival. */
    public record Latest(long id, Instant arrivedAt) {
    }

    /** The latest accepted submission of a unit for a period: by arrival, then by id. */
    public Optional<Latest> latestAccepted(String unitCode, String periodCode) {
        return jdbc.sql("""
                SELECT id, arrived_at FROM submission WHERE unit_code = ? AND period_code = ? AND status = 'ACCEPTED'
                ORDER BY arrived_at DESC, id DESC LIMIT 1""")
                .params(unitCode, periodCode)
                .query((rs, n) -> new Latest(rs.getLong(1), rs.getTimestamp(2).toInstant())).optional();
    }

    public Map<String, ReportedValue> values(long submissionId) {
        Map<String, ReportedValue> values = new LinkedHashMap<>();
        jdbc.sql("SELECT indicator_code, current_value, baseline_value FROM submission_value WHERE submission_id = ?")
                .param(submissionId)
                .query(rs -> {
                    String indicator = rs.getString("indicator_code");
                    BigDecimal baseline = rs.getBigDecimal("baseline_value");
                    values.put(indicator, new ReportedValue(indicator,
                            rs.getBigDecimal("current_value").stripTrailingZeros(),
                            baseline == null ? null : baseline.stripTrailingZeros()));
                });
        return values;
    }

    /** The newest submission id of a period, to tell whether a consolidation is up to date. */
    public Optional<Long> lastAcceptedId(String periodCode) {
        return jdbc.sql("SELECT max(id) FROM submission WHERE period_code = ? AND status = 'ACCEPTED'")
                .param(periodCode).query(Long.class).optional();
    }

    /** Periods that have any submission, in code order. */
    public List<String> periodsWithSubmissions() {
        return jdbc.sql("SELECT DISTINCT period_code FROM submission WHERE period_code IS NOT NULL ORDER BY 1")
                .query(String.class).list();
    }

    /** A rejected file that could not be attributed to a known unit and period. */
    public record Unattributed(long id, String originalName, Instant arrivedAt, String unitCode, String periodCode) {
    }

    /** Rejected files whose unit or period is missing or unknown to the scheme that defines the period. */
    public List<Unattributed> unattributed() {
        return jdbc.sql("""
                SELECT s.id, s.original_name, s.arrived_at, s.unit_code, s.period_code FROM submission s
                WHERE s.status = 'REJECTED' AND (s.unit_code IS NULL OR s.period_code IS NULL OR EXISTS (
                    SELECT 1 FROM submission_finding f WHERE f.submission_id = s.id
                    AND f.code IN ('E-UNIT-UNKNOWN', 'E-PERIOD-UNKNOWN')))
                ORDER BY s.id""")
                .query((rs, n) -> new Unattributed(rs.getLong("id"), rs.getString("original_name"),
                        rs.getTimestamp("arrived_at").toInstant(), rs.getString("unit_code"), rs.getString("period_code")))
                .list();
    }

    /** An inbox entry that was not a regular file: {@code movedFile} its generated name in rejected/not-files/ (null: not moved). */
    public record NotAFile(String originalName, String kind, String movedFile, Instant foundAt) {
        /** The status line: the code, the entry as it was called, what it is, where it went. */
        @Override
        public String toString() {
            return "W-INBOX-NOT-A-FILE \"" + LogText.escape(originalName) + "\" là " + kind
                    + ", không phải tệp báo cáo: không nhập, " + (movedFile == null
                    ? "chưa chuyển được khỏi thư mục nhận"
                    : "đã chuyển sang rejected/not-files/" + movedFile);
        }
    }

    /** Records an inbox entry set aside by an import's scan (in a transaction of its own). */
    void recordNotAFile(String originalName, String kind, Path movedTo, long jobExecutionId) {
        jdbc.sql("INSERT INTO inbox_not_file (original_name, kind, moved_to, job_execution_id) VALUES (?, ?, ?, ?)")
                .params(Labels.clean(originalName), kind, movedTo == null ? null : movedTo.getFileName().toString(), jobExecutionId)
                .update();
    }

    /** Every inbox entry set aside as not a file, oldest first. */
    public List<NotAFile> notFiles() {
        return jdbc.sql("SELECT original_name, kind, moved_to, found_at FROM inbox_not_file ORDER BY id")
                .query((rs, n) -> new NotAFile(rs.getString("original_name"), rs.getString("kind"),
                        rs.getString("moved_to"),
                        rs.getTimestamp("found_at").toInstant()))
                .list();
    }

    public List<Finding> findings(long submissionId) {
        return jdbc.sql("""
                SELECT severity, code, sheet, cell, message FROM submission_finding
                WHERE submission_id = ? AND superseded_at IS NULL ORDER BY id""")
                .param(submissionId)
                .query((rs, n) -> new Finding(Finding.Severity.valueOf(rs.getString("severity")), rs.getString("code"),
                        rs.getString("sheet"), rs.getString("cell"), rs.getString("message")))
                .list();
    }
}
