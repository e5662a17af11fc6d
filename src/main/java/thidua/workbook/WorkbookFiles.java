package thidua.workbook;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.IOUtils;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens workbooks that people sent us, by content and never by name, with POI's
 * zip-bomb and allocation limits tightened, and turns every way a file can be
 * unreadable into a {@link Finding} instead of a stack trace.
 */
public final class WorkbookFiles {
    /** Default upper bound of a submission file. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(1_000);
        IOUtils.setByteArrayMaxOverride(100 * 1024 * 1024);
    }

    private WorkbookFiles() {
    }

    public static Workbook open(Path file, long maxBytes) throws UnreadableWorkbookException {
        return open(file, WorkbookLimits.ofFileSize(maxBytes));
    }

    public static Workbook open(Path file, WorkbookLimits limits) throws UnreadableWorkbookException {
        long maxBytes = limits.maxFileBytes();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw unreadable("E-FILE-UNREADABLE", "Không đọc được tệp: " + e.getMessage());
        }
        if (size == 0) {
            throw unreadable("E-FILE-EMPTY", "Tệp rỗng (0 byte): cần gửi lại tệp Excel có nội dung.");
        }
        if (size > maxBytes) {
            throw unreadable("E-FILE-TOO-LARGE", "Tệp dài " + size + " byte, vượt giới hạn " + maxBytes
                    + " byte: cần gửi tệp báo cáo đúng mẫu, không kèm dữ liệu khác.");
        }
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw unreadable("E-FILE-UNREADABLE", "Không đọc được tệp: " + e.getMessage());
        }
        try {
            return switch (magic) {
                case OOXML -> {
                    OoxmlPrecheck.check(file, limits);
                    XSSFWorkbook workbook = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
                    if (workbook.isMacroEnabled()) {
                        workbook.close();
                        throw unreadable("E-FILE-MACRO",
                                "Tệp có chứa macro (.xlsm): cần lưu thành .xlsx (Excel Workbook) rồi gửi lại.");
                    }
                    yield workbook;
                }
                case OLE2 -> rowsWithin(openOle2(file), limits);
                default -> throw unreadable("E-FILE-NOT-SPREADSHEET",
                        "Tệp không phải bảng tính Excel (.xlsx hoặc .xls): cần gửi tệp Excel theo mẫu.");
            };
        } catch (UnreadableWorkbookException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw encrypted();
        } catch (Exception e) { // an OutOfMemoryError is the caller's: submission.ParseBudget
            throw unreadable("E-FILE-CORRUPT", "Tệp Excel bị hỏng hoặc không an toàn, không mở được ("
                    + e.getClass().getSimpleName() + "): cần lưu lại tệp bằng Excel và gửi lại.");
        }
    }

    /** A legacy .xls, or an encrypted .xlsx (which is an OLE2 container holding the encrypted package). */
    private static Workbook openOle2(Path file) throws IOException, UnreadableWorkbookException {
        POIFSFileSystem fs; // in memory: the size was bounded above, and no file handle outlives the read
        try (InputStream in = Files.newInputStream(file)) {
            fs = new POIFSFileSystem(in);
        }
        if (fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY)) {
            throw encrypted();
        }
        return new HSSFWorkbook(fs.getRoot(), true);
    }

    /** A legacy .xls is loaded whole (its size is bounded); its rows are counted afterwards. */
    private static Workbook rowsWithin(Workbook workbook, WorkbookLimits limits) throws UnreadableWorkbookException {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (workbook.getSheetAt(i).getPhysicalNumberOfRows() > limits.maxRows()) {
                throw unreadable("E-FILE-TOO-MANY-ROWS", "Một sheet có hơn " + limits.maxRows()
                        + " dòng: báo cáo chỉ gồm các dòng chỉ tiêu, cần xóa dữ liệu thừa rồi gửi lại.");
            }
        }
        return workbook;
    }

    private static UnreadableWorkbookException encrypted() {
        return unreadable("E-FILE-ENCRYPTED", "Tệp được đặt mật khẩu: cần gỡ mật khẩu rồi gửi lại.");
    }

    private static UnreadableWorkbookException unreadable(String code, String message) {
        return new UnreadableWorkbookException(Finding.error(code, "", "", message));
    }
}
