package thidua.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import thidua.testing.ThiduaSpringTest;

/**
 * jobs/ into Quartz (the JDBC store; the scheduler itself is not started here): a
 * definition becomes a durable, recoverable job with its cron trigger; an unchanged one is
 * left alone when an instance starts again, so a missed firing is still known and a firing
 * another instance just ran is not run again; a changed one is replaced, never firing
 * before the next second; a removed file removes its job.
 */
@ThiduaSpringTest
class ScheduleSyncTest {
    static final String JOBS = ThiduaSpringTest.DATA_DIR + "/jobs";

    @Autowired
    ScheduleSync sync;
    @Autowired
    Scheduler scheduler;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void noSchedules() throws Exception {
        emptyJobsFolder();
        sync.sync();
        assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleSync.GROUP))).isEmpty();
    }

    @Test
    void anUnchangedScheduleIsLeftAloneAChangedOneReplacedARemovedOneDeleted() throws Exception {
        write("scan", "job=import\ncron=0/3 * * * * ?\nmisfire=skip\ninbox=inbox\n");
        write("period-end", "job=consolidate-due\ncron=0 0/10 * * * ?\nout=out\n");
        assertThat(sync.sync()).hasSize(2);
        JobKey scan = JobKey.jobKey("scan", ScheduleSync.GROUP);
        assertThat(scheduler.getJobDetail(scan).requestsRecovery()).isTrue();
        assertThat(scheduler.getJobDetail(scan).getJobDataMap().getString("inbox")).isEqualTo("inbox");
        CronTrigger first = trigger("scan");
        assertThat(first.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
        assertThat(trigger("period-end").getMisfireInstruction())
                .isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        Date created = new Date();
        assertThat(first.getNextFireTime()).isAfter(new Date(created.getTime() - 1000));

        // An instance starting again with the same jobs/: the trigger is the same one, not a new one.
        Thread.sleep(1100);
        sync.sync();
        assertThat(trigger("scan").getStartTime()).isEqualTo(first.getStartTime());
        assertThat(trigger("scan").getNextFireTime()).isEqualTo(first.getNextFireTime());

        // Changed: replaced, and its first firing is after the moment of the change.
        write("scan", "job=import\ncron=0/5 * * * * ?\nmisfire=skip\ninbox=inbox\n");
        Date changed = new Date();
        sync.sync();
        assertThat(trigger("scan").getCronExpression()).isEqualTo("0/5 * * * * ?");
        assertThat(trigger("scan").getNextFireTime()).isAfter(changed);
        write("scan", "job=import\ncron=0/5 * * * * ?\nmisfire=skip\ninbox=inbox-2\n");
        sync.sync();
        assertThat(scheduler.getJobDetail(scan).getJobDataMap().getString("inbox")).isEqualTo("inbox-2");

        // Removed.
        Files.delete(Path.of(JOBS, "period-end.properties"));
        sync.sync();
        assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleSync.GROUP))).containsExactly(scan);
    }

    /**
     * Two instances starting together on a fresh database both store their schedules at once;
     * unless Quartz's row lock holds for the whole sync, both insert the same job or trigger and
     * one start fails on a duplicate key (TwoInstancesTest, now and then). Here four threads sync
     * at the same moment, again and again, on a store emptied each round (no schedule, no lock
     * row, as on a fresh database): every sync succeeds and the schedule is there once.
     */
    @Test
    void syncsAtTheSameMomentOnAFreshDatabaseAllSucceed() throws Exception {
        write("scan", "job=import\ncron=0/3 * * * * ?\nmisfire=skip\ninbox=inbox\n");
        String name = scheduler.getSchedulerName();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 6; round++) {
                for (String table : new String[] {"qrtz_cron_triggers", "qrtz_triggers", "qrtz_job_details",
                        "qrtz_locks"}) {
                    jdbc.sql("DELETE FROM " + table + " WHERE sched_name = ?").param(name).update();
                }
                java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
                java.util.List<java.util.concurrent.Future<?>> syncs = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    syncs.add(pool.submit(() -> {
                        gate.await();
                        return sync.sync();
                    }));
                }
                gate.countDown();
                for (var f : syncs) {
                    f.get(1, java.util.concurrent.TimeUnit.MINUTES); // throws if that sync failed
                }
                assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleSync.GROUP)))
                        .containsExactly(JobKey.jobKey("scan", ScheduleSync.GROUP));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBadDefinitionIsRefusedWithItsFileAndKey() throws Exception {
        write("bad", "job=import\ncron=every minute\n");
        assertThatThrownBy(() -> sync.sync()).hasMessageContaining("bad.properties").hasMessageContaining("cron=");
        write("bad", "job=backup\ncron=0 * * * * ?\n");
        assertThatThrownBy(() -> sync.sync()).hasMessageContaining("job=backup");
    }

    /** Also after each test: the next context to start here reads this folder (a bad file would stop it). */
    @AfterEach
    void emptyJobsFolder() throws Exception {
        Path jobs = Files.createDirectories(Path.of(JOBS));
        try (Stream<Path> files = Files.list(jobs)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    private CronTrigger trigger(String name) throws Exception {
        return (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey(name, ScheduleSync.GROUP));
    }

    private static void write(String name, String content) throws Exception {
        Files.writeString(Path.of(JOBS, name + ".properties"), content);
    }
}
