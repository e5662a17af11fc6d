package thidua.report;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlOptions;

/**
 * The content of an output as text, line by line, so that two runs can be compared with
 * a diff: for a workbook every sheet's cells (value or formula, and the style essentials),
 * merged regions, widths, row heights, freeze panes, print setup, notes, links, data
 * validations and charts; for a PDF its pages' size and text, and a digest of what each
 * page draws (operators and numbers, the text itself left out since it is dumped as text).
 * Clock-dependent values ({@code Lập lúc: dd/MM/yyyy HH:mm}, the PDF's {@code ngày dd tháng mm năm yyyy}) are masked.
 */
final class OutputDump {
    /** The creation time every output shows in its header or footer. */
    private static final Pattern GENERATED_AT =
            Pattern.compile("(?i)(lập lúc:? )\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
    static final String MASK = "<thời điểm lập>";
    /** The day the PDF report is dated, in its place and date line (always of one width: only the text is masked). */
    private static final Pattern DATED =
            Pattern.compile("(?i)(ngày )\\d{2} tháng \\d{2} năm \\d{4}");
    static final String DATE_MASK = "<ngày lập>";

    private OutputDump() {
    }

    static String mask(String text) {
        return DATED.matcher(GENERATED_AT.matcher(text).replaceAll("$1" + MASK)).replaceAll("$1" + DATE_MASK);
    }

    static List<String> of(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<String> lines = name.endsWith(".pdf") ? pdf(file) : workbook(file);
        return lines.stream().map(OutputDump::mask).toList();
    }

    // ------------------------------------------------------------------ workbooks

    static List<String> workbook(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            var core = wb.getProperties().getCoreProperties();
            out.add("title: " + core.getTitle());
            out.add("sheets: " + wb.getNumberOfSheets() + ", active " + wb.getActiveSheetIndex()
                    + ", first visible tab " + wb.getFirstVisibleTab());
            List<String> names = new ArrayList<>();
            for (XSSFName n : wb.getAllNames()) {
                names.add("name " + n.getNameName() + " sheet " + n.getSheetIndex() + " = " + n.getRefersToFormula());
            }
            names.stream().sorted().forEach(out::add);
            DataFormatter format = new DataFormatter();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                sheet(wb, wb.getSheetAt(i), format, out);
            }
        }
        return out;
    }

    private static void sheet(XSSFWorkbook wb, XSSFSheet sheet, DataFormatter format, List<String> out) {
        String s = sheet.getSheetName();
        out.add("");
        out.add("== sheet " + s + " (" + wb.getSheetVisibility(wb.getSheetIndex(sheet)) + ", selected "
                + sheet.isSelected() + ")");
        PaneInformation pane = sheet.getPaneInformation();
        if (pane != null) {
            out.add("freeze: " + pane.getVerticalSplitPosition() + " cols, " + pane.getHorizontalSplitPosition()
                    + " rows, frozen " + pane.isFreezePane());
        }
        int lastCol = 0;
        for (Row row : sheet) {
            lastCol = Math.max(lastCol, row.getLastCellNum());
        }
        StringBuilder widths = new StringBuilder("widths (default " + sheet.getDefaultColumnWidth() + "):");
        for (int c = 0; c < lastCol; c++) {
            widths.append(' ').append(col(c)).append('=')
                    .append(sheet.getColumnWidth(c)).append(sheet.isColumnHidden(c) ? "(ẩn)" : "");
        }
        out.add(widths.toString());
        PrintSetup print = sheet.getPrintSetup();
        out.add("print: paper " + print.getPaperSize() + ", landscape " + print.getLandscape() + ", fit to page "
                + sheet.getFitToPage() + " " + print.getFitWidth() + "x" + print.getFitHeight()
                + ", repeating rows " + range(sheet.getRepeatingRows()) + ", repeating cols "
                + range(sheet.getRepeatingColumns()));
        out.add("print header: " + sheet.getHeader().getLeft() + " | " + sheet.getHeader().getCenter() + " | "
                + sheet.getHeader().getRight());
        out.add("print footer: " + sheet.getFooter().getLeft() + " | " + sheet.getFooter().getCenter() + " | "
                + sheet.getFooter().getRight());
        sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString).sorted()
                .forEach(m -> out.add("merged " + m));
        for (Row row : sheet) {
            if (row.getHeight() != sheet.getDefaultRowHeight() || row.getZeroHeight()) {
                out.add("row " + (row.getRowNum() + 1) + " height " + row.getHeightInPoints()
                        + (row.getZeroHeight() ? " (ẩn)" : ""));
            }
            for (Cell cell : row) {
                out.add(s + "!" + cell.getAddress() + " " + style((XSSFCellStyle) cell.getCellStyle()) + " = "
                        + value(cell, format));
            }
        }
        Map<String, String> notes = new TreeMap<>();
        sheet.getCellComments().forEach((address, c) -> notes.put(sortable(address), note(c)));
        notes.forEach((address, note) -> out.add("note " + note));
        for (Hyperlink link : sheet.getHyperlinkList()) {
            out.add("link " + new CellRangeAddress(link.getFirstRow(), link.getLastRow(), link.getFirstColumn(),
                    link.getLastColumn()).formatAsString() + " " + link.getType() + " " + link.getAddress()
                    + " \"" + escape(link.getLabel()) + "\"");
        }
        for (DataValidation v : sheet.getDataValidations()) {
            DataValidationConstraint c = v.getValidationConstraint();
            out.add("validation " + List.of(v.getRegions().getCellRangeAddresses()).stream()
                    .map(CellRangeAddress::formatAsString).toList() + " type " + c.getValidationType() + " op "
                    + c.getOperator() + " " + c.getFormula1() + " " + c.getFormula2() + " list "
                    + (c.getExplicitListValues() == null ? "-" : List.of(c.getExplicitListValues())));
        }
        int conditional = sheet.getSheetConditionalFormatting().getNumConditionalFormattings();
        if (conditional > 0) {
            out.add("conditional formats: " + conditional);
        }
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing != null) {
            for (var shape : drawing.getShapes()) {
                out.add("shape " + shape.getClass().getSimpleName() + " " + shape.getShapeName() + " at "
                        + (shape.getAnchor() instanceof XSSFClientAnchor a ? anchor(a) : String.valueOf(shape.getAnchor())));
            }
            for (XSSFChart chart : drawing.getCharts()) {
                chart(chart, out);
            }
        }
    }

    private static void chart(XSSFChart chart, List<String> out) {
        out.add("chart title \"" + (chart.getTitleText() == null ? "" : chart.getTitleText().getString()) + "\"");
        for (var data : chart.getChartSeries()) {
            out.add("  data " + data.getClass().getSimpleName());
            for (int i = 0; i < data.getSeriesCount(); i++) {
                var series = data.getSeries(i);
                out.add("  series " + i + ": categories " + series.getCategoryData().getDataRangeReference()
                        + ", values " + series.getValuesData().getDataRangeReference());
            }
        }
        // The chart's own XML carries everything else (series names, colours, axes, labels).
        XmlOptions pretty = new XmlOptions().setSavePrettyPrint().setSavePrettyPrintIndent(2);
        for (String line : chart.getCTChart().xmlText(pretty).split("\n")) {
            out.add("  | " + line);
        }
    }

    private static String value(Cell cell, DataFormatter format) {
        return switch (cell.getCellType()) {
            case STRING -> "\"" + escape(cell.getStringCellValue()) + "\"";
            case NUMERIC -> new BigDecimal(Double.toString(cell.getNumericCellValue())).toPlainString()
                    + " → " + format.formatCellValue(cell);
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case FORMULA -> "=" + cell.getCellFormula() + " (" + cell.getCachedFormulaResultType() + ")";
            case ERROR -> "#lỗi " + cell.getErrorCellValue();
            case BLANK -> "(trống)";
            default -> cell.getCellType().toString();
        };
    }

    /** The style essentials, defaults left out: font, fill, format, wrap, quote prefix, alignment, borders. */
    private static String style(XSSFCellStyle style) {
        List<String> parts = new ArrayList<>();
        XSSFFont font = style.getFont();
        if (font.getBold()) {
            parts.add("đậm");
        }
        if (font.getItalic()) {
            parts.add("nghiêng");
        }
        if (font.getFontHeightInPoints() != 11) {
            parts.add(font.getFontHeightInPoints() + "pt");
        }
        if (!"Calibri".equals(font.getFontName())) {
            parts.add(font.getFontName());
        }
        String fontColour = colour(font.getXSSFColor());
        if (fontColour != null) {
            parts.add("chữ " + fontColour);
        }
        if (style.getFillPattern() != FillPatternType.NO_FILL) {
            parts.add("nền " + style.getFillPattern() + " " + colour(style.getFillForegroundXSSFColor()));
        }
        if (!"General".equals(style.getDataFormatString())) {
            parts.add("dạng " + style.getDataFormatString());
        }
        if (style.getWrapText()) {
            parts.add("xuống dòng");
        }
        if (style.getQuotePrefixed()) {
            parts.add("nháy");
        }
        if (style.getAlignment() != org.apache.poi.ss.usermodel.HorizontalAlignment.GENERAL) {
            parts.add("ngang " + style.getAlignment());
        }
        if (style.getVerticalAlignment() != org.apache.poi.ss.usermodel.VerticalAlignment.BOTTOM) {
            parts.add("dọc " + style.getVerticalAlignment());
        }
        String borders = border(style.getBorderTop()) + border(style.getBorderRight())
                + border(style.getBorderBottom()) + border(style.getBorderLeft());
        if (!borders.equals("....")) {
            parts.add("viền " + borders);
        }
        if (style.getRotation() != 0) {
            parts.add("xoay " + style.getRotation());
        }
        if (style.getLocked() != true || style.getHidden()) {
            parts.add("khoá " + style.getLocked() + " ẩn " + style.getHidden());
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private static String border(BorderStyle b) {
        return switch (b) {
            case NONE -> ".";
            case THIN -> "t";
            default -> "[" + b + "]";
        };
    }

    private static String colour(XSSFColor c) {
        if (c == null) {
            return null;
        }
        if (c.isAuto()) {
            return "auto";
        }
        byte[] argb = c.getARGB();
        String hex = argb == null ? "-" : HexFormat.of().formatHex(argb);
        return (c.isIndexed() ? "idx" + c.getIndex() + "/" : "") + (c.isThemed() ? "theme" + c.getTheme() + "/" : "")
                + hex + (c.hasTint() ? " tint " + c.getTint() : "");
    }

    private static String anchor(XSSFClientAnchor a) {
        return a == null ? "-" : col(a.getCol1()) + (a.getRow1() + 1) + ":" + col(a.getCol2()) + (a.getRow2() + 1)
                + " (" + a.getDx1() + "," + a.getDy1() + "," + a.getDx2() + "," + a.getDy2() + ")";
    }

    private static String note(XSSFComment c) {
        var a = c.getClientAnchor();
        return c.getAddress() + " by " + c.getAuthor() + " box " + col(a.getCol1()) + (a.getRow1() + 1) + ":"
                + col(a.getCol2()) + (a.getRow2() + 1) + " \"" + escape(c.getString().getString()) + "\"";
    }

    private static String sortable(CellAddress a) {
        return String.format("%07d-%05d", a.getRow(), a.getColumn());
    }

    private static String range(CellRangeAddress r) {
        return r == null ? "-" : r.formatAsString();
    }

    private static String col(int c) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(c);
    }

    private static String escape(String s) {
        return s == null ? "null" : s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t");
    }

    // ------------------------------------------------------------------ PDF

    static List<String> pdf(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            out.add("title: " + info.getTitle());
            out.add("subject: " + info.getSubject());
            out.add("author: " + info.getAuthor() + ", creator: " + info.getCreator());
            out.add("created: " + (info.getCreationDate() == null ? "không" : "có")
                    + ", language: " + doc.getDocumentCatalog().getLanguage());
            out.add("pages: " + doc.getNumberOfPages());
            PDFTextStripper text = new PDFTextStripper();
            text.setLineSeparator("\n");
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDPage page = doc.getPage(p - 1);
                out.add("");
                out.add("== page " + p + " " + page.getMediaBox().getWidth() + "x" + page.getMediaBox().getHeight()
                        + ", rotation " + page.getRotation());
                out.add("drawing: " + drawing(page));
                text.setStartPage(p);
                text.setEndPage(p);
                for (String line : text.getText(doc).split("\n")) {
                    out.add("| " + line);
                }
            }
        }
        return out;
    }

    /**
     * Counts of the page's operators and a SHA-256 of its operators with their operands,
     * text strings left out (the text is compared as text, and holds the creation time).
     */
    private static String drawing(PDPage page) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Integer> counts = new TreeMap<>();
        StringBuilder operands = new StringBuilder();
        PDFStreamParser parser = new PDFStreamParser(page);
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof Operator op) {
                counts.merge(op.getName(), 1, Integer::sum);
                operands.append(op.getName()).append('\n');
                digest.update(operands.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                operands.setLength(0);
            } else {
                operands.append(operand((COSBase) token)).append(' ');
            }
        }
        return counts + " sha256 " + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static String operand(COSBase token) {
        if (token instanceof COSString) {
            return "<text>";
        }
        if (token instanceof COSNumber n) {
            return String.format(java.util.Locale.ROOT, "%.3f", n.floatValue());
        }
        if (token instanceof COSName n) {
            return "/" + n.getName();
        }
        if (token instanceof COSArray array) {
            StringBuilder b = new StringBuilder("[");
            for (COSBase item : array) {
                b.append(operand(item)).append(' ');
            }
            return b.append(']').toString();
        }
        return String.valueOf(token);
    }
}
