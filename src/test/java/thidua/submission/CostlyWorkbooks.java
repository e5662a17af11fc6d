package thidua.submission;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A well-formed .xlsx within every limit of the pre-check (rows, part and total sizes,
 * inflate ratio, no DTD) whose sheets are dense with numbers: cheap on disk, costly for
 * POI to load (about 19 bytes of heap per byte of sheet XML).
 */
final class CostlyWorkbooks {
    private CostlyWorkbooks() {
    }

    /** {@code sheets} sheets of {@code rows} rows × {@code columns} numeric cells each. */
    static Path write(Path file, int sheets, int rows, int columns) {
        StringBuilder overrides = new StringBuilder();
        StringBuilder list = new StringBuilder();
        StringBuilder rels = new StringBuilder();
        for (int s = 1; s <= sheets; s++) {
            overrides.append("<Override PartName=\"/xl/worksheets/sheet").append(s).append(".xml\" ContentType=\"")
                    .append("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            list.append("<sheet name=\"S").append(s).append("\" sheetId=\"").append(s).append("\" r:id=\"rId")
                    .append(s).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(s).append("\" Type=\"http://schemas.openxmlformats.org/")
                    .append("officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(s)
                    .append(".xml\"/>");
        }
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            part(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + overrides + "</Types>");
            part(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + list
                    + "</sheets></workbook>");
            part(zip, "xl/_rels/workbook.xml.rels",
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + rels
                            + "</Relationships>");
            Random random = new Random(10); // numbers that do not compress past the inflate-ratio limit
            for (int s = 1; s <= sheets; s++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + s + ".xml"));
                Writer xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
                xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
                        + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                for (int r = 1; r <= rows; r++) {
                    xml.write("<row r=\"" + r + "\">");
                    for (int c = 0; c < columns; c++) {
                        xml.write("<c><v>" + random.nextInt(1000) + "</v></c>");
                    }
                    xml.write("</row>");
                }
                xml.write("</sheetData></worksheet>");
                xml.flush();
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
