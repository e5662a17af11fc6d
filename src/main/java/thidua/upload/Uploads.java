package thidua.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import thidua.access.AppUser;
import thidua.access.AuditLog;
import thidua.batch.BatchRuns;
import thidua.batch.RunResult;
import thidua.settings.ThiduaProperties;
import thidua.submission.ImportStatus;
import thidua.files.Sha256;
import thidua.submission.SubmissionStore;
import thidua.submission.UploadJobConfig;
import thidua.submission.UploadParameters;
import thidua.text.Labels;
import thidua.text.LogText;
import thidua.workbook.Finding;

/**
 * Files sent through the console or the API. Each is size-checked and sniffed by content
 * before anything is stored; then staged under a generated name in the data dir and run
 * through the upload job, which examines and files it exactly as an inbox file. The name
 * as sent is kept for people to read, never used in a path.
 */
@Service
public class Uploads {
    /** At most this many files in one upload, from the console or the API. */
    public static final int MAX_FILES = 20;
    private static final Logger log = LoggerFactory.getLogger("thidua.upload");
    private final BatchRuns runs;
    private final SubmissionStore submissions;
    private final AuditLog audit;
    private final Path staging;
    private final Path inbox;
    private final long maxBytes;

    Uploads(BatchRuns runs, SubmissionStore submissions, AuditLog audit, ThiduaProperties settings) {
        this.runs = runs;
        this.submissions = submissions;
        this.audit = audit;
        this.staging = settings.dataDir().toAbsolutePath().normalize().resolve("uploads");
        this.inbox = settings.inboxDir().toAbsolutePath().normalize();
        this.maxBytes = settings.maxFileBytes();
    }

    /**
     * The verdict on one uploaded file, as the page and the API show it.
     *
     * @param status   ACCEPTED, REJECTED, DUPLICATE, or FAILED (the system failed, the file is kept)
     * @param importId the import it became; null when it was refused before anything was stored
     */
    public record Verdict(String originalName, UploadStatus status, Long importId, Long duplicateOf, List<Finding> errors,
                          List<Finding> warnings, boolean errorReport, String message) {
    }

    /** One file of an upload, as the web layer hands it over. */
    public interface Part {
        String name();

        long size();

        InputStream open() throws IOException;

        /** A file of a multipart request. */
        static Part of(MultipartFile f) {
            return new Part() {
                @Override
                public String name() {
                    return f.getOriginalFilename();
                }

                @Override
                public long size() {
                    return f.getSize();
                }

                @Override
                public InputStream open() throws IOException {
                    return f.getInputStream();
                }
            };
        }
    }

    public Verdict accept(Part part, AppUser sender, String address) {
        String name = safeName(part.name());
        String senderUnit = sender.scopeUnit();
        if (part.size() == 0) {
            return refused(name, sender, address, Finding.error("E-FILE-EMPTY", "", "",
                    "Tệp rỗng (0 byte): cần chọn đúng tệp báo cáo đã lưu bằng Excel."));
        }
        if (part.size() > maxBytes) {
            return refused(name, sender, address, tooLarge(part.size()));
        }
        try (InputStream in = FileMagic.prepareToCheckMagic(part.open())) {
            FileMagic magic = FileMagic.valueOf(in);
            if (magic != FileMagic.OOXML && magic != FileMagic.OLE2) {
                return refused(name, sender, address, Finding.error("E-FILE-NOT-SPREADSHEET", "", "",
                        "Tệp \"" + name + "\" không phải bảng tính Excel (.xlsx hoặc .xls), dù tên tệp thế nào: "
                                + "cần mở báo cáo bằng Excel, lưu thành .xlsx rồi gửi lại."));
            }
        } catch (IOException e) {
            return refused(name, sender, address, Finding.error("E-FILE-EMPTY", "", "",
                    "Tệp quá ngắn để là một bảng tính: cần chọn đúng tệp báo cáo."));
        }
        Staged staged;
        try {
            staged = stage(part);
        } catch (TooLarge e) {
            return refused(name, sender, address, tooLarge(e.size));
        } catch (IOException e) {
            log.warn("upload {}: could not stage it: {}", LogText.escape(Labels.clean(name)), LogText.escape(e.toString()));
            return new Verdict(name, UploadStatus.FAILED, null, null, List.of(), List.of(), false,
                    "Không lưu được tệp tải lên (lỗi đĩa trên máy chủ): thử lại sau hoặc báo quản trị.");
        }
        log.info("upload {} by {}: {} bytes", LogText.escape(name), sender.login(), staged.size);
        RunResult result = runs.upload(new UploadParameters(staged.path, inbox, name, staged.arrivedAt,
                staged.size, staged.sha256, sender.login(), senderUnit, address));
        if (!result.ok() || !result.execution().getExecutionContext().containsKey(UploadJobConfig.SUBMISSION_ID)) {
            return new Verdict(name, UploadStatus.FAILED, null, null, List.of(), List.of(), false,
                    "Hệ thống chưa nhận được tệp (lần chạy #" + result.execution().getId() + " lỗi); tệp vẫn được giữ: "
                            + "cơ quan thường trực chạy tiếp lần chạy đó hoặc gửi lại sau.");
        }
        long id = result.execution().getExecutionContext().getLong(UploadJobConfig.SUBMISSION_ID);
        SubmissionStore.Stored stored = submissions.find(id).orElseThrow();
        List<Finding> findings = submissions.findings(id);
        Long duplicateOf = stored.status() == ImportStatus.DUPLICATE ? submissions.duplicateOf(id) : null;
        return new Verdict(name, UploadStatus.of(stored.status()), id, duplicateOf, findings.stream().filter(Finding::isError).toList(),
                findings.stream().filter(f -> !f.isError()).toList(), stored.status() == ImportStatus.REJECTED, null);
    }

    private Finding tooLarge(long size) {
        return Finding.error("E-FILE-TOO-LARGE", "", "", "Tệp " + (size / 1024) + " KB vượt giới hạn "
                + (maxBytes / 1024) + " KB: một báo cáo chỉ gồm các dòng chỉ tiêu, cần xoá ảnh, sheet thừa rồi gửi lại.");
    }

    private Verdict refused(String name, AppUser sender, String address, Finding why) {
        audit.record(sender.login(), "UPLOAD_REFUSED", null, name + ": " + why.code(), address);
        log.info("upload {} by {}: refused before storing, {}", LogText.escape(name), sender.login(), why.code());
        return new Verdict(name, UploadStatus.REJECTED, null, null, List.of(why), List.of(), false, null);
    }

    private record Staged(Path path, long size, String sha256, Instant arrivedAt) {
    }

    private static final class TooLarge extends IOException {
        final long size;

        TooLarge(long size) {
            this.size = size;
        }
    }

    /** The bytes under a generated name, readable by this process's user only, forced to disk. */
    private Staged stage(Part part) throws IOException {
        Files.createDirectories(staging);
        Instant arrived = Instant.now();
        Path path = staging.resolve(UUID.randomUUID() + ".upload");
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        MessageDigest digest = Sha256.newDigest();
        long size = 0;
        try (InputStream in = part.open();
             OutputStream out = new DigestOutputStream(Files.newOutputStream(path, StandardOpenOption.WRITE), digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLarge(size);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(path);
            throw e;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.setLastModifiedTime(path, FileTime.from(arrived));
        return new Staged(path, size, Sha256.hex(digest), arrived);
    }

    /**
     * The name as sent, for people to read: its last path segment (browsers and scripts may
     * send a whole path), without control characters, NFC, at most 200 characters.
     */
    static String safeName(String sent) {
        String name = sent == null ? "" : sent;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).replaceAll("[\\p{Cntrl}\\p{Cf}]", "");
        name = Labels.clean(name);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "tep-tai-len.xlsx";
        }
        return name.length() <= 200 ? name : name.substring(0, 190) + "…" + name.substring(name.length() - 9);
    }
}
