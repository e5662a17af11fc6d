package thidua.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Empties what a test of a shared context may find from another test: thidua's own tables
 * (db/migration V2, V3, V7) and the folders of the data dir. Spring Batch's and Quartz's
 * tables, and the process registry ({@code thidua_process}, {@code job_owner}, which the
 * running context is recorded in), are kept: executions are told apart by their ids.
 *
 * <p>Those ids must also differ between the contexts, whose classes run at the same time: Spring
 * Batch keeps the context of each running step and job in JVM-wide registries keyed by the
 * execution, which equals any other execution of the same id. Two contexts each running their
 * execution #1 at once got each other's step (seen as "wrong version" failures). So each data dir's
 * database numbers its executions from a range of its own ({@link #BATCH_IDS}).
 */
public final class Database {
    /** Every table of thidua's own, V2 (schemes, submissions, consolidations), V3 (delivery), V7 (users, audit). */
    private static final List<String> THIDUA_TABLES = List.of("submission_finding", "submission_value", "unit_result",
            "consolidation", "submission", "scheme_period", "scheme_version", "delivery_file", "delivery", "app_user",
            "audit_event", "inbox_not_file");
    /** What scheme loading and users keep: submissions and everything derived from them. */
    private static final List<String> SUBMISSION_TABLES = List.of("submission_finding", "submission_value",
            "unit_result", "consolidation", "submission", "delivery_file", "delivery", "inbox_not_file");
    /** Kept in the data dir: the database itself and the log (thidua.log and its rolled files). */
    private static final List<String> KEPT = List.of("postgres", "thidua.log");

    /** The first Batch id of each shared context's database; any other database starts at 1. */
    private static final Map<String, Long> BATCH_IDS = Map.of(ThiduaStrictSpringTest.DATA_DIR, 100_000_000L,
            ThiduaWebSpringTest.DATA_DIR, 200_000_000L);
    private static final List<String> BATCH_SEQUENCES = List.of("batch_job_instance_seq", "batch_job_execution_seq",
            "batch_step_execution_seq");

    private Database() {
    }

    /** Every thidua table empty, ids from 1 again. */
    public static void reset(JdbcClient jdbc) {
        truncate(jdbc, THIDUA_TABLES);
    }

    /** {@link #reset(JdbcClient)}, and the data dir's folders (inbox, archive, rejected, out, outbox, …) gone. */
    public static void reset(JdbcClient jdbc, String dataDir) {
        reset(jdbc);
        batchIdsFrom(jdbc, BATCH_IDS.getOrDefault(dataDir, 1L));
        emptyFolders(dataDir);
    }

    /** Moves each Batch sequence up to {@code first} if it is below it (never down: ids stay unique). */
    private static void batchIdsFrom(JdbcClient jdbc, long first) {
        for (String sequence : BATCH_SEQUENCES) {
            jdbc.sql("SELECT setval('" + sequence + "', GREATEST(" + first + ", (SELECT last_value FROM " + sequence
                    + ")), true)").query().singleValue();
        }
    }

    /** Submissions, consolidations and deliveries gone; the loaded schemes and the users kept. */
    public static void emptySubmissions(JdbcClient jdbc) {
        truncate(jdbc, SUBMISSION_TABLES);
    }

    /** No users, ids from 1 again; the audit trail kept. */
    public static void emptyUsers(JdbcClient jdbc) {
        jdbc.sql("TRUNCATE app_user RESTART IDENTITY").update();
    }

    /** Everything under the data dir but its PostgreSQL and its log. */
    public static void emptyFolders(String dataDir) {
        Path dir = Path.of(dataDir);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(c -> KEPT.stream().noneMatch(c.getFileName().toString()::startsWith)).toList()) {
                FileSystemUtils.deleteRecursively(child);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void truncate(JdbcClient jdbc, List<String> tables) {
        jdbc.sql("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE").update();
    }
}
