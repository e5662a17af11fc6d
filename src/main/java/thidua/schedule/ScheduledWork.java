package thidua.schedule;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import thidua.batch.BadRequest;
import thidua.batch.BatchRuns;
import thidua.batch.RunResult;
import thidua.batch.StaleExecutions;

/**
 * What a schedule of {@code jobs/} runs. Not concurrent per schedule, across the cluster:
 * the batch job is launched synchronously, so Quartz holds the job until it ends.
 */
@DisallowConcurrentExecution
class ScheduledWork implements Job {
    static final String JOB = "job";
    private static final Logger log = LoggerFactory.getLogger("thidua.schedule");

    private BatchRuns runs;
    private StaleExecutions stale;
    private DuePeriods due;

    @Autowired
    public void setRuns(BatchRuns runs) {
        this.runs = runs;
    }

    @Autowired
    public void setStale(StaleExecutions stale) {
        this.stale = stale;
    }

    @Autowired
    public void setDue(DuePeriods due) {
        this.due = due;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        String name = context.getJobDetail().getKey().getName();
        // An execution left by an instance that died is made restartable before new work starts.
        stale.recover();
        String firing = firing(context);
        try {
            switch (data.getString(JOB)) {
                case "import" -> report(name, runs.importInbox(Path.of(data.getString("inbox")), firing));
                case "consolidate-due" -> {
                    for (String period : due.periods()) {
                        report(name, runs.consolidate(period, Path.of(data.getString("out")), firing));
                    }
                }
                default -> log.warn("{}: unknown work {}", name, data.getString(JOB));
            }
        } catch (BadRequest e) {
            log.warn("{}: {}", name, e.getMessage());
        } catch (RuntimeException e) {
            throw new JobExecutionException(e);
        }
    }

    /**
     * Which firing this is: {@code schedule@scheduled-time}, plus {@code " recovery"} when an
     * instance runs again the firing of an instance that died while running it (Quartz
     * recovery keeps the original scheduled time in the job data).
     */
    static String firing(JobExecutionContext context) {
        String name = context.getJobDetail().getKey().getName();
        Date scheduled = context.getScheduledFireTime();
        if (!context.isRecovering()) {
            return name + "@" + scheduled.toInstant();
        }
        Object original = context.getMergedJobDataMap()
                .get(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
        Instant at = original == null ? scheduled.toInstant()
                : Instant.ofEpochMilli(Long.parseLong(original.toString()));
        return name + "@" + at + " recovery";
    }

    private static void report(String name, RunResult result) {
        result.failures().forEach(f -> log.warn("{}: {}", name, f));
        log.info("{}: {}", name, result.summary());
    }
}
