package thidua.api;

import java.util.List;
import thidua.batch.RunResult;

/** A launched job as the API reports it. */
record RunView(long executionId, String job, String status, int exitCode, String summary, List<String> problems,
               List<String> failures) {

    static RunView of(RunResult r) {
        return new RunView(r.execution().getId(), r.execution().getJobInstance().getJobName(),
                r.execution().getStatus().name(), r.exitCode(), r.summary(), r.problems(), r.failures());
    }
}
