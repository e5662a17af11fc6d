package thidua.api;

import java.util.List;
import thidua.batch.RunResult;

/** A launched job as the API reports it. */
record RunView(long executionId, String job, String status, int exitCode, String summary, List<String> problems,
               List<String> failures) {

    static RunView of(RunResult r) {
        // Summaries and failures are written for the terminal and may name folders: not for API callers.
        return new RunView(r.execution().getId(), r.execution().getJobInstance().getJobName(),
                r.execution().getStatus().name(), r.exitCode().code(), ServerPaths.hide(r.summary()),
                ServerPaths.hide(r.problems()), ServerPaths.hide(r.failures()));
    }
}
