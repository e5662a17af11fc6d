package thidua.delivery;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import thidua.files.Sha256;

/**
 * Decides whether an output is "the same file" as one delivered before. Writers stamp
 * their files with the time they were written (an xlsx made by POI carries
 * {@code dcterms:created} in {@code docProps/core.xml}; a PDF has {@code /CreationDate},
 * {@code /ModDate}, a time-based {@code /ID} and XMP dates; zip entries carry times
 * too), so the bytes of two runs on the same data differ. The fingerprint is a
 * SHA-256 of the content with those stamps left out:
 * <ul>
 * <li>zip-based (xlsx, docx…, detected by content): every entry's name and
 * uncompressed bytes, in name order — entry times and compression do not count — with
 * the {@code created}, {@code modified} and {@code lastPrinted} elements removed from
 * {@code docProps/core.xml} (its title and the rest still count);</li>
 * <li>PDF: the file with every Flate stream inflated, then {@code /CreationDate},
 * {@code /ModDate}, {@code /ID}, XMP dates and document/instance ids, stream lengths and
 * cross-reference offsets removed — what is drawn on the pages still counts;</li>
 * <li>anything else: the whole file.</li>
 * </ul>
 * A file that cannot be read as its format claims is fingerprinted whole. Leaving
 * something out can only make two files compare equal, so only time stamps and values
 * derived from the layout of the file itself are left out.
 */
final class Fingerprint {
    private static final String CORE_PROPERTIES = "docProps/core.xml";
    private static final Pattern CORE_DATES = Pattern.compile(
            "<(dcterms:created|dcterms:modified|cp:lastPrinted)\\b[^>]*?(?:/>|>.*?</\\1\\s*>)", Pattern.DOTALL);
    /** Bound on what a fingerprint inflates: the outputs are far smaller. */
    private static final long MAX_INFLATED = 512L * 1024 * 1024;

    private static final Pattern PDF_STREAM = Pattern.compile("(?<!end)stream\r?\n");
    private static final Pattern PDF_VOLATILE = Pattern.compile(String.join("|",
            // Info dictionary dates, as literal or hex strings.
            "/(?:CreationDate|ModDate)\\s*(?:\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)",
            // File identifiers.
            "/ID\\s*\\[\\s*(?:<[0-9A-Fa-f\\s]*>|\\((?:\\\\.|[^\\\\)])*\\))\\s*(?:<[0-9A-Fa-f\\s]*>|\\((?:\\\\.|[^\\\\)])*\\))\\s*\\]",
            // XMP metadata dates and ids.
            "<(xmp:CreateDate|xmp:ModifyDate|xmp:MetadataDate|xmpMM:DocumentID|xmpMM:InstanceID)>[^<]*</\\1>",
            "(?:xmp:CreateDate|xmp:ModifyDate|xmp:MetadataDate|xmpMM:DocumentID|xmpMM:InstanceID)=\"[^\"]*\"",
            // Lengths and offsets follow from the rest.
            "/Length\\s+\\d+(?:\\s+\\d+\\s+R)?",
            "\\bxref\\s*\\r?\\n[\\s\\S]*?(?=trailer)",
            "startxref\\s+\\d+",
            "/Prev\\s+\\d+"));

    private Fingerprint() {
    }

    /** The fingerprint of {@code file}, 64 hex characters. */
    public static String of(Path file) throws IOException {
        return of(Files.readAllBytes(file));
    }

    public static String of(byte[] content) {
        if (isZip(content)) {
            try {
                return zip(content);
            } catch (IOException | RuntimeException e) {
                return Sha256.of(content);
            }
        }
        if (isPdf(content)) {
            return Sha256.of(normalisedPdf(content));
        }
        return Sha256.of(content);
    }

    private static boolean isZip(byte[] c) {
        return c.length >= 4 && c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4;
    }

    private static boolean isPdf(byte[] c) {
        return c.length >= 5 && new String(c, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }

    private static String zip(byte[] content) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                byte[] bytes = readBounded(zip, MAX_INFLATED - total);
                total += bytes.length;
                if (entries.put(e.getName(), bytes) != null) {
                    throw new ZipException("duplicate entry " + e.getName());
                }
            }
        }
        if (entries.isEmpty()) {
            throw new ZipException("no entries");
        }
        MessageDigest sha = Sha256.newDigest();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] bytes = e.getValue();
            if (e.getKey().equals(CORE_PROPERTIES)) {
                bytes = CORE_DATES.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll("")
                        .getBytes(StandardCharsets.UTF_8);
            }
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            sha.update(longBytes(name.length));
            sha.update(name);
            sha.update(longBytes(bytes.length));
            sha.update(bytes);
        }
        return Sha256.hex(sha);
    }

    /**
     * The PDF as Latin-1 text with every Flate-compressed stream replaced by its
     * inflated content (so dates inside compressed object streams are seen), then the
     * volatile values removed.
     */
    static byte[] normalisedPdf(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = PDF_STREAM.matcher(text);
        int pos = 0;
        while (m.find(pos)) {
            int start = m.end();
            int end = text.indexOf("endstream", start);
            if (end < 0) {
                break;
            }
            int dictStart = Math.max(text.lastIndexOf(" obj", m.start()), pos);
            String dict = text.substring(dictStart, m.start());
            out.append(text, pos, start);
            String data = text.substring(start, end);
            if (dict.contains("/XRef")) {
                data = ""; // offsets of the objects in this very file
            } else if (dict.contains("/FlateDecode")) {
                byte[] inflated = inflate(data.getBytes(StandardCharsets.ISO_8859_1));
                if (inflated != null) {
                    data = new String(inflated, StandardCharsets.ISO_8859_1);
                }
            }
            out.append(data);
            pos = end;
        }
        out.append(text, pos, text.length());
        return PDF_VOLATILE.matcher(out).replaceAll("").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static byte[] readBounded(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                throw new ZipException("too large to fingerprint");
            }
        }
        return out.toByteArray();
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }
}
