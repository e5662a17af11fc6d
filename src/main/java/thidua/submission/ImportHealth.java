package thidua.submission;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * `/actuator/health` → `import`: UP until a file was rejected for what reading it would
 * cost (memory or time), then DEGRADED with the counts, no file name and no path. The
 * process itself stays healthy (the overall status and the HTTP code are unchanged: a
 * custom status outside the aggregate's order): the files were refused, nothing failed.
 */
@Component("import")
class ImportHealth implements HealthIndicator {
    static final Status DEGRADED = new Status("DEGRADED", "files rejected for what reading them would cost");
    private final ParseBudget budget;

    ImportHealth(ParseBudget budget) {
        this.budget = budget;
    }

    @Override
    public Health health() {
        long costly = budget.tooCostlyCount();
        long timedOut = budget.timedOutCount();
        return Health.status(costly + timedOut > 0 ? DEGRADED : Status.UP)
                .withDetail("rejectedTooCostly", costly)
                .withDetail("rejectedTimeout", timedOut)
                .withDetail("parsesStillRunning", budget.overrunning())
                .withDetail("parseHeapBudgetMiB", budget.heapBudget() / (1024 * 1024))
                .withDetail("parseTimeoutSeconds", budget.timeout().toSeconds())
                .build();
    }
}
