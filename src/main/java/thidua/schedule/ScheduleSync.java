package thidua.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.quartz.CronScheduleBuilder;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import thidua.scheme.Period;

/**
 * Keeps Quartz in step with {@code jobs/}: at start every definition becomes a durable
 * job with a cron trigger (replacing what the tables held), and a schedule whose file
 * was removed loses its job and trigger. Runs in `serve` only.
 */
@Component
@ConditionalOnProperty(name = "thidua.serve", havingValue = "true")
public class ScheduleSync {
    public static final String GROUP = "thidua";
    private static final Logger log = LoggerFactory.getLogger("thidua.schedule");
    private final Scheduler scheduler;
    private final Path jobsDir;

    public ScheduleSync(Scheduler scheduler, @Value("${thidua.jobs-dir:jobs}") Path jobsDir) {
        this.scheduler = scheduler;
        this.jobsDir = jobsDir;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void syncOnStart() throws IOException, SchedulerException {
        sync();
    }

    public List<ScheduleDefinition> sync() throws IOException, SchedulerException {
        List<ScheduleDefinition> definitions = definitions();
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
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(d.name(), GROUP).forJob(key)
                    .withSchedule(cron).build();
            scheduler.scheduleJob(detail, Set.of(trigger), true);
            log.info("schedule {}: {} at \"{}\" {}", d.name(), d.job(), d.cron(), d.params());
        }
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(key)) {
                scheduler.deleteJob(key);
                log.info("schedule {}: removed (its file is gone from {})", key.getName(), jobsDir);
            }
        }
        return definitions;
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
