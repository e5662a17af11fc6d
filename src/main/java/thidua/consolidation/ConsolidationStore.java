package thidua.consolidation;

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

    public long record(PeriodResults results, long schemeVersionId, String outDir, Long lastSubmissionId,
                       long jobExecutionId) {
        long id = jdbc.sql("""
                INSERT INTO consolidation (period_code, scheme_version_id, out_dir, last_submission_id, job_execution_id)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(results.period().code(), schemeVersionId, outDir, lastSubmissionId, jobExecutionId)
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
