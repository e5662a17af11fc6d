package thidua.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Looks inside an .xlsx before POI loads it whole, with a streaming read that needs
 * little memory: duplicate zip entries, parts that inflate too far, macros, a DTD
 * (the door to external entities), and sheets with more rows than a submission can
 * have are refused here, so that loading the workbook afterwards stays bounded.
 */
final class OoxmlPrecheck {
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private OoxmlPrecheck() {
    }

    static void check(Path file, WorkbookLimits limits) throws UnreadableWorkbookException {
        Set<String> names = new HashSet<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!names.add(name.toLowerCase(Locale.ROOT))) {
                    throw unsafe("E-FILE-UNSAFE", "Tệp có hai phần cùng tên \"" + name
                            + "\" (tệp bị sửa bất thường): cần lưu lại bằng Excel rồi gửi lại.");
                }
                if (name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
                    throw unsafe("E-FILE-MACRO", "Tệp có chứa macro (.xlsm): cần lưu thành .xlsx (Excel Workbook) rồi gửi lại.");
                }
                Bounded in = new Bounded(zip, limits.maxPartBytes());
                if (name.startsWith("xl/worksheets/") && name.endsWith(".xml")) {
                    int rows = count(in, "row", limits.maxRows());
                    if (rows > limits.maxRows()) {
                        throw unsafe("E-FILE-TOO-MANY-ROWS", "Một sheet có hơn " + limits.maxRows()
                                + " dòng: báo cáo chỉ gồm các dòng chỉ tiêu, cần xóa dữ liệu thừa rồi gửi lại.");
                    }
                } else if (name.endsWith(".xml") || name.endsWith(".rels")) {
                    count(in, "", 0);
                } else {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                total += in.read;
                if (total > limits.maxTotalBytes()) {
                    throw tooLarge(limits);
                }
            }
        } catch (PartTooLarge e) {
            throw tooLarge(limits);
        } catch (DtdFound e) {
            throw unsafe("E-FILE-UNSAFE", "Tệp có khai báo DTD/thực thể ngoài (không an toàn), Excel không tạo ra "
                    + "tệp như vậy: cần lưu lại bằng Excel rồi gửi lại.");
        } catch (XMLStreamException e) {
            if (causedBy(e, PartTooLarge.class)) {
                throw tooLarge(limits);
            }
            throw unsafe("E-FILE-CORRUPT", "Tệp Excel bị hỏng (nội dung XML lỗi): cần lưu lại tệp bằng Excel và gửi lại.");
        } catch (IOException e) {
            throw unsafe("E-FILE-CORRUPT", "Tệp Excel bị hỏng, không đọc được: cần lưu lại tệp bằng Excel và gửi lại.");
        }
    }

    /** Streams the XML through, counting elements named {@code element} up to {@code stopAbove}. */
    private static int count(InputStream in, String element, int stopAbove) throws XMLStreamException, DtdFound {
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        int count = 0;
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.DTD) {
                    throw new DtdFound();
                }
                if (event == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals(element) && ++count > stopAbove) {
                    return count;
                }
            }
            return count;
        } finally {
            xml.close();
        }
    }

    private static UnreadableWorkbookException tooLarge(WorkbookLimits limits) {
        return unsafe("E-FILE-TOO-LARGE", "Nội dung tệp khi giải nén vượt giới hạn " + limits.maxTotalBytes()
                + " byte (có thể là tệp nén bất thường): cần gửi tệp báo cáo đúng mẫu.");
    }

    private static UnreadableWorkbookException unsafe(String code, String message) {
        return new UnreadableWorkbookException(Finding.error(code, "", "", message));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t) || (t instanceof XMLStreamException x && type.isInstance(x.getNestedException()))) {
                return true;
            }
        }
        return false;
    }

    /** Excel never writes a DTD; one in a part is an attempt at external entities. */
    private static final class DtdFound extends XMLStreamException {
    }

    /** Reading past the bound means the part inflates further than any real submission. */
    private static final class PartTooLarge extends IOException {
    }

    /** Counts and bounds what is read of one zip part, whatever its header claims. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private final long max;
        long read;

        Bounded(InputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > max) {
                throw new PartTooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0 && (read += n) > max) {
                throw new PartTooLarge();
            }
            return n;
        }

        @Override
        public void close() {
            // the zip stream stays open for the next part
        }
    }
}
