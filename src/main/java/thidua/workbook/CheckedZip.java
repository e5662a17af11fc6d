package thidua.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipEntrySource;

/**
 * An .xlsx read once, from bytes in memory, by the one zip parser whose parts both the
 * safety checks and POI see. Two parsers of one zip can disagree (the local headers
 * against the central directory, a second entry of the same name, bytes hidden
 * between entries), and a file made to exploit that would pass the checks with
 * content they never saw; so the structure must be the plain one every real writer
 * produces, entries back to back from the first byte to the central directory, each
 * local header saying what its central record says, or the file is refused.
 */
final class CheckedZip {
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DESCRIPTOR = 0x08074b50;

    /** One part, inflated; {@code name} as stored in the zip. */
    record Part(String name, byte[] content) {
    }

    private final Map<String, Part> parts;

    private CheckedZip(Map<String, Part> parts) {
        this.parts = parts;
    }

    /** The parts, in the order they lie in the file. */
    List<Part> parts() {
        return List.copyOf(parts.values());
    }

    Part part(String name) {
        return parts.get(name);
    }

    static CheckedZip read(byte[] zip, WorkbookLimits limits) throws UnreadableWorkbookException {
        try {
            return new Reader(zip, limits).read();
        } catch (IndexOutOfBoundsException e) {
            throw damaged(); // a record that runs past the end of the file
        }
    }

    /** The parts as POI reads them: the same bytes the checks saw, and nothing else. */
    ZipEntrySource entrySource() {
        return new ZipEntrySource() {
            private boolean closed;

            @Override
            public Enumeration<? extends ZipArchiveEntry> getEntries() {
                List<ZipArchiveEntry> entries = new ArrayList<>();
                for (Part part : parts.values()) {
                    entries.add(entry(part));
                }
                return Collections.enumeration(entries);
            }

            @Override
            public ZipArchiveEntry getEntry(String path) {
                Part part = parts.get(path);
                return part == null ? null : entry(part);
            }

            @Override
            public InputStream getInputStream(ZipArchiveEntry entry) {
                Part part = parts.get(entry.getName());
                return part == null ? null : new ByteArrayInputStream(part.content());
            }

            @Override
            public void close() {
                closed = true;
            }

            @Override
            public boolean isClosed() {
                return closed;
            }
        };
    }

    private static ZipArchiveEntry entry(Part part) {
        ZipArchiveEntry entry = new ZipArchiveEntry(part.name());
        entry.setSize(part.content().length);
        return entry;
    }

    static UnreadableWorkbookException damaged() {
        return new UnreadableWorkbookException(Finding.error("E-FILE-ZIP-DAMAGED", "", "",
                "Tệp .xlsx bị hỏng hoặc không trọn vẹn (có thể do tải lên, tải về hay sao chép dở dang): "
                        + "cần lấy lại tệp gốc, mở bằng Excel, lưu lại rồi gửi lại."));
    }

    static UnreadableWorkbookException mismatch() {
        return new UnreadableWorkbookException(Finding.error("E-FILE-ZIP-MISMATCH", "", "",
                "Cấu trúc nén của tệp không nhất quán (mục lục các phần khác với chính các phần, hoặc có "
                        + "dữ liệu ẩn ngoài các phần): Excel không tạo ra tệp như vậy, cần mở bằng Excel, "
                        + "lưu lại rồi gửi lại."));
    }

    private record Central(byte[] rawName, String name, int flags, int method, long crc, long compressedSize,
                           long size, long offset) {
    }

    private static final class Reader {
        private final byte[] zip;
        private final WorkbookLimits limits;
        private long inflatedTotal;

        Reader(byte[] zip, WorkbookLimits limits) {
            this.zip = zip;
            this.limits = limits;
        }

        CheckedZip read() throws UnreadableWorkbookException {
            int end = endRecord();
            if (u16(end + 4) != 0 || u16(end + 6) != 0 || u16(end + 8) != u16(end + 10)) {
                throw damaged(); // a multi-volume archive
            }
            int count = u16(end + 10);
            long directorySize = u32(end + 12);
            long directoryOffset = u32(end + 16);
            if (count > limits.maxEntries()) {
                throw new UnreadableWorkbookException(Finding.error("E-FILE-TOO-MANY-PARTS", "", "",
                        "Tệp có " + count + " phần nén, quá giới hạn " + limits.maxEntries()
                                + " (báo cáo thật chỉ có vài chục phần): cần gửi tệp báo cáo đúng mẫu."));
            }
            // the central directory ends where the end record begins: nothing (no zip64 record) in between
            if (directoryOffset + directorySize != end) {
                throw mismatch();
            }
            List<Central> entries = new ArrayList<>();
            Set<String> names = new HashSet<>();
            int at = (int) directoryOffset;
            for (int i = 0; i < count; i++) {
                if (i32(at) != CENTRAL) {
                    throw mismatch();
                }
                int nameLength = u16(at + 28);
                byte[] rawName = Arrays.copyOfRange(zip, at + 46, at + 46 + nameLength);
                String name = new String(rawName, StandardCharsets.UTF_8);
                Central c = new Central(rawName, name, u16(at + 8), u16(at + 10), u32(at + 16),
                        u32(at + 20), u32(at + 24), u32(at + 42));
                if (c.compressedSize == 0xFFFFFFFFL || c.size == 0xFFFFFFFFL || c.offset == 0xFFFFFFFFL) {
                    throw mismatch(); // zip64: no submission needs it
                }
                if (!names.add(name.replace('\\', '/').toLowerCase(Locale.ROOT))) {
                    throw new UnreadableWorkbookException(Finding.error("E-FILE-UNSAFE", "", "",
                            "Tệp có hai phần cùng tên \"" + name + "\" (tệp bị sửa bất thường): cần lưu lại "
                                    + "bằng Excel rồi gửi lại."));
                }
                entries.add(c);
                at += 46 + nameLength + u16(at + 30) + u16(at + 32);
            }
            if (at != end) {
                throw mismatch();
            }
            // back to back from the first byte to the central directory: no gap, no overlap, no prefix
            entries.sort(Comparator.comparingLong(Central::offset));
            Map<String, Part> parts = new LinkedHashMap<>();
            long next = 0;
            for (Central c : entries) {
                if (c.offset != next) {
                    throw mismatch();
                }
                next = local(c, parts);
            }
            if (next != directoryOffset) {
                throw mismatch();
            }
            return new CheckedZip(parts);
        }

        /** Checks the local header of {@code c} against it, inflates the part; returns where the entry ends. */
        private long local(Central c, Map<String, Part> parts) throws UnreadableWorkbookException {
            int at = (int) c.offset;
            if (i32(at) != LOCAL) {
                throw mismatch();
            }
            int flags = u16(at + 6);
            int nameLength = u16(at + 26);
            int dataStart = at + 30 + nameLength + u16(at + 28);
            boolean descriptor = (c.flags & 8) != 0;
            if (flags != c.flags || u16(at + 8) != c.method
                    || !Arrays.equals(zip, at + 30, at + 30 + nameLength, c.rawName, 0, c.rawName.length)) {
                throw mismatch();
            }
            if (!descriptor && (u32(at + 14) != c.crc || u32(at + 18) != c.compressedSize || u32(at + 22) != c.size)) {
                throw mismatch();
            }
            // with a data descriptor the local header may leave them 0, but must not say something else
            if (descriptor && (!zeroOr(u32(at + 14), c.crc) || !zeroOr(u32(at + 18), c.compressedSize)
                    || !zeroOr(u32(at + 22), c.size))) {
                throw mismatch();
            }
            if ((c.flags & 1) != 0) {
                throw new UnreadableWorkbookException(Finding.error("E-FILE-ENCRYPTED", "", "",
                        "Tệp được đặt mật khẩu: cần gỡ mật khẩu rồi gửi lại."));
            }
            long dataEnd = dataStart + c.compressedSize;
            if (dataEnd > zip.length) {
                throw damaged();
            }
            long entryEnd = dataEnd;
            if (descriptor) {
                int d = (int) dataEnd;
                if (i32(d) == DESCRIPTOR) {
                    d += 4;
                }
                if (u32(d) != c.crc || u32(d + 4) != c.compressedSize || u32(d + 8) != c.size) {
                    throw mismatch();
                }
                entryEnd = d + 12;
            }
            if (limits.refusesPart(c.size, c.compressedSize)) {
                throw tooLarge(); // too large, or inflates like a zip bomb, not like a workbook
            }
            byte[] content = switch (c.method) {
                case 0 -> Arrays.copyOfRange(zip, dataStart, (int) dataEnd);
                case 8 -> inflate(dataStart, (int) c.compressedSize, c.size);
                default -> throw damaged();
            };
            inflatedTotal += content.length;
            if (inflatedTotal > limits.maxTotalBytes()) {
                throw tooLarge();
            }
            CRC32 crc = new CRC32();
            crc.update(content);
            if (content.length != c.size || crc.getValue() != c.crc) {
                throw damaged();
            }
            parts.put(c.name, new Part(c.name, content));
            return entryEnd;
        }

        /** Inflates exactly the compressed bytes of one entry, and never more than it claims. */
        private byte[] inflate(int from, int length, long size) throws UnreadableWorkbookException {
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(zip, from, length);
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, 1 << 20));
                byte[] buffer = new byte[64 * 1024];
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw damaged();
                    }
                    out.write(buffer, 0, n);
                    if (out.size() > size) {
                        throw damaged(); // more than the header said
                    }
                }
                if (inflater.getRemaining() != 0) {
                    throw mismatch(); // bytes after the end of the compressed stream, inside the entry
                }
                return out.toByteArray();
            } catch (DataFormatException e) {
                throw damaged();
            } finally {
                inflater.end();
            }
        }

        /** The end-of-central-directory record: the one whose comment reaches exactly the end of the file. */
        private int endRecord() throws UnreadableWorkbookException {
            for (int at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xFFFF); at--) {
                if (i32(at) == END && at + 22 + u16(at + 20) == zip.length) {
                    return at;
                }
            }
            throw damaged();
        }

        private static boolean zeroOr(long local, long central) {
            return local == 0 || local == central;
        }

        private UnreadableWorkbookException tooLarge() {
            return new UnreadableWorkbookException(Finding.error("E-FILE-TOO-LARGE", "", "",
                    "Nội dung tệp khi giải nén vượt giới hạn " + limits.maxTotalBytes()
                            + " byte (có thể là tệp nén bất thường): cần gửi tệp báo cáo đúng mẫu."));
        }

        private int u16(int at) {
            return (zip[at] & 0xFF) | (zip[at + 1] & 0xFF) << 8;
        }

        private int i32(int at) {
            return u16(at) | u16(at + 2) << 16;
        }

        private long u32(int at) {
            return i32(at) & 0xFFFFFFFFL;
        }
    }
}
