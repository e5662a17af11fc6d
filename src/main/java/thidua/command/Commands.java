package thidua.command;

import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;
import thidua.batch.BadRequest;
import thidua.batch.BatchRuns;
import thidua.batch.RunResult;
import thidua.job.ExitCode;
import thidua.scheme.SchemeStore;
import thidua.status.StatusReport;
import thidua.text.Labels;

/**
 * The commands of OPERATIONS.md. Each job command is one or more Spring Batch jobs in
 * the JDBC job repository, launched through {@link BatchRuns}; this class only prints.
 */
@Component
class Commands {
    private final BatchRuns runs;
    private final SchemeStore schemes;
    private final StatusReport statusReport;

    private final UserCommands users;

    public Commands(BatchRuns runs, SchemeStore schemes, StatusReport statusReport, UserCommands users) {
        this.runs = runs;
        this.schemes = schemes;
        this.statusReport = statusReport;
        this.users = users;
    }

    /** Runs one command; returns the process's exit code. */
    public int execute(Invocation invocation) {
        return outcome(invocation).code();
    }

    private ExitCode outcome(Invocation invocation) {
        try {
            return switch (invocation.command()) {
                case "scheme" -> print(runs.scheme(Path.of(invocation.option("file"))));
                case "import" -> print(runs.importInbox(Path.of(invocation.option("inbox"))));
                case "consolidate" -> print(runs.consolidate(invocation.option("period"),
                        Path.of(invocation.option("out"))));
                case "run" -> run(invocation);
                case "status" -> status(invocation.option("period"));
                case "rerun" -> invocation.option("import") != null
                        ? printAll(runs.rerunImport(Long.parseLong(invocation.option("import"))))
                        : print(runs.restart(Long.parseLong(invocation.option("execution"))));
                case "user add", "user list", "user disable", "user enable", "user password" ->
                        users.execute(invocation);
                default -> ExitCode.REFUSED;
            };
        } catch (BadRequest e) {
            System.out.println(invocation.command() + ": " + e.getMessage());
            return ExitCode.REFUSED;
        }
    }

    /** `scheme` + `import` + `consolidate`, stopping at the first that does not complete. */
    private ExitCode run(Invocation invocation) throws BadRequest {
        ExitCode code = print(runs.scheme(Path.of(invocation.option("scheme"))));
        if (code != ExitCode.COMPLETED) {
            System.out.println("run: stopped, the scheme was not loaded");
            return code;
        }
        code = print(runs.importInbox(Path.of(invocation.option("inbox"))));
        if (code != ExitCode.COMPLETED) {
            System.out.println("run: stopped, the import failed");
            return code;
        }
        code = print(runs.consolidate(invocation.option("period"), Path.of(invocation.option("out"))));
        System.out.println(code == ExitCode.COMPLETED ? "run: completed" : "run: consolidation failed");
        return code;
    }

    /** A read-only look at the database: no job, nothing changes. */
    private ExitCode status(String period) throws BadRequest {
        String code = period == null ? null : Labels.code(period);
        if (code != null && schemes.currentForPeriod(code).isEmpty()) {
            throw new BadRequest("kỳ báo cáo \"" + code + "\" không có trong bộ tiêu chí nào đã nạp");
        }
        statusReport.lines(code).forEach(System.out::println);
        return ExitCode.COMPLETED;
    }

    /** Several jobs in a row: the worst exit code. */
    private static ExitCode printAll(List<RunResult> results) {
        ExitCode code = ExitCode.COMPLETED;
        for (RunResult r : results) {
            code = code.worst(print(r));
        }
        return code;
    }

    /** The problems of a refused input, the reasons of a failure, then the one-line summary. */
    private static ExitCode print(RunResult result) {
        result.problems().forEach(p -> System.out.println("  " + p));
        result.failures().forEach(f -> System.out.println("  lỗi: " + f));
        System.out.println(result.summary());
        return result.exitCode();
    }
}
