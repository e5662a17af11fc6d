package thidua.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.IOUtils;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens workbooks that people sent us, by content and never by name, with POI's
 * zip-bomb and allocation limits tightened, and turns every way a file can be
 * unreadable into a {@link Finding} instead of a stack trace.
 */
public final class WorkbookFiles {
    /** Default upper bound of a submission file. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    /** The exception behind an unreadable file, for the log file only (see logback-spring.xml). */
    private static final Logger log = LoggerFactory.getLogger("thidua.file-only.workbook");

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

    /** A workbook in POI's usermodel (the scheme; an error report's copy). */
    public static Workbook open(Path file, WorkbookLimits limits) throws UnreadableWorkbookException {
        return open(file, limits, zip -> {
            OoxmlPrecheck.check(zip, limits);
            return poi(zip);
        }, workbook -> workbook);
    }

    /**
     * A workbook's typed cells, for reading only: an .xlsx of the plain shape in one
     * streaming pass ({@link XlsxGrid}), any other through POI. The same checks and
     * findings as {@link #open}, whichever way it is read.
     */
    public static Grid read(Path file, WorkbookLimits limits) throws UnreadableWorkbookException {
        return open(file, limits, zip -> streamed(zip, limits), Grid::of);
    }

    /**
     * Whether {@code file} is an .xlsx that passes every check of {@link #open} (which it
     * throws when it does not), without loading it: the caller loads it itself. A legacy
     * .xls is opened and closed again to be checked: false.
     */
    public static boolean isOoxml(Path file, long maxBytes) throws UnreadableWorkbookException {
        WorkbookLimits limits = WorkbookLimits.ofFileSize(maxBytes);
        return open(file, limits, zip -> {
            OoxmlPrecheck.check(zip, limits);
            return true;
        }, workbook -> {
            try {
                workbook.close();
            } catch (IOException e) {
                // read-only: nothing to lose
            }
            return false;
        });
    }

    /** How a checked .xlsx becomes what the caller reads. */
    @FunctionalInterface
    private interface Ooxml<T> {
        T of(CheckedZip zip) throws Exception;
    }

    private static <T> T open(Path file, WorkbookLimits limits, Ooxml<T> ooxml,
                              Function<Workbook, T> ole2) throws UnreadableWorkbookException {
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
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // read once, bounded: the checks and POI see these bytes, whatever happens to the file meanwhile
            bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw unreadable("E-FILE-UNREADABLE", "Không đọc được tệp: " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            throw unreadable("E-FILE-TOO-LARGE", "Tệp dài hơn giới hạn " + maxBytes
                    + " byte: cần gửi tệp báo cáo đúng mẫu, không kèm dữ liệu khác.");
        }
        return open(bytes, file.getFileName(), limits, ooxml, ole2);
    }

    /**
     * {@link #read(Path, WorkbookLimits)} of a workbook already in memory (a stored scheme
     * version, read again as it was loaded).
     */
    public static Grid read(byte[] bytes, WorkbookLimits limits) throws UnreadableWorkbookException {
        if (bytes.length == 0 || bytes.length > limits.maxFileBytes()) {
            throw unreadable("E-FILE-TOO-LARGE", "Tệp rỗng hoặc dài hơn giới hạn " + limits.maxFileBytes() + " byte.");
        }
        return open(bytes, "(in memory)", limits, zip -> streamed(zip, limits), Grid::of);
    }

    /** The checks and the reading of a file's {@code bytes}; {@code name} is for the log file only. */
    private static <T> T open(byte[] bytes, Object name, WorkbookLimits limits, Ooxml<T> ooxml,
                              Function<Workbook, T> ole2) throws UnreadableWorkbookException {
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(bytes);
        } catch (RuntimeException e) {
            magic = FileMagic.UNKNOWN;
        }
        try {
            return read(magic, bytes, limits, ooxml, ole2);
        } catch (UnreadableWorkbookException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw encrypted();
        } catch (Exception e) { // an OutOfMemoryError is the caller's: submission.ParseBudget
            // what went wrong inside POI is for the log file; the sender reads a sentence and a code
            log.debug("{}: unreadable workbook", name, e);
            if (magic == FileMagic.OLE2) {
                throw unreadable("E-FILE-XLS-DAMAGED", "Tệp Excel 97-2003 (.xls) bị hỏng, không đọc được: "
                        + "cần mở bằng Excel, lưu lại thành .xlsx rồi gửi lại.");
            }
            throw unreadable("E-FILE-CORRUPT", "Tệp Excel bị hỏng hoặc có nội dung Excel không tạo ra, "
                    + "không mở được: cần mở bằng Excel, lưu lại rồi gửi lại.");
        }
    }

    private static <T> T read(FileMagic magic, byte[] bytes, WorkbookLimits limits, Ooxml<T> ooxml,
                              Function<Workbook, T> ole2) throws Exception {
        return switch (magic) {
            case OOXML -> ooxml.of(CheckedZip.read(bytes, limits));
            case OLE2 -> ole2.apply(rowsWithin(openOle2(bytes), limits));
            case BIFF2, BIFF3, BIFF4 -> throw oldExcel();
            default -> throw unreadable("E-FILE-NOT-SPREADSHEET",
                    "Tệp không phải bảng tính Excel (.xlsx hoặc .xls): cần gửi tệp Excel theo mẫu.");
        };
    }

    /**
     * An .xlsx read for its cells: streamed ({@link XlsxGrid}), the pre-check then reading only
     * the parts the streaming did not read whole under its rules; else, or when a part breaks
     * them, the whole pre-check and POI, which say what is wrong as they always did.
     */
    private static Grid streamed(CheckedZip zip, WorkbookLimits limits) throws Exception {
        OoxmlPrecheck.names(zip);
        Optional<XlsxGrid> grid = XlsxGrid.read(zip, limits);
        if (grid.isPresent()) {
            OoxmlPrecheck.parts(zip, limits, grid.get().readWhole());
            return grid.get();
        }
        OoxmlPrecheck.parts(zip, limits, Set.of());
        return Grid.of(poi(zip));
    }

    /** Through {@link CheckedZip} only: POI reads the parts the checks have read, not the file again. */
    private static Workbook poi(CheckedZip zip) throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook(OPCPackage.open(zip.entrySource()));
        if (workbook.isMacroEnabled()) {
            workbook.close();
            throw unreadable("E-FILE-MACRO",
                    "Tệp có chứa macro (.xlsm): cần lưu thành .xlsx (Excel Workbook) rồi gửi lại.");
        }
        return workbook;
    }

    /** A legacy .xls, or an encrypted .xlsx (which is an OLE2 container holding the encrypted package). */
    private static Workbook openOle2(byte[] bytes) throws IOException, UnreadableWorkbookException {
        POIFSFileSystem fs; // in memory: the size was bounded above, and no file handle outlives the read
        try {
            fs = new POIFSFileSystem(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            log.debug("unreadable OLE2 container", e);
            throw unreadable("E-FILE-XLS-DAMAGED", "Tệp Excel 97-2003 (.xls) bị hỏng, không đọc được: "
                    + "cần mở bằng Excel, lưu lại thành .xlsx rồi gửi lại.");
        }
        DirectoryNode root = fs.getRoot();
        if (root.hasEntry(Decryptor.DEFAULT_POIFS_ENTRY)) {
            throw encrypted();
        }
        if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK") && !root.hasEntry("BOOK")) {
            if (root.hasEntry("Book")) {
                throw oldExcel(); // Excel 5.0/95 stores its BIFF5 stream as "Book"
            }
            throw unreadable("E-FILE-NOT-SPREADSHEET", "Tệp là tài liệu Office nhưng không phải bảng tính Excel "
                    + "(có thể là tệp Word hay PowerPoint): cần gửi tệp Excel theo mẫu.");
        }
        try {
            return new HSSFWorkbook(root, true);
        } catch (OldExcelFormatException e) {
            throw oldExcel();
        }
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

    private static UnreadableWorkbookException oldExcel() {
        return unreadable("E-FILE-OLD-EXCEL", "Tệp được lưu bằng Excel đời cũ (Excel 5.0/95 trở về trước), hệ thống "
                + "không đọc được: cần mở bằng Excel, lưu lại thành .xlsx rồi gửi lại.");
    }

    private static UnreadableWorkbookException encrypted() {
        return unreadable("E-FILE-ENCRYPTED", "Tệp được đặt mật khẩu: cần gỡ mật khẩu rồi gửi lại.");
    }

    private static UnreadableWorkbookException unreadable(String code, String message) {
        return new UnreadableWorkbookException(Finding.error(code, "", "", message));
    }
}
