package thidua.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import thidua.batch.BadRequest;
import thidua.batch.BatchRuns;
import thidua.batch.Conflict;
import thidua.consolidation.ConsolidationJobConfig;
import thidua.text.Labels;

/** Job executions and their restart, consolidation on request, and the outputs to download. */
@RestController
@RequestMapping("/api")
class JobsController {
    private final JdbcClient jdbc;
    private final BatchRuns runs;
    private final org.springframework.batch.core.repository.JobRepository repository;
    private final Path outRoot;
    private final thidua.access.AuditLog audit;

    JobsController(JdbcClient jdbc, BatchRuns runs, org.springframework.batch.core.repository.JobRepository repository,
                   @Value("${thidua.out-dir:out}") Path outRoot, thidua.access.AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.runs = runs;
        this.repository = repository;
        this.outRoot = outRoot.toAbsolutePath().normalize();
    }

    record Execution(long id, String job, String status, String exitCode, Instant startTime, Instant endTime,
                     String parameters) {
    }

    @GetMapping("/executions")
    List<Execution> executions(@RequestParam(required = false) String status,
                               @RequestParam(name = "limit", defaultValue = "100") String limitText) throws BadRequest {
        int limit = (int) Math.min(Ids.parse(limitText, "limit"), 1000);
        return jdbc.sql("""
                SELECT e.job_execution_id, i.job_name, e.status, e.exit_code, e.start_time, e.end_time,
                    (SELECT string_agg(p.parameter_name || '=' || p.parameter_value, ', ' ORDER BY p.parameter_name)
                     FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id)
                FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE (CAST(:status AS TEXT) IS NULL OR e.status = :status)
                ORDER BY e.job_execution_id DESC LIMIT :limit""")
                .param("status", status).param("limit", Math.min(Math.max(limit, 1), 1000))
                // The parameters name the inbox, the output folder, the staged upload: their last segment only.
                .query((rs, n) -> new Execution(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), ServerPaths.hide(rs.getString(7))))
                .list();
    }

    /** Restarts a FAILED or STOPPED execution with its own parameters; 409 otherwise, 404 for an unknown id. */
    @PostMapping("/executions/{id}/restart")
    RunView restart(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) throws BadRequest {
        long n = Ids.parse(id, "mã lần chạy");
        if (runs.findExecution(n).isEmpty()) {
            throw new ApiErrors.NotFound("không có lần chạy #" + n);
        }
        RunView view = RunView.of(runs.restart(n));
        audit.record(thidua.access.Signed.user().login(), "RESTART", "lần chạy #" + n, view.summary(),
                request.getRemoteAddr());
        return view;
    }

    /**
     * Consolidates a period now, always into the configured output folder (a caller never
     * chooses where files are written); 409 if one is running.
     */
    @PostMapping("/periods/{period}/consolidate")
    RunView consolidate(@PathVariable String period, @RequestParam(required = false) String out,
                        jakarta.servlet.http.HttpServletRequest request) throws BadRequest {
        if (out != null) {
            throw new BadRequest("không nhận thư mục ra từ yêu cầu: kết quả luôn ghi vào thư mục đã cấu hình (thidua.out-dir)");
        }
        String code = Labels.code(period);
        if (!code.matches("[A-Z0-9._-]{1,40}")) {
            throw new BadRequest("mã kỳ báo cáo không hợp lệ");
        }
        boolean running = repository.findRunningJobExecutions(ConsolidationJobConfig.JOB).stream()
                .anyMatch(e -> code.equals(e.getJobParameters().getString("period")));
        if (running) {
            throw new Conflict("kỳ " + code + " đang được tổng hợp");
        }
        RunView view = RunView.of(runs.consolidate(code, outRoot));
        audit.record(thidua.access.Signed.user().login(), "CONSOLIDATE", "kỳ " + code, view.summary(),
                request.getRemoteAddr());
        return view;
    }

    record Output(String period, String file, long size, Instant modified) {
    }

    @GetMapping("/outputs")
    List<Output> outputs() throws java.io.IOException {
        if (!Files.isDirectory(outRoot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(outRoot, 2)) {
            return files.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getParent() != null && !p.getParent().equals(outRoot))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> new Output(outRoot.relativize(p.getParent()).toString(), p.getFileName().toString(),
                            p.toFile().length(), Instant.ofEpochMilli(p.toFile().lastModified())))
                    .sorted(java.util.Comparator.comparing(Output::period).thenComparing(Output::file))
                    .toList();
        }
    }

    @GetMapping("/outputs/{period}/{file}")
    ResponseEntity<Resource> output(@PathVariable String period, @PathVariable String file,
                                    jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
        // Only a file that outputs() lists, matched by name: no path is ever built from the request.
        Output found = outputs().stream().filter(o -> o.period().equals(period) && o.file().equals(file)).findFirst()
                .orElseThrow(() -> new ApiErrors.NotFound("không có tệp kết quả " + period + "/" + file));
        audit.record(thidua.access.Signed.user().login(), "DOWNLOAD_OUTPUT", found.period() + "/" + found.file(), null,
                request.getRemoteAddr());
        return ImportsController.download(outRoot.resolve(found.period()).resolve(found.file()), found.file());
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
