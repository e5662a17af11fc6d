package thidua.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * One log line per finished job step, with its counts: what an admin reads in thidua.log. The
 * file only (the {@code thidua.file-only} logger): the people at the console read the files'
 * verdicts and the summary, not Batch's counters (issue 11).
 */
@Component
public class StepLog implements StepExecutionListener {
    private static final Logger log = LoggerFactory.getLogger("thidua.file-only.steps");

    @Override
    public ExitStatus afterStep(StepExecution step) {
        log.info("step {} of job execution {}: {} read, {} written, {} filtered, {} skipped, {} commits, {} rollbacks, {}",
                step.getStepName(), step.getJobExecutionId(), step.getReadCount(), step.getWriteCount(),
                step.getFilterCount(), step.getSkipCount(), step.getCommitCount(), step.getRollbackCount(),
                step.getExitStatus().getExitCode());
        return null;
    }
}
