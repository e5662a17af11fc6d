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

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
