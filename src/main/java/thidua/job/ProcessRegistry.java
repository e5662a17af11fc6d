package thidua.job;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This process, as other thidua processes on the same database see it: host, pid and a
 * heartbeat every few seconds. Every job execution records its owner here, so that one
 * left STARTED can be judged: its owner is gone when it stopped, when its pid no longer
 * runs on this host, or when its heartbeat is stale.
 */
@Component
public class ProcessRegistry implements JobExecutionListener {
    static final long HEARTBEAT_SECONDS = 5;
    /** A process silent this long is taken for dead (a GC pause or a database blip is far shorter). */
    static final long STALE_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger("thidua.batch");
    private static final Logger DETAIL = LoggerFactory.getLogger("thidua.file-only.job");

    private final JdbcClient jdbc;
    private final String id = UUID.randomUUID().toString();
    private final String host;
    private final long pid = ProcessHandle.current().pid();
    /** The executions running in this process, the live objects: what a SIGTERM asks to stop. */
    private final Set<JobExecution> runningHere = ConcurrentHashMap.newKeySet();
    /** The last execution this process started: the one to name when the database went away under it. */
    private volatile Long lastStartedHere;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "thidua-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public ProcessRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.host = hostName();
        jdbc.sql("INSERT INTO thidua_process (id, host, pid, command) VALUES (?, ?, ?, ?)")
                .params(id, host, pid, String.join(" ", ProcessHandle.current().info().arguments().orElse(new String[0])))
                .update();
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    private void beat() {
        try {
            jdbc.sql("UPDATE thidua_process SET heartbeat_at = now() WHERE id = ?").param(id).update();
        } catch (RuntimeException | Error e) {
            // any throw would cancel every later beat, and a live process would look dead to the others
            log.warn("heartbeat not recorded: chưa ghi được nhịp của tiến trình, thử lại sau {} giây",
                    HEARTBEAT_SECONDS);
            DETAIL.warn("heartbeat not recorded", e); // the cause, for the log file only

        }
    }

    @Override
    public void beforeJob(JobExecution execution) {
        jdbc.sql("""
                INSERT INTO job_owner (job_execution_id, process_id) VALUES (?, ?)
                ON CONFLICT (job_execution_id) DO UPDATE SET process_id = EXCLUDED.process_id""")
                .params(execution.getId(), id).update();
        runningHere.add(execution);
        lastStartedHere = execution.getId();
    }

    /** The id of the last job execution this process started, if any. */
    public java.util.Optional<Long> lastStartedHere() {
        return java.util.Optional.ofNullable(lastStartedHere);
    }

    @Override
    public void afterJob(JobExecution execution) {
        runningHere.remove(execution);
    }

    /** The job executions this process is running now. */
    public List<JobExecution> runningHere() {
        return List.copyOf(runningHere);
    }

    /** True when the process that owns this execution is certainly gone. */
    public boolean ownerIsGone(long jobExecutionId) {
        record Owner(String id, String host, long pid, boolean stopped, boolean stale) {
        }
        var owner = jdbc.sql("""
                SELECT p.id, p.host, p.pid, p.stopped_at IS NOT NULL AS stopped,
                       p.heartbeat_at < now() - make_interval(secs => ?) AS stale
                FROM job_owner o JOIN thidua_process p ON p.id = o.process_id WHERE o.job_execution_id = ?""")
                .params(STALE_SECONDS, jobExecutionId)
                .query((rs, n) -> new Owner(rs.getString("id"), rs.getString("host"), rs.getLong("pid"),
                        rs.getBoolean("stopped"), rs.getBoolean("stale")))
                .optional();
        if (owner.isEmpty()) {
            return false; // unknown owner: only the stale check on the execution itself may decide
        }
        Owner o = owner.get();
        if (o.id().equals(id)) {
            return false;
        }
        if (o.stopped() || o.stale()) {
            return true;
        }
        return o.host().equals(host) && ProcessHandle.of(o.pid()).map(p -> !p.isAlive()).orElse(true);
    }

    public String id() {
        return id;
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        try {
            jdbc.sql("UPDATE thidua_process SET stopped_at = now() WHERE id = ?").param(id).update();
        } catch (RuntimeException e) {
            log.debug("stop not recorded: {}", e.getMessage());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
