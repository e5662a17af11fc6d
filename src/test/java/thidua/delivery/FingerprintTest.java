package thidua.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** "Identical" ignores the time stamps writers put in files, and nothing else. */
class FingerprintTest {
    private static final Instant MONDAY = Instant.parse("2025-01-06T08:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2025-01-10T17:30:00Z");

    @Test
    void anXlsxWrittenAtAnotherTimeWithTheSameContentHasTheSameFingerprint() throws IOException {
        byte[] monday = xlsx("Tổng hợp", 42, MONDAY);
        byte[] friday = xlsx("Tổng hợp", 42, FRIDAY);
        assertThat(thidua.files.Sha256.of(monday)).isNotEqualTo(thidua.files.Sha256.of(friday));
        assertThat(Fingerprint.of(monday)).isEqualTo(Fingerprint.of(friday));
    }

    @Test
    void anXlsxWithAnotherValueOrTitleHasAnotherFingerprint() throws IOException {
        String base = Fingerprint.of(xlsx("Tổng hợp", 42, MONDAY));
        assertThat(Fingerprint.of(xlsx("Tổng hợp", 43, MONDAY))).isNotEqualTo(base);
        assertThat(Fingerprint.of(xlsx("Bảng điểm", 42, MONDAY))).isNotEqualTo(base);
    }

    @Test
    void zipEntryTimesAndCompressionDoNotCountButNamesAndContentDo() throws IOException {
        byte[] a = zip(MONDAY, Deflater.BEST_SPEED, "a.xml", "<a/>", "b.xml", "<b/>");
        byte[] b = zip(FRIDAY, Deflater.BEST_COMPRESSION, "a.xml", "<a/>", "b.xml", "<b/>");
        assertThat(Fingerprint.of(a)).isEqualTo(Fingerprint.of(b));
        assertThat(Fingerprint.of(zip(MONDAY, Deflater.BEST_SPEED, "a.xml", "<a/>", "c.xml", "<b/>")))
                .isNotEqualTo(Fingerprint.of(a));
        assertThat(Fingerprint.of(zip(MONDAY, Deflater.BEST_SPEED, "a.xml", "<a/>", "b.xml", "<c/>")))
                .isNotEqualTo(Fingerprint.of(a));
    }

    @Test
    void aPdfSavedAgainWithOtherDatesAndIdHasTheSameFingerprint() {
        byte[] monday = pdf("Bao cao thi dua 2024", "D:20250106080000+07'00'", "0A1B2C", false);
        byte[] friday = pdf("Bao cao thi dua 2024", "D:20250110173000+07'00'", "FFEE99", false);
        assertThat(thidua.files.Sha256.of(monday)).isNotEqualTo(thidua.files.Sha256.of(friday));
        assertThat(Fingerprint.of(monday)).isEqualTo(Fingerprint.of(friday));
    }

    @Test
    void datesInsideACompressedObjectStreamAreIgnoredToo() {
        byte[] monday = pdf("Bao cao thi dua 2024", "D:20250106080000+07'00'", "0A1B2C", true);
        byte[] friday = pdf("Bao cao thi dua 2024", "D:20250110173000+07'00'", "FFEE99", true);
        assertThat(thidua.files.Sha256.of(monday)).isNotEqualTo(thidua.files.Sha256.of(friday));
        assertThat(Fingerprint.of(monday)).isEqualTo(Fingerprint.of(friday));
    }

    @Test
    void aPdfWithOtherTextOnItsPageHasAnotherFingerprint() {
        String date = "D:20250106080000+07'00'";
        assertThat(Fingerprint.of(pdf("Bao cao thi dua 2024", date, "0A1B2C", false)))
                .isNotEqualTo(Fingerprint.of(pdf("Bao cao thi dua 2025", date, "0A1B2C", false)));
        assertThat(Fingerprint.of(pdf("Bao cao thi dua 2024", date, "0A1B2C", true)))
                .isNotEqualTo(Fingerprint.of(pdf("Bao cao thi dua 2025", date, "0A1B2C", true)));
    }

    @Test
    void anyOtherFileAndABrokenZipAreTakenWhole() {
        byte[] csv = "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Fingerprint.of(csv)).isEqualTo(thidua.files.Sha256.of(csv));
        byte[] broken = {'P', 'K', 3, 4, 1, 2, 3};
        assertThat(Fingerprint.of(broken)).isEqualTo(thidua.files.Sha256.of(broken));
    }

    // ------------------------------------------------------------------ files

    private static byte[] xlsx(String title, double value, Instant created) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.getProperties().getCoreProperties().setTitle(title);
            wb.getProperties().getCoreProperties().getUnderlyingProperties()
                    .setCreatedProperty(Optional.of(Date.from(created)));
            wb.getProperties().getCoreProperties().getUnderlyingProperties()
                    .setModifiedProperty(Optional.of(Date.from(created)));
            wb.createSheet("Tổng hợp").createRow(0).createCell(0).setCellValue(value);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(Instant time, int level, String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(level);
            for (int i = 0; i < namesAndContents.length; i += 2) {
                ZipEntry e = new ZipEntry(namesAndContents[i]);
                e.setTime(time.toEpochMilli());
                zip.putNextEntry(e);
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * A one-page PDF showing {@code text} (Flate-compressed page content), with creation
     * and modification dates, XMP metadata and a file identifier, and a correct cross
     * reference table. With {@code objectStream}, the Info dictionary sits in a
     * compressed object stream, as PDFBox 3 writes it.
     */
    private static byte[] pdf(String text, String date, String id, boolean objectStream) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                + "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>");
        byte[] content = deflate("BT /F1 12 Tf 72 770 Td (" + text + ") Tj ET");
        objects.add(stream("/Filter /FlateDecode", content));
        String info = "<< /Producer (thidua) /CreationDate (" + date + ") /ModDate (" + date + ") >>";
        objects.add(objectStream ? stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode",
                deflate("5 0 " + info)) : info);
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description>"
                + "<xmp:CreateDate>" + date.substring(2, 16) + "</xmp:CreateDate>"
                + "<xmp:ModifyDate>" + date.substring(2, 16) + "</xmp:ModifyDate>"
                + "<xmpMM:DocumentID>uuid:" + id + "</xmpMM:DocumentID>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta>";
        objects.add(stream("/Type /Metadata /Subtype /XML", xmp.getBytes(StandardCharsets.ISO_8859_1)));

        StringBuilder pdf = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R")
                .append(objectStream ? "" : " /Info 5 0 R")
                .append(" /ID [<").append(id).append("> <").append(id).append(">] >>\n")
                .append("startxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String stream(String dict, byte[] data) {
        return "<< " + dict + " /Length " + data.length + " >>\nstream\n"
                + new String(data, StandardCharsets.ISO_8859_1) + "\nendstream";
    }

    private static byte[] deflate(String text) {
        Deflater deflater = new Deflater();
        deflater.setInput(text.getBytes(StandardCharsets.ISO_8859_1));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
