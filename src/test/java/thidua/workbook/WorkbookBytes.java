package thidua.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Byte-level variants of a saved workbook that no workbook API writes: zip surgery on an
 * .xlsx (a part replaced, padded, added or present twice) and password protection. The
 * one place for such helpers; {@link WorkbookEdits} makes the cell-level variants.
 */
public final class WorkbookBytes {
    private WorkbookBytes() {
    }

    /** The .xlsx with the part {@code name} (UTF-8 text) changed by {@code change}. */
    public static byte[] replaceEntry(byte[] xlsx, String name, UnaryOperator<String> change) {
        boolean[] found = {false};
        byte[] result = rewrite(xlsx, (entry, content, zip) -> {
            if (entry.equals(name)) {
                found[0] = true;
                content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            put(zip, entry, content);
        });
        if (!found[0]) {
            throw new IllegalArgumentException("no part " + name);
        }
        return result;
    }

    /**
     * The .xlsx with {@code spaces} spaces after the XML of part {@code name}: still
     * well-formed, and compressing about 1000:1, the shape of a zip bomb. Streamed, so
     * that making a bomb costs little memory.
     */
    public static byte[] padEntry(byte[] xlsx, String name, long spaces) {
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) ' ');
        boolean[] found = {false};
        byte[] result = rewrite(xlsx, (entry, content, zip) -> {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            if (entry.equals(name)) {
                found[0] = true;
                for (long left = spaces; left > 0; left -= block.length) {
                    zip.write(block, 0, (int) Math.min(left, block.length));
                }
            }
            zip.closeEntry();
        });
        if (!found[0]) {
            throw new IllegalArgumentException("no part " + name);
        }
        return result;
    }

    /** The .xlsx with one more part at its end. */
    public static byte[] addEntry(byte[] xlsx, String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            copyEntries(xlsx, zip, (n, c, z) -> put(z, n, c));
            put(zip, name, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The .xlsx with the part {@code name} present twice, the second copy changed by
     * {@code changeOfCopy}: readers that take the first or the last part see different
     * workbooks. Zip writers refuse a second entry of the same name, so the copy is
     * written under a placeholder of the same length, renamed afterwards in the bytes
     * (names are not covered by the CRC).
     */
    public static byte[] duplicateEntry(byte[] xlsx, String name, UnaryOperator<String> changeOfCopy) {
        String placeholder = "~".repeat(name.length());
        byte[][] copy = {null};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            copyEntries(xlsx, zip, (entry, content, z) -> {
                put(z, entry, content);
                if (entry.equals(name)) {
                    copy[0] = changeOfCopy.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
            });
            if (copy[0] == null) {
                throw new IllegalArgumentException("no part " + name);
            }
            put(zip, placeholder, copy[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        byte[] from = placeholder.getBytes(StandardCharsets.US_ASCII);
        byte[] to = name.getBytes(StandardCharsets.US_ASCII);
        int renamed = 0;
        for (int i = 0; i <= bytes.length - from.length; i++) {
            if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, bytes, i, to.length);
                renamed++;
            }
        }
        if (renamed != 2) { // the local header and the central directory
            throw new IllegalStateException("placeholder found " + renamed + " times");
        }
        return bytes;
    }

    /**
     * The .xlsx with a changed copy of part {@code name} whose zip records disagree: the
     * local headers (what a streaming reader sees) still say {@code name} is the original
     * and the copy is {@code placeholder} (same length), while the central directory (what
     * POI's zip file reads) says {@code name} is the copy.
     */
    public static byte[] hiddenCopy(byte[] xlsx, String name, String placeholder, UnaryOperator<String> change) {
        if (name.length() != placeholder.length()) {
            throw new IllegalArgumentException("placeholder must be as long as the name");
        }
        byte[][] copy = {null};
        rewrite(xlsx, (entry, content, zip) -> {
            if (entry.equals(name)) {
                copy[0] = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
        });
        if (copy[0] == null) {
            throw new IllegalArgumentException("no part " + name);
        }
        // the placeholder needs a content type, or POI refuses the package before reading the copy
        byte[] typed = replaceEntry(xlsx, "[Content_Types].xml", types -> types.contains("Extension=\"bin\"") ? types
                : types.replace("<Default ", "<Default ContentType=\"application/vnd.openxmlformats-officedocument."
                        + "spreadsheetml.printerSettings\" Extension=\"bin\"/><Default "));
        byte[] bytes = addEntry(typed, placeholder, copy[0]);
        int end = bytes.length - 22;
        int at = le32(bytes, end + 16);
        int[] found = {-1, -1};
        for (int i = 0, count = le16(bytes, end + 10); i < count; i++) {
            int length = le16(bytes, at + 28);
            String entry = new String(bytes, at + 46, length, StandardCharsets.UTF_8);
            if (entry.equals(name)) {
                found[0] = at + 46;
            } else if (entry.equals(placeholder)) {
                found[1] = at + 46;
            }
            at += 46 + length + le16(bytes, at + 30) + le16(bytes, at + 32);
        }
        byte[] a = Arrays.copyOfRange(bytes, found[0], found[0] + name.length());
        System.arraycopy(bytes, found[1], bytes, found[0], name.length());
        System.arraycopy(a, 0, bytes, found[1], name.length());
        return bytes;
    }

    /**
     * The .xlsx with part {@code from} stored at {@code to} (both under {@code xl/}), the
     * workbook's relationships and the content types following it: a legal package whose
     * part is not where readers expect it.
     */
    public static byte[] moveEntry(byte[] xlsx, String from, String to, UnaryOperator<String> change) {
        String relativeFrom = from.substring("xl/".length());
        String relativeTo = to.substring("xl/".length());
        return rewrite(xlsx, (entry, content, zip) -> {
            if (entry.equals(from)) {
                put(zip, to, change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            } else if (entry.equals("[Content_Types].xml") || entry.equals("xl/_rels/workbook.xml.rels")) {
                String text = new String(content, StandardCharsets.UTF_8)
                        .replace("\"/" + from + "\"", "\"/" + to + "\"")
                        .replace("\"" + relativeFrom + "\"", "\"" + relativeTo + "\"");
                put(zip, entry, text.getBytes(StandardCharsets.UTF_8));
            } else {
                put(zip, entry, content);
            }
        });
    }

    /** The .xlsx in ISO 29500 Strict: the same parts in the purl.oclc.org namespaces, as Excel saves "Strict Open XML". */
    public static byte[] strict(byte[] xlsx) {
        return rewrite(xlsx, (entry, content, zip) -> put(zip, entry, new String(content, StandardCharsets.UTF_8)
                .replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                        "http://purl.oclc.org/ooxml/spreadsheetml/main")
                .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                        "http://purl.oclc.org/ooxml/officeDocument/relationships")
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** A binary workbook (.xlsb): an OOXML package whose workbook part is xl/workbook.bin. */
    public static byte[] xlsb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-excel.sheet.binary.macroEnabled.main\"/>"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "</Types>").getBytes(StandardCharsets.UTF_8));
            put(zip, "_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"xl/workbook.bin\"/></Relationships>")
                    .getBytes(StandardCharsets.UTF_8));
            // BrtBeginBook, BrtFileVersion: the first records of a real workbook.bin
            put(zip, "xl/workbook.bin", new byte[] {(byte) 0x83, 0x01, 0x00, (byte) 0x80, 0x01, 0x00});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An Excel 5.0/95 workbook: a BIFF5 stream (BOF version 0x0500, then EOF) in an OLE2
     * container under the entry "Book", where Excel 97 and later write "Workbook".
     */
    public static byte[] excel95() {
        byte[] biff5 = {0x09, 0x08, 0x08, 0x00, 0x00, 0x05, 0x05, 0x00, (byte) 0xBB, 0x0D, (byte) 0xCC, 0x07,
                0x0A, 0x00, 0x00, 0x00};
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            byte[] stream = Arrays.copyOf(biff5, 4096); // a real Book stream is not shorter than this
            fs.createDocument(new ByteArrayInputStream(stream), "Book");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .xlsx protected by a password (agile encryption, as Excel's "Encrypt with Password"). */
    public static byte[] encryptXlsx(byte[] xlsx, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(xlsx));
                 OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The legacy .xls protected by a password (RC4, as Excel 97-2003 writes it). */
    public static byte[] encryptXls(byte[] xls, String password) {
        try (HSSFWorkbook workbook = new HSSFWorkbook(new ByteArrayInputStream(xls))) {
            Biff8EncryptionKey.setCurrentUserPassword(password);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    // ------------------------------------------------------------------ zip plumbing

    @FunctionalInterface
    private interface EntryCopier {
        void copy(String name, byte[] content, ZipOutputStream zip) throws IOException;
    }

    private static byte[] rewrite(byte[] xlsx, EntryCopier copier) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            copyEntries(xlsx, zip, copier);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void copyEntries(byte[] xlsx, ZipOutputStream zip, EntryCopier copier) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                copier.copy(e.getName(), in.readAllBytes(), zip);
            }
        }
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int le32(byte[] b, int at) {
        return le16(b, at) | le16(b, at + 2) << 16;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
