package thidua.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import thidua.access.AppUser;
import thidua.access.Signed;
import thidua.batch.BadRequest;
import thidua.batch.ImportAccess;
import thidua.submission.ImportStatus;
import thidua.submission.SubmissionStore;
import thidua.workbook.Finding;

/**
 * Imports: each file taken from the inbox or uploaded, with its verdict, errors and
 * warnings; rerun; downloads. A UNIT user sees only its own unit's imports: any other id
 * answers 404, as an id that does not exist.
 */
@RestController
@RequestMapping("/api/imports")
class ImportsController {
    private final SubmissionStore submissions;
    private final ImportAccess imports;

    ImportsController(SubmissionStore submissions, ImportAccess imports) {
        this.submissions = submissions;
        this.imports = imports;
    }

    /** One import as the API shows it: no server path. */
    record ImportView(long id, String originalName, ImportStatus status, String unitCode, String periodCode,
                      Instant arrivedAt, String uploadedBy) {
        static ImportView of(SubmissionStore.Stored s) {
            return new ImportView(s.id(), s.originalName(), s.status(), s.unitCode(), s.periodCode(), s.arrivedAt(),
                    s.uploadedBy());
        }
    }

    @GetMapping
    List<SubmissionStore.Listed> list(@RequestParam(required = false) String period,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(required = false) String unit,
                                      @RequestParam(defaultValue = "200") String limit) throws BadRequest {
        ImportStatus st = status == null || status.isBlank() ? null
                : ImportStatus.of(status.toUpperCase(Locale.ROOT))
                        .orElseThrow(() -> new BadRequest("status phải là ACCEPTED, REJECTED hoặc DUPLICATE"));
        int n = (int) Math.min(Ids.parse(limit, "limit"), 1000);
        return submissions.list(blankToNull(period), st, blankToNull(unit), Signed.user().scopeUnit(), Math.max(n, 1));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable String id) throws BadRequest {
        SubmissionStore.Stored s = visible(id);
        List<Finding> findings = submissions.findings(s.id());
        return Map.of("import", ImportView.of(s), "errors", findings.stream().filter(Finding::isError).toList(),
                "warnings", findings.stream().filter(f -> !f.isError()).toList());
    }

    /** Re-validates a rejected import; 409 if it is not rejected or is being rerun. */
    @PostMapping("/{id}/rerun")
    List<RunView> rerun(@PathVariable String id, HttpServletRequest request) throws BadRequest {
        SubmissionStore.Stored s = visible(id);
        return imports.rerun(s, Signed.user(), request.getRemoteAddr()).stream().map(RunView::of).toList();
    }

    @GetMapping("/{id}/original")
    ResponseEntity<Resource> original(@PathVariable String id, HttpServletRequest request) throws BadRequest {
        SubmissionStore.Stored s = visible(id);
        return imports.original(s, Signed.user(), request.getRemoteAddr())
                .orElseThrow(() -> new ApiErrors.NotFound("không có tệp " + s.originalName())).response();
    }

    @GetMapping("/{id}/error-report")
    ResponseEntity<Resource> errorReport(@PathVariable String id, HttpServletRequest request) throws BadRequest {
        SubmissionStore.Stored s = visible(id);
        return imports.errorReport(s, Signed.user(), request.getRemoteAddr())
                .orElseThrow(() -> new ApiErrors.NotFound("không có tệp " + ImportAccess.errorReportName(s)))
                .response();
    }

    /** The import with this id if the signed-in user may see it; 404 otherwise, as for an id that does not exist. */
    private SubmissionStore.Stored visible(String id) throws BadRequest {
        long n = Ids.parse(id, "mã tệp nhận");
        AppUser user = Signed.user();
        return imports.visible(n, user).orElseThrow(() -> new ApiErrors.NotFound("không có tệp nhận #" + n));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
