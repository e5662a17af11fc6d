package thidua.batch;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import thidua.job.ProcessRegistry;

/**
 * At start-up, job executions still marked STARTED whose process is gone (killed, power
 * cut) are marked FAILED through {@link JobOperator#recover}, so they can be restarted.
 * Executions owned by a live process — another instance, or a command still running —
 * are left alone: recover() itself does not check, this class must.
 */
@Component
public class StaleExecutions {
    private static final Logger log = LoggerFactory.getLogger("thidua.batch");
    private final JobRepository repository;
    private final JobOperator operator;
    private final ProcessRegistry processes;

    public StaleExecutions(JobRepository repository, JobOperator operator, ProcessRegistry processes) {
        this.repository = repository;
        this.operator = operator;
        this.processes = processes;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void recoverOnStart() {
        recover();
    }

    /** Recovers what can be recovered now; returns the executions made restartable. */
    public List<JobExecution> recover() {
        List<JobExecution> recovered = new ArrayList<>();
        for (String job : repository.getJobNames()) {
            for (JobExecution execution : repository.findRunningJobExecutions(job)) {
                if (processes.ownerIsGone(execution.getId())) {
                    var left = execution.getStatus(); // recover() changes the execution it is given
                    JobExecution done;
                    try {
                        done = operator.recover(execution);
                    } catch (OptimisticLockingFailureException e) {
                        // Another schedule (or instance) recovered it a moment ago: it is restartable already,
                        // and this firing's own work must still run.
                        log.info("job execution {} ({}) was recovered meanwhile by another run", execution.getId(), job);
                        continue;
                    }
                    log.info("job execution {} ({}) was left {} by a process that is gone: now {}, restartable",
                            execution.getId(), job, left, done.getStatus());
                    recovered.add(done);
                }
            }
        }
        return recovered;
    }
}
