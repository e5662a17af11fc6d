package thidua.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import thidua.consolidation.ConsolidationStore;
import thidua.scheme.Period;
import thidua.scheme.SchemeStore;
import thidua.submission.SubmissionStore;

/**
 * Periods to consolidate now: their deadline has passed (end of day, Vietnamese time), they
 * have at least one accepted submission, and they were never consolidated, or accepted
 * submissions arrived or were re-validated since, or their scheme was replaced since.
 */
@Component
class DuePeriods {
    private final SchemeStore schemes;
    private final ConsolidationStore consolidations;
    private final SubmissionStore submissions;

    public DuePeriods(SchemeStore schemes, ConsolidationStore consolidations, SubmissionStore submissions) {
        this.schemes = schemes;
        this.consolidations = consolidations;
        this.submissions = submissions;
    }

    public List<String> periods() {
        List<String> due = new ArrayList<>();
        for (String code : schemes.currentPeriodCodes()) {
            schemes.currentForPeriod(code).ifPresent(stored -> {
                Period period = stored.scheme().period(code).orElseThrow();
                // Past its deadline, with something to report (no empty report goes out by itself), not yet
                // consolidated as it stands.
                if (period.isLate(Instant.now()) && submissions.lastAcceptedId(code).isPresent()
                        && consolidations.isStale(code, stored.versionId())) {
                    due.add(code);
                }
            });
        }
        return due;
    }
}
