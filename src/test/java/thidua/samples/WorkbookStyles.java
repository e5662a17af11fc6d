package thidua.samples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Shared cell styles and small cell helpers for the sample workbooks. */
final class WorkbookStyles {

    /** A fixed creation time, so regenerated files carry the same document properties. */
    private static final Date CREATED = Date.from(LocalDate.of(2024, 12, 1).atStartOfDay().toInstant(ZoneOffset.ofHours(7)));

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2024, 12, 1, 0, 0);

    final XSSFWorkbook workbook;
    final CellStyle title;
    final CellStyle header;
    final CellStyle section;
    final CellStyle text;
    final CellStyle integer;
    final CellStyle number;
    final CellStyle decimal;
    final CellStyle date;

    WorkbookStyles(XSSFWorkbook workbook) {
        this.workbook = workbook;
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);

        title = workbook.createCellStyle();
        title.setFont(big);

        header = bordered();
        header.setFont(bold);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        section = bordered();
        section.setFont(bold);

        text = bordered();
        text.setWrapText(true);

        integer = bordered();
        integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));

        number = bordered();

        decimal = bordered();
        decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));

        date = bordered();
        date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
    }

    private CellStyle bordered() {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    static Row row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row != null ? row : sheet.createRow(index);
    }

    static Cell put(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
        return cell;
    }

    static Cell put(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return cell;
    }

    static Cell put(Row row, int column, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return cell;
    }

    /** A header row with the given labels, from column A. */
    void header(Sheet sheet, int rowIndex, String... labels) {
        Row row = row(sheet, rowIndex);
        for (int i = 0; i < labels.length; i++) {
            put(row, i, labels[i], header);
        }
        sheet.createFreezePane(0, rowIndex + 1);
    }

    static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }

    /** Writes the workbook with fixed document properties. */
    void save(Path file) throws IOException {
        workbook.getProperties().getCoreProperties().setCreated(Optional.of(CREATED));
        workbook.getProperties().getCoreProperties().setCreator("thidua sample generator");
        Files.createDirectories(file.toAbsolutePath().getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        workbook.write(bytes);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(withFixedEntryTimes(bytes.toByteArray()));
        }
    }

    /** Rewrites the .xlsx zip with a fixed time on every entry, so regeneration is byte-identical. */
    private static byte[] withFixedEntryTimes(byte[] xlsx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
