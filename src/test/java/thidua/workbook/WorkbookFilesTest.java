package thidua.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookFilesTest {
    private static final Path PC08 = Samples.submission("PC08-2024.xlsx");
    private static final long MAX = WorkbookFiles.DEFAULT_MAX_BYTES;

    @TempDir
    Path dir;

    private static Finding refusal(Path file, long maxBytes) {
        UnreadableWorkbookException e = catchThrowableOfType(UnreadableWorkbookException.class,
                () -> WorkbookFiles.open(file, maxBytes).close());
        assertThat(e).as("expected %s to be refused", file.getFileName()).isNotNull();
        Finding f = e.finding();
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).isNotBlank();
        assertThat(f.sheet()).isEmpty();
        assertThat(f.cell()).isEmpty();
        return f;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] sampleBytes() throws IOException {
        return Files.readAllBytes(PC08);
    }

    @Test
    void emptyFile() throws IOException {
        assertThat(refusal(write("PC08-2024.xlsx", new byte[0]), MAX).code()).isEqualTo("E-FILE-EMPTY");
    }

    @Test
    void textFileNamedXlsxIsNotASpreadsheet() throws IOException {
        byte[] csv = "Mã đơn vị;PC08\nKỳ báo cáo;2024\nTNGT.VU;60;73\n".getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(write("PC08-2024.xlsx", csv), MAX).code()).isEqualTo("E-FILE-NOT-SPREADSHEET");
        // a web page saved as .xls, as some portals export
        byte[] html = "<html><body><table><tr><td>PC08</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(write("PC08-2024.xls", html), MAX).code()).isEqualTo("E-FILE-NOT-SPREADSHEET");
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refusal(write("PC08-2024.xlsx", pdf), MAX).code()).isEqualTo("E-FILE-NOT-SPREADSHEET");
    }

    @Test
    void fileOverTheSizeLimit() throws Exception {
        Path copy = write("PC08-2024.xlsx", sampleBytes());
        long size = Files.size(copy);
        Finding f = refusal(copy, size - 1);
        assertThat(f.code()).isEqualTo("E-FILE-TOO-LARGE");
        assertThat(f.message()).contains(String.valueOf(size));
        try (Workbook atTheLimit = WorkbookFiles.open(copy, size)) {
            assertThat(atTheLimit.getNumberOfSheets()).isEqualTo(2);
        }
    }

    @Test
    void truncatedXlsxIsAFindingNotAnException() throws IOException {
        byte[] bytes = sampleBytes();
        Path half = write("PC08-2024.xlsx", Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(refusal(half, MAX).code()).isEqualTo("E-FILE-ZIP-DAMAGED");
        Path header = write("PC08-2024-b.xlsx", Arrays.copyOf(bytes, 100));
        assertThat(refusal(header, MAX).code()).isEqualTo("E-FILE-ZIP-DAMAGED");
    }

    @Test
    void bytesHiddenBetweenZipEntriesAreRefused() throws IOException {
        // a whole local entry a streaming reader would see, that the central directory skips
        byte[] zip = sampleBytes();
        int end = zip.length - 22;
        int directory = le32(zip, end + 16);
        int second = Integer.MAX_VALUE;
        for (int at = directory, i = 0, n = le16(zip, end + 10); i < n; i++) {
            int offset = le32(zip, at + 42);
            second = offset > 0 ? Math.min(second, offset) : second;
            at += 46 + le16(zip, at + 28) + le16(zip, at + 30) + le16(zip, at + 32);
        }
        byte[] hidden = new byte[64];
        hidden[0] = 'P';
        hidden[1] = 'K';
        hidden[2] = 3;
        hidden[3] = 4;
        byte[] changed = new byte[zip.length + hidden.length];
        System.arraycopy(zip, 0, changed, 0, second);
        System.arraycopy(hidden, 0, changed, second, hidden.length);
        System.arraycopy(zip, second, changed, second + hidden.length, zip.length - second);
        int newEnd = end + hidden.length;
        for (int at = directory + hidden.length, i = 0, n = le16(changed, newEnd + 10); i < n; i++) {
            int offset = le32(changed, at + 42);
            if (offset >= second) {
                putLe32(changed, at + 42, offset + hidden.length);
            }
            at += 46 + le16(changed, at + 28) + le16(changed, at + 30) + le16(changed, at + 32);
        }
        putLe32(changed, newEnd + 16, directory + hidden.length);
        assertThat(refusal(write("PC08-2024.xlsx", changed), MAX).code()).isEqualTo("E-FILE-ZIP-MISMATCH");
    }

    @Test
    void localHeaderSizesThatDisagreeWithTheDirectoryAreRefused() throws IOException {
        byte[] zip = sampleBytes();
        putLe32(zip, 22, le32(zip, 22) + 1); // the first entry's uncompressed size, in its local header only
        assertThat(refusal(write("PC08-2024.xlsx", zip), MAX).code()).isEqualTo("E-FILE-ZIP-MISMATCH");
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int le32(byte[] b, int at) {
        return le16(b, at) | le16(b, at + 2) << 16;
    }

    private static void putLe32(byte[] b, int at, int value) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }

    @Test
    void passwordProtectedXlsx() throws Exception {
        Path file = write("PC08-2024.xlsx", WorkbookBytes.encryptXlsx(sampleBytes(), "matkhau"));
        assertThat(refusal(file, MAX).code()).isEqualTo("E-FILE-ENCRYPTED");
    }

    @Test
    void passwordProtectedXls() throws Exception {
        Path plain;
        try (WorkbookEdits edits = WorkbookEdits.copyOf(PC08)) {
            plain = edits.saveAsXls(dir, "plain.xls");
        }
        Path file = write("PC08-2024.xls", WorkbookBytes.encryptXls(Files.readAllBytes(plain), "matkhau"));
        assertThat(refusal(file, MAX).code()).isEqualTo("E-FILE-ENCRYPTED");
    }

    @Test
    void ole2FileThatIsNotAWorkbookIsRefused() throws IOException {
        Path file = dir.resolve("PC08-2024.xls");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), "WordDocument");
            fs.writeFilesystem(out);
        }
        assertThat(refusal(file, MAX).code()).isEqualTo("E-FILE-NOT-SPREADSHEET");
    }

    @Test
    void zipBombIsRefused() throws IOException {
        // a sheet padded with 40 MB of spaces compresses about 1000:1
        byte[] bomb = WorkbookBytes.padEntry(sampleBytes(), "xl/worksheets/sheet1.xml", 40 * 1024 * 1024);
        Path file = write("PC08-2024.xlsx", bomb);
        assertThat(Files.size(file)).isLessThan(1024 * 1024);
        assertThat(refusal(file, MAX).code()).isEqualTo("E-FILE-TOO-LARGE");
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "MAT-KHAU-BI-MAT");
        byte[] bytes = WorkbookBytes.replaceEntry(sampleBytes(), "xl/sharedStrings.xml", xml -> xml.replaceFirst(
                "<sst", "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><sst")
                .replace("<t>PC08</t>", "<t>&xxe;</t>"));
        // Any DOCTYPE is refused by the streaming pre-check, before POI reads anything
        assertThat(refusal(write("PC08-2024.xlsx", bytes), MAX).code()).isEqualTo("E-FILE-UNSAFE");
    }

    @Test
    void missingFileIsUnreadable() {
        assertThat(refusal(dir.resolve("khong-co.xlsx"), MAX).code()).isEqualTo("E-FILE-UNREADABLE");
    }

    @Test
    void fileIsTakenByItsContentNotItsName() throws Exception {
        Path xlsxAsXls = write("PC08-2024.xls", sampleBytes());
        try (Workbook w = WorkbookFiles.open(xlsxAsXls, MAX)) {
            assertThat(w).isInstanceOf(XSSFWorkbook.class);
        }
        Path xls;
        try (WorkbookEdits edits = WorkbookEdits.copyOf(PC08)) {
            xls = edits.saveAsXls(dir, "PC08-2024.xlsx");
        }
        try (Workbook w = WorkbookFiles.open(xls, MAX)) {
            assertThat(w).isInstanceOf(HSSFWorkbook.class);
            assertThat(w.getSheetName(1)).isEqualTo("Chỉ tiêu");
        }
        Path noExtension = write("PC08", sampleBytes());
        try (Workbook w = WorkbookFiles.open(noExtension, MAX)) {
            assertThat(w.getSheet("Thông tin")).isNotNull();
        }
    }

    @Test
    void openingAFileNeverChangesIt() throws IOException, UnreadableWorkbookException {
        Path copy = write("PC08-2024.xlsx", sampleBytes());
        FileTime before = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(copy, before);
        byte[] bytes = Files.readAllBytes(copy);
        try (Workbook w = WorkbookFiles.open(copy, MAX)) {
            w.getSheetAt(0).getRow(3).getCell(1).setCellValue("PC99"); // even if someone edits it in memory
        }
        assertThat(Files.readAllBytes(copy)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(before);
    }

    // ------------------------------------------------------------------ zip surgery

    @Test
    void aCorrectWorkbookStillOpensAfterZipSurgery() throws Exception {
        byte[] same = WorkbookBytes.replaceEntry(sampleBytes(), "xl/worksheets/sheet1.xml", xml -> xml);
        try (Workbook w = WorkbookFiles.open(write("PC08-2024.xlsx", same), MAX);
             Workbook reference = WorkbookFactory.create(new ByteArrayInputStream(sampleBytes()))) {
            assertThat(w.getSheetAt(0).getRow(3).getCell(1).getStringCellValue())
                    .isEqualTo(reference.getSheetAt(0).getRow(3).getCell(1).getStringCellValue());
        }
    }
}
