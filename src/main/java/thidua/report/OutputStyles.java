package thidua.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles of an output workbook, made once per workbook (a workbook holds a
 * limited number of styles): table headers, bordered text and figures, and the
 * information header above each table.
 */
final class OutputStyles {

    /** Type size of a sheet's caption, the first line of its information header. */
    static final short CAPTION_POINTS = 13;

    final CellStyle header;
    final CellStyle caption;
    final CellStyle info;
    final CellStyle quotedInfo;
    final CellStyle decimal;
    final CellStyle integer;
    final CellStyle dateTime;
    /** Also the style of a blank cell: the table's borders. */
    final CellStyle text;
    private final CellStyle quotedText;
    private final CellStyle wrappedText;
    private final CellStyle quotedWrappedText;
    private final XSSFWorkbook workbook;

    OutputStyles(XSSFWorkbook workbook) {
        this.workbook = workbook;
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = bordered();
        header.setFont(bold);
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = bordered();
        quotedText = bordered();
        quotedText.setQuotePrefixed(true);
        wrappedText = bordered();
        wrappedText.setWrapText(true);
        quotedWrappedText = bordered();
        quotedWrappedText.setWrapText(true);
        quotedWrappedText.setQuotePrefixed(true);
        decimal = numeric("0.00");
        integer = numeric("#,##0");
        dateTime = numeric("dd/mm/yyyy hh:mm");
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints(CAPTION_POINTS);
        caption = workbook.createCellStyle();
        caption.setFont(big);
        caption.setWrapText(true);
        caption.setVerticalAlignment(VerticalAlignment.TOP);
        info = workbook.createCellStyle();
        info.setWrapText(true);
        info.setVerticalAlignment(VerticalAlignment.TOP);
        quotedInfo = workbook.createCellStyle();
        quotedInfo.cloneStyleFrom(info);
        quotedInfo.setQuotePrefixed(true);
    }

    /** Bordered text, wrapped or not; {@code quoted} (text that looks like a formula) stays text when edited. */
    CellStyle text(boolean wrap, boolean quoted) {
        return wrap ? (quoted ? quotedWrappedText : wrappedText) : (quoted ? quotedText : text);
    }

    private CellStyle bordered() {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    private CellStyle numeric(String format) {
        CellStyle style = bordered();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
