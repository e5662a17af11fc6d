package thidua.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import thidua.batch.BadRequest;
import thidua.batch.BatchRuns;
import thidua.report.ErrorReportWriter;
import thidua.submission.SubmissionStore;
import thidua.workbook.Finding;

/** Imports: each file taken from the inbox with its verdict, errors and warnings; rerun; downloads. */
@RestController
@RequestMapping("/api/imports")
class ImportsController {
    private final SubmissionStore submissions;
    private final BatchRuns runs;

    ImportsController(SubmissionStore submissions, BatchRuns runs) {
        this.submissions = submissions;
        this.runs = runs;
    }

    @GetMapping
    List<SubmissionStore.Listed> list(@RequestParam(required = false) String period,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(defaultValue = "200") int limit) {
        return submissions.list(period, status == null ? null : status.toUpperCase(java.util.Locale.ROOT),
                Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable long id) {
        SubmissionStore.Stored s = stored(id);
        List<Finding> findings = submissions.findings(id);
        return Map.of("import", s, "errors", findings.stream().filter(Finding::isError).toList(),
                "warnings", findings.stream().filter(f -> !f.isError()).toList());
    }

    /** Re-validates a rejected import; 409 if it is not rejected or is being rerun. */
    @PostMapping("/{id}/rerun")
    List<RunView> rerun(@PathVariable long id) throws BadRequest {
        return runs.rerunImport(id).stream().map(RunView::of).toList();
    }

    @GetMapping("/{id}/original")
    ResponseEntity<Resource> original(@PathVariable long id) {
        SubmissionStore.Stored s = stored(id);
        return download(Path.of(s.storedPath()), s.originalName());
    }

    @GetMapping("/{id}/error-report")
    ResponseEntity<Resource> errorReport(@PathVariable long id) {
        SubmissionStore.Stored s = stored(id);
        String name = s.originalName().replaceFirst("\\.[^.]*$", "") + ErrorReportWriter.SUFFIX;
        return download(ErrorReportWriter.reportPath(Path.of(s.storedPath())), name);
    }

    private SubmissionStore.Stored stored(long id) {
        return submissions.find(id).orElseThrow(() -> new ApiErrors.NotFound("không có tệp nhận #" + id));
    }

    static ResponseEntity<Resource> download(Path file, String name) {
        if (!Files.isRegularFile(file)) {
            throw new ApiErrors.NotFound("không có tệp " + name);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(new FileSystemResource(file));
    }
}
