package thidua.scheme;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.workbook.Grid;
import thidua.workbook.UnreadableWorkbookException;
import thidua.workbook.WorkbookFiles;
import org.springframework.stereotype.Repository;

/**
 * Scheme versions in the database. The original workbook bytes are the stored form:
 * a version is re-read from them, so what is scored is exactly what was loaded.
 */
@Repository
public class SchemeStore {
    private final JdbcClient jdbc;
    /** Versions never change once stored, so their parsed form can be kept. */
    private final Map<Long, Scheme> parsed = new ConcurrentHashMap<>();

    public SchemeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current version for a year, if one is loaded. */
    public Optional<StoredScheme> currentForYear(int year) {
        return jdbc.sql("SELECT id, sha256 FROM scheme_version WHERE year = ? AND replaced_at IS NULL")
                .param(year)
                .query(this::stored)
                .optional();
    }

    /** The current scheme that defines this period code. */
    public Optional<StoredScheme> currentForPeriod(String periodCode) {
        return jdbc.sql("""
                SELECT v.id, v.sha256 FROM scheme_version v JOIN scheme_period p ON p.scheme_version_id = v.id
                WHERE p.code = ? AND v.replaced_at IS NULL""")
                .param(periodCode)
                .query(this::stored)
                .optional();
    }

    /** Every current version, newest year first. */
    public List<StoredScheme> current() {
        return jdbc.sql("SELECT id FROM scheme_version WHERE replaced_at IS NULL ORDER BY year DESC")
                .query(Long.class).list().stream().map(this::load).toList();
    }

    /** The codes of the periods that current versions define, in code order. */
    public List<String> currentPeriodCodes() {
        return jdbc.sql("""
                SELECT p.code FROM scheme_period p JOIN scheme_version v ON v.id = p.scheme_version_id
                WHERE v.replaced_at IS NULL ORDER BY p.code""").query(String.class).list();
    }

    /** Whether a unit code belongs to a current scheme. */
    public boolean knowsUnit(String unitCode) {
        return current().stream().anyMatch(s -> s.scheme().unit(unitCode).isPresent());
    }

    /** Period codes that current versions of other years already define. */
    public List<String> periodsTakenByOtherYears(int year, List<String> codes) {
        return jdbc.sql("""
                SELECT p.code FROM scheme_period p JOIN scheme_version v ON p.scheme_version_id = v.id
                WHERE v.replaced_at IS NULL AND v.year <> :year AND p.code IN (:codes) ORDER BY p.code""")
                .param("year", year)
                .param("codes", codes)
                .query(String.class)
                .list();
    }

    /**
     * The same period one year earlier: the period of the previous year's current scheme
     * whose dates are exactly a year before this one's (e.g. 2023 for 2024).
     */
    public Optional<String> samePeriodLastYear(Scheme scheme, Period period) {
        return currentForYear(scheme.year() - 1).flatMap(previous -> previous.scheme().periods().stream()
                .filter(p -> p.from().equals(period.from().minusYears(1)) && p.to().equals(period.to().minusYears(1)))
                .map(Period::code)
                .findFirst());
    }

    /** Stores a new version for its year, marking the previous current one replaced; returns the new id. */
    public long store(Scheme scheme, byte[] content, String sha256, String sourceName, long jobExecutionId) {
        jdbc.sql("UPDATE scheme_version SET replaced_at = now() WHERE year = ? AND replaced_at IS NULL")
                .param(scheme.year()).update();
        long id = jdbc.sql("""
                INSERT INTO scheme_version (year, movement, sha256, source_name, content, job_execution_id)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(scheme.year(), scheme.movement(), sha256, sourceName, content, jobExecutionId)
                .query(Long.class).single();
        for (Period p : scheme.periods()) {
            jdbc.sql("""
                    INSERT INTO scheme_period (scheme_version_id, code, name, starts_on, ends_on, deadline)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, p.code(), p.name(), p.from(), p.to(), p.deadline()).update();
        }
        parsed.put(id, scheme);
        return id;
    }

    public StoredScheme load(long versionId) {
        String sha = jdbc.sql("SELECT sha256 FROM scheme_version WHERE id = ?").param(versionId)
                .query(String.class).single();
        return new StoredScheme(versionId, sha, parsed(versionId));
    }

    private StoredScheme stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long id = rs.getLong("id");
        return new StoredScheme(id, rs.getString("sha256"), parsed(id));
    }

    /** A stored version's scheme (read from its workbook once per process). */
    public Scheme scheme(long versionId) {
        return parsed(versionId);
    }

    /** A version's parsed form; its workbook bytes are fetched only the first time (an import reads it per file). */
    private Scheme parsed(long versionId) {
        return parsed.computeIfAbsent(versionId, id -> parse(jdbc.sql("SELECT content FROM scheme_version WHERE id = ?")
                .param(id).query(byte[].class).single()));
    }

    /** A stored version's workbook read again, the way it was loaded (its own limits, streamed when it can be). */
    private static Scheme parse(byte[] content) {
        try (Grid workbook = WorkbookFiles.read(content, SchemeLimits.DEFAULT.workbookLimits())) {
            SchemeReadResult result = SchemeReader.read(workbook, "", SchemeLimits.DEFAULT);
            if (!result.ok()) {
                throw new IllegalStateException("Stored scheme no longer reads: " + result.problems());
            }
            return result.scheme();
        } catch (UnreadableWorkbookException e) {
            throw new IllegalStateException("Stored scheme no longer reads: " + e.finding());
        }
    }
}
