package thidua.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import thidua.access.Signed;
import thidua.batch.BadRequest;
import thidua.batch.Executions;
import thidua.batch.Outputs;

/** Job executions and their restart, consolidation on request, and the outputs to download. */
@RestController
@RequestMapping("/api")
class JobsController {
    private final Executions executions;
    private final Outputs outputs;

    JobsController(Executions executions, Outputs outputs) {
        this.executions = executions;
        this.outputs = outputs;
    }

    record Execution(long id, String job, String status, String exitCode, Instant startTime, Instant endTime,
                     String parameters) {
        static Execution of(Executions.Execution e) {
            String params = e.parameters().isEmpty() ? null : e.parameters().entrySet().stream()
                    .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(", "));
            // The parameters name the inbox, the output folder, the staged upload: their last segment only.
            return new Execution(e.id(), e.job(), e.status(), e.exitCode(), e.startTime(), e.endTime(),
                    ServerPaths.hide(params));
        }
    }

    @GetMapping("/executions")
    List<Execution> executions(@RequestParam(required = false) String status,
                               @RequestParam(name = "limit", defaultValue = "100") String limitText) throws BadRequest {
        int limit = (int) Math.min(Ids.parse(limitText, "limit"), 1000);
        return executions.list(status, limit).stream().map(Execution::of).toList();
    }

    /** Restarts a FAILED or STOPPED execution with its own parameters; 409 otherwise, 404 for an unknown id. */
    @PostMapping("/executions/{id}/restart")
    RunView restart(@PathVariable String id, HttpServletRequest request) throws BadRequest {
        long n = Ids.parse(id, "mã lần chạy");
        if (!executions.exists(n)) {
            throw new ApiErrors.NotFound("không có lần chạy #" + n);
        }
        return RunView.of(executions.restart(n, Signed.user().login(), request.getRemoteAddr()));
    }

    /**
     * Consolidates a period now, always into the configured output folder (a caller never
     * chooses where files are written); 409 if one is running.
     */
    @PostMapping("/periods/{period}/consolidate")
    RunView consolidate(@PathVariable String period, @RequestParam(required = false) String out,
                        HttpServletRequest request) throws BadRequest {
        if (out != null) {
            throw new BadRequest("không nhận thư mục ra từ yêu cầu: kết quả luôn ghi vào thư mục đã cấu hình (thidua.out-dir)");
        }
        return RunView.of(outputs.consolidateNow(period, Signed.user().login(), request.getRemoteAddr()));
    }

    @GetMapping("/outputs")
    List<Outputs.Output> outputs() {
        return outputs.list();
    }

    @GetMapping("/outputs/{period}/{file}")
    ResponseEntity<Resource> output(@PathVariable String period, @PathVariable String file,
                                    HttpServletRequest request) {
        // Only a file that outputs() lists, matched by name: no path is ever built from the request.
        Outputs.Output found = outputs.find(period, file)
                .orElseThrow(() -> new ApiErrors.NotFound("không có tệp kết quả " + period + "/" + file));
        return outputs.download(found, Signed.user().login(), request.getRemoteAddr()).response();
    }
}
