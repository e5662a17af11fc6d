package thidua.schedule;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** `/actuator/health` → `scheduler`: up while Quartz runs (in `serve`), with its instance id and job count. */
@Component("scheduler")
class SchedulerHealth implements HealthIndicator {
    private final Scheduler scheduler;

    SchedulerHealth(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Health health() {
        try {
            Health.Builder health = scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown()
                    ? Health.up() : Health.down();
            return health.withDetail("instanceId", scheduler.getSchedulerInstanceId())
                    .withDetail("clustered", scheduler.getMetaData().isJobStoreClustered())
                    .withDetail("jobs", scheduler.getJobKeys(
                            GroupMatcher.jobGroupEquals(ScheduleSync.GROUP)).size())
                    .build();
        } catch (SchedulerException e) {
            return Health.down(e).build();
        }
    }
}
