package thidua.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.consolidation.ConsolidationJobConfig;
import thidua.submission.RerunJobConfig;
import thidua.testing.Database;
import thidua.testing.ThiduaSpringTest;

/** The one "already running?" check: an execution not ended blocks its like, by job and parameter, until it ends. */
@ThiduaSpringTest
class AlreadyRunningTest {
    /** Its own parameters each run: the job repository outlives a test run. */
    private static final String UNIQUE = java.time.Instant.now() + "#" + System.nanoTime();
    private static final String PERIOD = "P" + System.nanoTime();
    private static final long IMPORT = System.nanoTime();

    @Autowired
    BatchRuns runs;
    @Autowired
    Outputs outputs;
    @Autowired
    JobRepository repository;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() throws Exception {
        Database.reset(jdbc, ThiduaSpringTest.DATA_DIR);
    }

    @Test
    void aRunningConsolidationOfAPeriodIsAConflictForThatPeriodOnlyUntilItEnds() throws Exception {
        JobExecution running = started(ConsolidationJobConfig.JOB, new JobParametersBuilder()
                .addString("period", PERIOD).addString("requestedAt", UNIQUE).toJobParameters());
        assertThat(runs.running(ConsolidationJobConfig.JOB, "period", PERIOD)).isTrue();
        assertThat(runs.running(ConsolidationJobConfig.JOB, "period", PERIOD + "1")).isFalse();
        assertThat(runs.running(RerunJobConfig.JOB, "period", PERIOD)).isFalse();
        assertThatThrownBy(() -> outputs.consolidateNow(PERIOD, "hq", "127.0.0.1"))
                .isInstanceOf(Conflict.class).hasMessageContaining("đang được tổng hợp");

        end(running);
        assertThat(runs.running(ConsolidationJobConfig.JOB, "period", PERIOD)).isFalse();
        // No longer blocked: refused now for what it is, a period no scheme defines.
        assertThatThrownBy(() -> outputs.consolidateNow(PERIOD, "hq", "127.0.0.1"))
                .isInstanceOf(BadRequest.class).isNotInstanceOf(Conflict.class);
    }

    @Test
    void aRunningRerunIsFoundByItsImportId() {
        JobExecution running = started(RerunJobConfig.JOB, new JobParametersBuilder()
                .addLong("importId", IMPORT).addString("requestedAt", UNIQUE).toJobParameters());
        assertThat(runs.running(RerunJobConfig.JOB, "importId", IMPORT)).isTrue();
        assertThat(runs.running(RerunJobConfig.JOB, "importId", IMPORT + 1)).isFalse();
        end(running);
        assertThat(runs.running(RerunJobConfig.JOB, "importId", IMPORT)).isFalse();
    }

    private JobExecution started(String job, JobParameters params) {
        JobExecution e = repository.createJobExecution(repository.createJobInstance(job, params), params,
                new ExecutionContext());
        e.setStatus(BatchStatus.STARTED);
        e.setStartTime(LocalDateTime.now());
        repository.update(e);
        return e;
    }

    private void end(JobExecution e) {
        e.setStatus(BatchStatus.COMPLETED);
        e.setEndTime(LocalDateTime.now());
        repository.update(e);
    }
}
