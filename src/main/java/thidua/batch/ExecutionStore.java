package thidua.batch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL over Spring Batch's own tables that its JobRepository does not offer: executions listed for people. */
@Repository
class ExecutionStore {
    private final JdbcClient jdbc;

    ExecutionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} executions, newest first, with their parameters; {@code status} filters when not null. */
    List<Executions.Execution> list(String status, int limit) {
        Map<Long, Executions.Execution> found = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT e.job_execution_id, i.job_name, e.status, e.exit_code, e.start_time, e.end_time
                FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE (CAST(:status AS TEXT) IS NULL OR e.status = :status)
                ORDER BY e.job_execution_id DESC LIMIT :limit""")
                .param("status", status).param("limit", limit)
                .query(rs -> {
                    long id = rs.getLong("job_execution_id");
                    found.put(id, new Executions.Execution(id, rs.getString("job_name"), rs.getString("status"),
                            rs.getString("exit_code"), instant(rs.getTimestamp("start_time")),
                            instant(rs.getTimestamp("end_time")), new TreeMap<>()));
                });
        if (!found.isEmpty()) {
            jdbc.sql("""
                    SELECT job_execution_id, parameter_name, parameter_value FROM batch_job_execution_params
                    WHERE job_execution_id IN (:ids)""")
                    .param("ids", List.copyOf(found.keySet()))
                    .query(rs -> {
                        found.get(rs.getLong("job_execution_id")).parameters()
                                .put(rs.getString("parameter_name"), rs.getString("parameter_value"));
                    });
        }
        return List.copyOf(found.values());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
