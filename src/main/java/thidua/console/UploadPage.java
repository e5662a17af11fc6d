package thidua.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import thidua.access.AppUser;
import thidua.access.Signed;
import thidua.settings.ThiduaProperties;
import thidua.submission.SubmissionStore;
import thidua.upload.Uploads;
import thidua.workbook.Finding;

/**
 * *Nộp báo cáo*: one or several workbooks, each examined and filed exactly as an inbox
 * file ({@link Uploads}), the verdict of each shown at once on the same page.
 */
@Controller
class UploadPage {
    private final Uploads uploads;
    private final SubmissionStore submissions;
    private final long maxFileBytes;
    private final DataSize maxRequest;

    UploadPage(Uploads uploads, SubmissionStore submissions,
               ThiduaProperties settings,
               @Value("${spring.servlet.multipart.max-request-size:60MB}") DataSize maxRequest) {
        this.uploads = uploads;
        this.submissions = submissions;
        this.maxFileBytes = settings.maxFileBytes();
        this.maxRequest = maxRequest;
    }

    /** One file's verdict as the page shows it, with the unit and period it counts for when it was stored. */
    record Card(Uploads.Verdict verdict, String unitCode, String periodCode) {
        /** Errors first, then warnings, as the findings table lists them. */
        public List<Finding> findings() {
            List<Finding> all = new ArrayList<>(verdict.errors());
            all.addAll(verdict.warnings());
            return all;
        }
    }

    @GetMapping("/nop")
    String form(Model model) {
        return form(model, List.of());
    }

    @PostMapping("/nop")
    String upload(@RequestParam(name = "file", required = false) List<MultipartFile> files, HttpServletRequest request,
                  Model model) {
        // A browser sends one empty part when no file was chosen.
        List<MultipartFile> sent = files == null ? List.of() : files.stream()
                .filter(f -> f != null && !(f.isEmpty() && (f.getOriginalFilename() == null
                        || f.getOriginalFilename().isEmpty()))).toList();
        if (sent.isEmpty()) {
            model.addAttribute("problem", "Chưa chọn tệp nào: hãy chọn một hoặc nhiều tệp báo cáo rồi bấm Nộp.");
            return form(model, List.of());
        }
        if (sent.size() > Uploads.MAX_FILES) {
            model.addAttribute("problem", "Mỗi lần nộp tối đa " + Uploads.MAX_FILES + " tệp; bạn đã chọn "
                    + sent.size() + " tệp. Không có tệp nào được lưu.");
            return form(model, List.of());
        }
        AppUser me = Signed.user();
        List<Card> cards = new ArrayList<>();
        for (MultipartFile f : sent) {
            Uploads.Verdict v = uploads.accept(Uploads.Part.of(f), me, request.getRemoteAddr());
            SubmissionStore.Stored stored = v.importId() == null ? null : submissions.find(v.importId()).orElse(null);
            cards.add(new Card(v, stored == null ? null : stored.unitCode(), stored == null ? null : stored.periodCode()));
        }
        return form(model, cards);
    }

    private String form(Model model, List<Card> cards) {
        model.addAttribute("cards", cards);
        model.addAttribute("maxFiles", Uploads.MAX_FILES);
        model.addAttribute("maxFile", maxFileBytes / (1024 * 1024) + " MB");
        model.addAttribute("maxRequest", maxRequest.toMegabytes() + " MB");
        return "upload";
    }
}
