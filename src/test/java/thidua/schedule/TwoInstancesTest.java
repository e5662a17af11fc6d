package thidua.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.testing.ChildJvm;
import thidua.testing.ChildProcessesTest;
import thidua.testing.SharedPostgres;
import thidua.testing.TestSubmissions;
import thidua.testing.TestSubmissions.Made;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance (1): two `serve` instances (child JVMs) on one PostgreSQL, with the
 * schedules of a jobs/ folder of this test (an inbox scan every 3 s, period-end
 * consolidation every 10 s). Every firing of the scan runs once across both: each
 * import execution records the firing that launched it, and no firing has two. The
 * instance running a long import is killed (SIGKILL); the other recovers that firing
 * (Quartz recovery), marks the dead instance's execution FAILED and imports the rest:
 * every file exactly once. Consolidation of the period, whose deadline has passed,
 * runs by itself and again after new submissions.
 */
@ChildProcessesTest
@Order(1) // the longest test of all: started first
class TwoInstancesTest {
    private static final Pattern SERVING = Pattern.compile("serve: scheduler started; console \\S+ ; API (http://\\S+)/api");
    /** Health details are for an ADMIN only: one is stored in the database before the nodes are asked. */
    private static final String ADMIN = "quantri";
    private static final String ADMIN_PASSWORD = "Mat-khau-quan-tri-1";
    private static final int FIRST = 8;
    private static final int SECOND = 40;

    @TempDir
    Path work;
    private SharedPostgres db;

    /** One import execution: which firing launched it, where it ran, how it ended. */
    record Run(long execution, String status, String firing, Long pid) {
        boolean recovery() {
            return firing != null && firing.endsWith(" recovery");
        }

        Instant scheduled() {
            return Instant.parse(firing.replace(" recovery", "").replaceFirst("^[^@]*@", ""));
        }
    }

    @Test
    void everyFiringRunsOnceAcrossTwoInstancesAndTheSurvivorRecoversTheJobOfAKilledOne() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path out = work.resolve("out");
        Path jobs = Files.createDirectories(work.resolve("jobs"));
        Files.writeString(jobs.resolve("import-inbox.properties"), """
                job=import
                cron=0/3 * * * * ?
                misfire=skip
                inbox=%s
                """.formatted(slashes(inbox)));
        Files.writeString(jobs.resolve("consolidate-due.properties"), """
                job=consolidate-due
                cron=0/10 * * * * ?
                out=%s
                """.formatted(slashes(out)));
        List<Made> first = TestSubmissions.write(work.resolve("staging-1"), FIRST, true, "a");
        List<Made> second = TestSubmissions.write(work.resolve("staging-2"), SECOND, false, "b");

        try (SharedPostgres shared = SharedPostgres.start();
             ChildJvm scheme = ChildJvm.start("scheme", ChildJvm.logFile(getClass(), "scheme"), shared.env(), Map.of(),
                     "scheme", "--file", TestSubmissions.SCHEME.toAbsolutePath().toString(),
                     "--data-dir", work.resolve("scheme").toString());
             ChildJvm a = serve(shared, "node-a", jobs);
             ChildJvm b = serve(shared, "node-b", jobs)) {
            db = shared;
            assertThat(scheme.awaitExit(Duration.ofMinutes(3))).as(scheme.tail()).isZero();
            shared.addUser(ADMIN, "ADMIN", ADMIN_PASSWORD);
            String apiA = a.awaitOutput(SERVING, Duration.ofMinutes(3)).group(1);
            String apiB = b.awaitOutput(SERVING, Duration.ofMinutes(3)).group(1);
            for (var node : Map.of("node-a", apiA, "node-b", apiB).entrySet()) {
                JsonNode scheduler = health(node.getValue()).path("components").path("scheduler");
                assertThat(scheduler.path("status").asString()).isEqualTo("UP");
                assertThat(scheduler.path("details").path("clustered").asBoolean()).isTrue();
                assertThat(scheduler.path("details").path("instanceId").asString()).isEqualTo(node.getKey());
                assertThat(scheduler.path("details").path("jobs").asInt()).isEqualTo(2);
            }

            // Both instances up: a few files, then several firings.
            Instant bothUp = Instant.now();
            TestSubmissions.deliver(first, inbox);
            ChildJvm.await("the first files imported", Duration.ofMinutes(2),
                    () -> count("SELECT count(*) FROM submission WHERE filed_at IS NOT NULL") == FIRST);
            ChildJvm.await("five scan firings with both instances up", Duration.ofMinutes(2),
                    () -> runs().stream().filter(r -> r.firing() != null && r.scheduled().isAfter(bothUp)).count() >= 5);

            // Many files: kill the instance that runs their import once it has stored a few.
            TestSubmissions.deliver(second, inbox);
            Run killed = awaitRunning(inbox);
            ChildJvm victim = killed.pid() == a.pid() ? a : b;
            ChildJvm survivor = victim == a ? b : a;
            assertThat(killed.pid()).isIn(a.pid(), b.pid());
            victim.kill();
            long importedWhenKilled = count("SELECT count(*) FROM submission");
            System.err.printf("%s killed during import execution %d (%s) after %d of %d files%n", victim,
                    killed.execution(), killed.firing(), importedWhenKilled, FIRST + SECOND);
            assertThat(status(killed.execution())).as("killed while running").isEqualTo("STARTED");
            assertThat(importedWhenKilled).isLessThan(FIRST + SECOND);

            // The survivor recovers the firing, marks the dead instance's execution FAILED, imports the rest.
            ChildJvm.await("the survivor recovered the killed import and imported every file", Duration.ofMinutes(3),
                    () -> count("SELECT count(*) FROM submission WHERE filed_at IS NOT NULL") == FIRST + SECOND
                            && TestSubmissions.files(inbox).isEmpty()
                            && status(killed.execution()).equals("FAILED")
                            && runs().stream().anyMatch(r -> r.status().equals("COMPLETED")
                            && (killed.firing() + " recovery").equals(r.firing())),
                    this::state);
            List<Run> runs = runs();
            Run recovery = runs.stream().filter(r -> (killed.firing() + " recovery").equals(r.firing()))
                    .findFirst().orElseThrow();
            assertThat(recovery.pid()).as("recovered by the survivor").isEqualTo(survivor.pid());

            // Once per firing across both instances: one execution per scheduled firing, the killed
            // firing once more as its recovery, every execution launched by a firing.
            Map<String, Long> perFiring = runs.stream()
                    .collect(Collectors.groupingBy(r -> String.valueOf(r.firing()), Collectors.counting()));
            assertThat(perFiring).doesNotContainKey("null");
            assertThat(perFiring).allSatisfy((firing, n) -> assertThat(n).as(firing).isEqualTo(1L));
            assertThat(runs.stream().filter(Run::recovery).map(Run::firing))
                    .containsExactly(killed.firing() + " recovery");
            assertThat(runs.stream().filter(r -> !r.recovery()).map(Run::scheduled).distinct()).hasSize(
                    (int) runs.stream().filter(r -> !r.recovery()).count());
            System.err.printf("%d scan firings: %d on node-a, %d on node-b%n", runs.size(),
                    runs.stream().filter(r -> r.pid() != null && r.pid() == a.pid()).count(),
                    runs.stream().filter(r -> r.pid() != null && r.pid() == b.pid()).count());

            // Every file imported exactly once, and its original filed once.
            List<Made> all = Stream.concat(first.stream(), second.stream()).toList();
            Map<String, Long> rowsPerFile = db.jdbc().sql("SELECT sha256, count(*) FROM submission GROUP BY sha256")
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(rowsPerFile).containsOnlyKeys(all.stream().map(Made::sha256).toList());
            assertThat(rowsPerFile.values()).allMatch(n -> n == 1);
            assertThat(count("SELECT count(*) FROM submission WHERE status = 'DUPLICATE'")).isZero();
            assertThat(Stream.concat(TestSubmissions.originals(work.resolve("archive")).stream(),
                    TestSubmissions.originals(work.resolve("rejected")).stream()).map(TestSubmissions::sha256))
                    .containsExactlyInAnyOrderElementsOf(all.stream().map(Made::sha256).toList());

            // Period-end consolidation ran by itself, and again once the last submissions were in.
            ChildJvm.await("2024 consolidated with every accepted submission", Duration.ofMinutes(2),
                    () -> count("""
                            SELECT count(*) FROM consolidation WHERE period_code = '2024' AND last_submission_id =
                                (SELECT max(id) FROM submission WHERE period_code = '2024' AND status = 'ACCEPTED')""") >= 1);
            assertThat(count("SELECT count(*) FROM consolidation WHERE period_code = '2024'")).isGreaterThanOrEqualTo(2);
            assertThat(out.resolve("2024").resolve("bang-diem-2024.xlsx")).exists();
            assertThat(db.jdbc().sql("""
                    SELECT p.parameter_value FROM batch_job_execution e
                    JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                    LEFT JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                        AND p.parameter_name = 'firing'
                    WHERE i.job_name = 'consolidateJob'""").query(String.class).list())
                    .isNotEmpty().allMatch(f -> f != null && f.startsWith("consolidate-due@"));
            assertThat(health(survivor == a ? apiA : apiB).path("components").path("scheduler").path("status")
                    .asString()).isEqualTo("UP");
        }
    }

    private ChildJvm serve(SharedPostgres shared, String node, Path jobs) {
        return ChildJvm.start(node, ChildJvm.logFile(getClass(), node), shared.env(), Map.of(
                        "server.port", "0",
                        "thidua.jobs-dir", jobs.toString(),
                        "thidua.inbox.settle-millis", "0",
                        // a few files per transaction: the kill lands in the middle of the many files
                        "thidua.inbox.chunk-files", "4",
                        "spring.quartz.properties.org.quartz.scheduler.instanceId", node),
                "serve", "--data-dir", work.resolve(node).toString());
    }

    /** The import execution running on the many files, once it has stored a few and has many left. */
    private Run awaitRunning(Path inbox) {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            Optional<Run> running = runs().stream().filter(r -> r.status().equals("STARTED"))
                    .filter(r -> count("SELECT count(*) FROM submission WHERE job_execution_id = ?", r.execution()) >= 3)
                    .findFirst();
            if (running.isPresent() && TestSubmissions.files(inbox).size() >= 20) {
                return running.get();
            }
            assertThat(TestSubmissions.files(inbox)).as("the import ended before it could be killed").isNotEmpty();
            sleep(100);
        }
        throw new AssertionError("no import of the many files was seen running");
    }

    private List<Run> runs() {
        return db.jdbc().sql("""
                SELECT e.job_execution_id, e.status, f.parameter_value, p.pid
                FROM batch_job_execution e
                JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                LEFT JOIN batch_job_execution_params f ON f.job_execution_id = e.job_execution_id
                    AND f.parameter_name = 'firing'
                LEFT JOIN job_owner o ON o.job_execution_id = e.job_execution_id
                LEFT JOIN thidua_process p ON p.id = o.process_id
                WHERE i.job_name = 'importJob' ORDER BY e.job_execution_id""")
                .query((rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class)))
                .list();
    }

    /** What the database says, for a failure message. */
    private String state() {
        return "submissions " + count("SELECT count(*) FROM submission") + ", unfiled "
                + count("SELECT count(*) FROM submission WHERE filed_at IS NULL") + "\nimport runs:\n"
                + runs().stream().map(Run::toString).collect(Collectors.joining("\n"))
                + "\nQuartz: " + db.jdbc().sql("""
                        SELECT trigger_name || ' ' || trigger_group || ' ' || trigger_state || ' next ' || next_fire_time
                        FROM qrtz_triggers""").query(String.class).list()
                + "\nfired: " + db.jdbc().sql("""
                        SELECT instance_name || ' ' || trigger_name || ' ' || state || ' ' || requests_recovery
                        FROM qrtz_fired_triggers""").query(String.class).list()
                + "\nscheduler state: " + db.jdbc().sql("""
                        SELECT instance_name || ' checkin ' || last_checkin_time FROM qrtz_scheduler_state""")
                .query(String.class).list();
    }

    private String status(long execution) {
        return db.jdbc().sql("SELECT status FROM batch_job_execution WHERE job_execution_id = ?").param(execution)
                .query(String.class).single();
    }

    private long count(String sql, Object... params) {
        return db.count(sql, params);
    }

    private static JsonNode health(String api) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(api + "/actuator/health")).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(response.body());
    }

    private static String slashes(Path p) {
        return p.toAbsolutePath().toString().replace('\\', '/');
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
