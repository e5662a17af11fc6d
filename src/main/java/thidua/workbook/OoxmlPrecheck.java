package thidua.workbook;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Looks inside an .xlsx before POI loads it whole, over the very parts POI will read
 * ({@link CheckedZip}), with a streaming XML read that needs little memory: macros, a
 * binary or Strict workbook, a DTD (the door to external entities) in any XML part
 * whatever its name or extension, and sheets or string tables larger than a submission
 * can have, in every part, so that loading the workbook afterwards stays bounded. The
 * streaming reader ({@link XlsxGrid}) applies the same rules to the parts it reads whole,
 * which {@link #parts} then need not read again.
 */
final class OoxmlPrecheck {
    private static final XMLInputFactory XML = StaxParsers.FACTORY;
    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** ISO 29500 Strict: the same workbook in other namespaces, which POI cannot read. */
    static final String STRICT = "http://purl.oclc.org/ooxml/";

    private OoxmlPrecheck() {
    }

    static void check(CheckedZip zip, WorkbookLimits limits) throws UnreadableWorkbookException {
        names(zip);
        parts(zip, limits, Set.of());
    }

    /** The checks of the parts' names (and of the content types' text), which no reading replaces. */
    static void names(CheckedZip zip) throws UnreadableWorkbookException {
        for (CheckedZip.Part part : zip.parts()) {
            String name = part.name().toLowerCase(Locale.ROOT);
            if (name.endsWith("vbaproject.bin")) {
                throw unsafe("E-FILE-MACRO", "Tệp có chứa macro (.xlsm): cần lưu thành .xlsx (Excel Workbook) rồi gửi lại.");
            }
            if (name.endsWith("workbook.bin") || (name.equals("[content_types].xml")
                    && new String(part.content(), StandardCharsets.UTF_8).contains("sheet.binary"))) {
                throw unsafe("E-FILE-XLSB", "Tệp là sổ tính nhị phân Excel (.xlsb), hệ thống chỉ đọc .xlsx và .xls: "
                        + "cần mở bằng Excel, chọn Lưu thành \"Excel Workbook (*.xlsx)\" rồi gửi lại.");
            }
        }
    }

    /**
     * The checks of the XML parts but {@code readWhole}: parts the streaming reader has read to
     * their end under these same rules ({@link XlsxGrid}: no DTD, no Strict namespace, rows,
     * cells and strings within the limits), the workbook among them when it is not empty.
     */
    static void parts(CheckedZip zip, WorkbookLimits limits, Set<String> readWhole) throws UnreadableWorkbookException {
        Seen seen = new Seen();
        seen.workbook = readWhole.contains("xl/workbook.xml");
        for (CheckedZip.Part part : zip.parts()) {
            if (!readWhole.contains(part.name()) && looksLikeXml(part.content())) {
                read(part.content(), limits, seen);
            }
        }
        if (seen.strict) {
            throw unsafe("E-FILE-STRICT-OOXML", "Tệp được lưu theo kiểu \"Strict Open XML Spreadsheet\", hệ thống chưa "
                    + "đọc được kiểu này: cần mở bằng Excel, chọn Lưu thành \"Excel Workbook (*.xlsx)\" rồi gửi lại.");
        }
        if (!seen.workbook) {
            throw unsafe("E-FILE-NOT-SPREADSHEET", "Tệp không phải bảng tính Excel (là một tệp nén hoặc tài liệu "
                    + "Office khác, không có sổ tính): cần gửi tệp Excel theo mẫu.");
        }
    }

    /** What the XML parts held between them. */
    private static final class Seen {
        boolean strict;
        boolean workbook;
    }

    /**
     * Streams one XML part through, refusing a DTD and counting rows, cells and strings
     * of SpreadsheetML wherever they are: a sheet stored under any name still counts.
     */
    private static void read(byte[] content, WorkbookLimits limits, Seen seen) throws UnreadableWorkbookException {
        int rows = 0;
        int cells = 0;
        int strings = 0;
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(content));
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamReader.DTD) {
                        throw unsafe("E-FILE-UNSAFE", "Tệp có khai báo DTD/thực thể ngoài (không an toàn), Excel không "
                                + "tạo ra tệp như vậy: cần lưu lại bằng Excel rồi gửi lại.");
                    }
                    if (event != XMLStreamReader.START_ELEMENT) {
                        continue;
                    }
                    String ns = xml.getNamespaceURI();
                    if (ns != null && ns.startsWith(STRICT)) {
                        seen.strict = true;
                    }
                    if (!MAIN.equals(ns) && !(ns != null && ns.startsWith(STRICT))) {
                        continue;
                    }
                    switch (xml.getLocalName()) {
                        case "workbook" -> seen.workbook = true;
                        case "row" -> {
                            if (++rows > limits.maxRows()) {
                                throw unsafe("E-FILE-TOO-MANY-ROWS", "Một sheet có hơn " + limits.maxRows()
                                        + " dòng: báo cáo chỉ gồm các dòng chỉ tiêu, cần xóa dữ liệu thừa rồi gửi lại.");
                            }
                        }
                        case "c" -> {
                            if (++cells > limits.maxCells()) {
                                throw unsafe("E-FILE-TOO-MANY-CELLS", "Một sheet có hơn " + limits.maxCells()
                                        + " ô có nội dung: báo cáo chỉ gồm các dòng chỉ tiêu, cần xóa dữ liệu thừa "
                                        + "rồi gửi lại.");
                            }
                        }
                        case "si" -> {
                            if (++strings > limits.maxSharedStrings()) {
                                throw unsafe("E-FILE-TOO-MANY-CELLS", "Tệp có hơn " + limits.maxSharedStrings()
                                        + " đoạn chữ khác nhau: báo cáo chỉ gồm các dòng chỉ tiêu, cần xóa dữ liệu "
                                        + "thừa rồi gửi lại.");
                            }
                        }
                        default -> {
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw unsafe("E-FILE-CORRUPT", "Tệp Excel bị hỏng (nội dung XML lỗi): cần lưu lại tệp bằng Excel và gửi lại.");
        }
    }

    /** XML whatever the part is called: a byte-order mark, or `<` after white space (UTF-8 or UTF-16). */
    private static boolean looksLikeXml(byte[] content) {
        int i = 0;
        if (content.length >= 2 && ((content[0] & 0xFF) == 0xFE || (content[0] & 0xFF) == 0xFF)
                && ((content[1] & 0xFF) == 0xFE || (content[1] & 0xFF) == 0xFF)) {
            return true;
        }
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB) {
            return true;
        }
        if (content.length >= 2 && content[0] == 0x4C && content[1] == 0x6F) {
            return true; // "<?" in EBCDIC, which some XML parsers read
        }
        while (i < content.length && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r'
                || content[i] == '\n' || content[i] == 0)) {
            i++;
        }
        return i < content.length && content[i] == '<';
    }

    private static UnreadableWorkbookException unsafe(String code, String message) {
        return new UnreadableWorkbookException(Finding.error(code, "", "", message));
    }
}
