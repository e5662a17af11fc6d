package thidua.consolidation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import thidua.scoring.PeriodResults;
import thidua.scoring.Standing;

/** Records each consolidation and the standing it gave every unit. */
@Repository
public class ConsolidationStore {
    private final JdbcClient jdbc;

    public ConsolidationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the latest consolidation of a period wrote its outputs, if it was consolidated. */
    public Optional<Path> lastOutRoot(String periodCode) {
        return jdbc.sql("SELECT out_dir FROM consolidation WHERE period_code = ? ORDER BY id DESC LIMIT 1")
                .param(periodCode).query(String.class).optional()
                .map(dir -> Path.of(dir).getParent());
    }

    /** The latest consolidation of a period: its id and when it ran. */
    public record Last(long id, Instant at) {
    }

    public Optional<Last> last(String periodCode) {
        return jdbc.sql("SELECT id, consolidated_at FROM consolidation WHERE period_code = ? ORDER BY id DESC LIMIT 1")
                .param(periodCode).query((rs, n) -> new Last(rs.getLong("id"), rs.getTimestamp("consolidated_at").toInstant()))
                .optional();
    }

    /**
     * True when the period was never consolidated, or when an accepted submission was
     * imported or re-validated after its last consolidation, or its scheme was replaced since.
     */
    public boolean isStale(String periodCode, long currentSchemeVersionId) {
        return jdbc.sql("""
                WITH last AS (SELECT consolidated_at, scheme_version_id FROM consolidation
                              WHERE period_code = :p ORDER BY id DESC LIMIT 1)
                SELECT NOT EXISTS (SELECT 1 FROM last)
                    OR EXISTS (SELECT 1 FROM last WHERE scheme_version_id <> :v)
                    OR EXISTS (SELECT 1 FROM submission s, last WHERE s.period_code = :p AND s.status = 'ACCEPTED'
                               AND coalesce(s.revalidated_at, s.imported_at) > last.consolidated_at)""")
                .param("p", periodCode).param("v", currentSchemeVersionId)
                .query(Boolean.class).single();
    }

    /**
     * The "Lập lúc" of the last consolidation of the period, when nothing it was made from has changed
     * since: the same scheme version, and no file of the period (accepted or returned: a returned one
     * changes the submissions sheet; a duplicate changes nothing) recorded or re-validated after that
     * time, which was taken before its data was read.
     */
    public Optional<Instant> unchangedSince(String periodCode, long currentSchemeVersionId) {
        return jdbc.sql("""
                WITH last AS (SELECT generated_at, scheme_version_id FROM consolidation
                              WHERE period_code = :p ORDER BY id DESC LIMIT 1)
                SELECT generated_at FROM last
                WHERE generated_at IS NOT NULL AND scheme_version_id = :v
                  AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.period_code = :p
                                  AND s.status <> 'DUPLICATE'
                                  AND coalesce(s.revalidated_at, s.imported_at) >= last.generated_at)""")
                .param("p", periodCode).param("v", currentSchemeVersionId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    public long record(PeriodResults results, long schemeVersionId, String outDir, Long lastSubmissionId,
                       long jobExecutionId, Instant generatedAt) {
        long id = jdbc.sql("""
                INSERT INTO consolidation (period_code, scheme_version_id, out_dir, last_submission_id, job_execution_id,
                    generated_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(results.period().code(), schemeVersionId, outDir, lastSubmissionId, jobExecutionId,
                        java.sql.Timestamp.from(generatedAt))
                .query(Long.class).single();
        for (Standing s : results.standings()) {
            jdbc.sql("""
                    INSERT INTO unit_result (consolidation_id, unit_code, block_code, status, total, rank, grade, award)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, s.unit().code(), s.unit().blockCode(), s.status().name(),
                            s.card() == null ? null : s.card().total(), s.rank(), s.grade(),
                            s.award() == null ? "" : s.award())
                    .update();
        }
        return id;
    }
}
