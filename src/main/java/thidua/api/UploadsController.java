package thidua.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import thidua.access.Signed;
import thidua.batch.BadRequest;
import thidua.upload.Uploads;

/** `POST /api/uploads`: one or more files (field `file`), each with its verdict, in order. */
@RestController
class UploadsController {
    private final Uploads uploads;

    UploadsController(Uploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping("/api/uploads")
    List<Uploads.Verdict> upload(@RequestParam(name = "file", required = false) List<MultipartFile> files,
                                 HttpServletRequest request) throws BadRequest {
        List<MultipartFile> sent = files == null ? List.of() : files.stream().filter(f -> f != null).toList();
        if (sent.isEmpty()) {
            throw new BadRequest("cần ít nhất một tệp trong trường \"file\" (multipart/form-data)");
        }
        if (sent.size() > Uploads.MAX_FILES) {
            throw new BadRequest("mỗi lần gửi tối đa " + Uploads.MAX_FILES + " tệp");
        }
        return sent.stream().map(f -> uploads.accept(Uploads.Part.of(f), Signed.user(), request.getRemoteAddr())).toList();
    }
}
