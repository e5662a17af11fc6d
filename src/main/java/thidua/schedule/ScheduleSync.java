package thidua.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import thidua.scheme.Period;
import thidua.settings.ThiduaProperties;

/**
 * Keeps Quartz in step with {@code jobs/}: at start every definition becomes a durable
 * job with a cron trigger (replacing what the tables held), and a schedule whose file
 * was removed loses its job and trigger. Runs in `serve` only.
 */
@Component
@ConditionalOnProperty(name = "thidua.serve", havingValue = "true")
class ScheduleSync {
    public static final String GROUP = "thidua";
    private static final Logger log = LoggerFactory.getLogger("thidua.schedule");
    private final Scheduler scheduler;
    private final TransactionTemplate transaction;
    private final Path jobsDir;

    public ScheduleSync(Scheduler scheduler, PlatformTransactionManager transactions, ThiduaProperties settings) {
        this.scheduler = scheduler;
        this.transaction = new TransactionTemplate(transactions);
        this.jobsDir = settings.jobsDir();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void syncOnStart() throws IOException, SchedulerException {
        sync();
    }

    /**
     * Stores every definition of jobs/ and removes the schedules whose file is gone, in one
     * transaction: Spring's Quartz job store takes Quartz's row lock (TRIGGER_ACCESS) on the
     * caller's connection, so outside a transaction the lock ended with its own statement and
     * two instances syncing at once both stored the same job (duplicate key, a failed start).
     * In the transaction the lock is held to the end: one instance stores, the other then sees
     * the job there and leaves it, or replaces it with the same definition.
     */
    public List<ScheduleDefinition> sync() throws IOException, SchedulerException {
        List<ScheduleDefinition> definitions = definitions();
        try {
            transaction.executeWithoutResult(status -> {
                try {
                    store(definitions);
                } catch (SchedulerException e) {
                    throw new StoreFailed(e);
                }
            });
        } catch (StoreFailed e) {
            throw e.cause;
        }
        return definitions;
    }

    /** A SchedulerException out of the transaction's callback. */
    private static final class StoreFailed extends RuntimeException {
        private final SchedulerException cause;

        StoreFailed(SchedulerException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private void store(List<ScheduleDefinition> definitions) throws SchedulerException {
        Set<JobKey> wanted = new HashSet<>();
        for (ScheduleDefinition d : definitions) {
            JobKey key = JobKey.jobKey(d.name(), GROUP);
            wanted.add(key);
            JobDataMap data = new JobDataMap();
            data.put(ScheduledWork.JOB, d.job());
            d.params().forEach(data::put);
            JobDetail detail = JobBuilder.newJob(ScheduledWork.class).withIdentity(key).usingJobData(data)
                    .storeDurably().requestRecovery(true).withDescription(d.job() + " theo lịch " + d.cron()).build();
            CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(d.cron())
                    .inTimeZone(TimeZone.getTimeZone(Period.ZONE));
            // A missed scan is harmless (the next one takes the files); a missed consolidation is run once on recovery.
            cron = d.misfire().equals("skip") ? cron.withMisfireHandlingInstructionDoNothing()
                    : cron.withMisfireHandlingInstructionFireAndProceed();
            // Starting a second from now: a replaced trigger never fires again a second that already fired.
            CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(d.name(), GROUP).forJob(key)
                    .withSchedule(cron).startAt(Date.from(Instant.now().plusSeconds(1))).build();
            if (unchanged(detail, trigger)) {
                // Left alone: replacing it at every start of an instance would forget a firing missed while
                // no instance ran (misfire), and could fire again one that another instance just ran.
                log.info("schedule {}: unchanged, {} at \"{}\" {}", d.name(), d.job(), d.cron(), d.params());
                continue;
            }
            scheduler.scheduleJob(detail, Set.of(trigger), true);
            log.info("schedule {}: {} at \"{}\" {}", d.name(), d.job(), d.cron(), d.params());
        }
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(key)) {
                scheduler.deleteJob(key);
                log.info("schedule {}: removed (its file is gone from {})", key.getName(), jobsDir);
            }
        }
    }

    /** True when Quartz already holds this job and trigger as defined, in a state that fires. */
    private boolean unchanged(JobDetail wanted, CronTrigger wantedTrigger) throws SchedulerException {
        JobDetail job = scheduler.getJobDetail(wanted.getKey());
        Trigger held = scheduler.getTrigger(wantedTrigger.getKey());
        if (job == null || !(held instanceof CronTrigger trigger)
                || scheduler.getTriggerState(trigger.getKey()) == Trigger.TriggerState.ERROR) {
            return false;
        }
        return job.getJobClass().equals(wanted.getJobClass())
                && job.getJobDataMap().getWrappedMap().equals(wanted.getJobDataMap().getWrappedMap())
                && job.isDurable() == wanted.isDurable() && job.requestsRecovery() == wanted.requestsRecovery()
                && trigger.getJobKey().equals(wanted.getKey())
                && trigger.getCronExpression().equals(wantedTrigger.getCronExpression())
                && trigger.getTimeZone().getID().equals(wantedTrigger.getTimeZone().getID())
                && trigger.getMisfireInstruction() == wantedTrigger.getMisfireInstruction();
    }

    private List<ScheduleDefinition> definitions() throws IOException {
        List<ScheduleDefinition> definitions = new ArrayList<>();
        if (!Files.isDirectory(jobsDir)) {
            log.warn("no schedule folder {}: nothing runs by itself", jobsDir.toAbsolutePath());
            return definitions;
        }
        try (Stream<Path> files = Files.list(jobsDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
                definitions.add(ScheduleDefinition.read(f));
            }
        }
        return definitions;
    }
}
