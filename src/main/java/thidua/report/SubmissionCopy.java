package thidua.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFFont;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hssf.util.HSSFColor;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import thidua.workbook.CellReader;
import thidua.workbook.CellValue;
import thidua.workbook.UnreadableWorkbookException;
import thidua.workbook.WorkbookFiles;

/**
 * The copy of a submission that its error report annotates, with nothing active
 * left in it: a submission's formulas are not trusted, so every formula becomes its
 * cached value (never evaluated; no cached value gives a blank cell).
 *
 * <p>A plain .xlsx (only sheets, styles, strings, drawings, comments, pictures, charts,
 * tables, properties) is copied whole and then made inert: formulas replaced, the
 * calculation chain and conditional formats (formulas too, and able to paint over the
 * highlight) dropped. Anything else is rebuilt as a new workbook of its sheets' values,
 * styles (simplified for .xls), merged cells, row heights, column widths and frozen
 * panes: a legacy .xls, a macro-enabled or template .xlsx, or one holding external
 * links, data connections, embedded objects or links to outside resources.
 */
final class SubmissionCopy {

    /** The parts of a plain .xlsx; any other (macros, external links, connections, OLE…) means a rebuild. */
    private static final Set<String> INERT_PARTS = Set.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings",
            "application/vnd.openxmlformats-officedocument.theme+xml",
            "application/vnd.openxmlformats-officedocument.themeOverride+xml",
            "application/vnd.openxmlformats-officedocument.drawing+xml",
            "application/vnd.openxmlformats-officedocument.vmlDrawing",
            "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
            "application/vnd.ms-office.chartstyle+xml",
            "application/vnd.ms-office.chartcolorstyle+xml",
            "application/vnd.ms-excel.threadedcomments+xml",
            "application/vnd.ms-excel.person+xml",
            "application/vnd.openxmlformats-package.core-properties+xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
            "application/vnd.openxmlformats-officedocument.custom-properties+xml",
            "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
            "application/xml");
    private static final String HYPERLINK =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    /** Merged regions copied per sheet in a rebuild (each is checked against the others). */
    private static final int MAX_MERGED = 5_000;

    private SubmissionCopy() {
    }

    /**
     * A new, writable, inert copy of the workbook in {@code file}, which the safety checks of
     * {@link WorkbookFiles} have passed: the .xlsx loaded whole when it is inert, else rebuilt
     * from what {@link WorkbookFiles#open} reads. The file itself is only read.
     */
    static XSSFWorkbook of(Path file, long maxBytes) throws UnreadableWorkbookException, IOException {
        if (WorkbookFiles.isOoxml(file, maxBytes)) {
            XSSFWorkbook whole = wholeCopy(file);
            if (whole != null) {
                return whole;
            }
        }
        try (Workbook opened = WorkbookFiles.open(file, maxBytes)) {
            return rebuilt(opened);
        }
    }

    /** The file loaded again, in memory, if it is a plain .xlsx; null if it must be rebuilt. */
    private static XSSFWorkbook wholeCopy(Path file) {
        OPCPackage pkg = null;
        XSSFWorkbook copy = null;
        try (InputStream in = Files.newInputStream(file)) {
            // From a stream: held in memory, never written back to the file; POI's zip limits apply.
            pkg = OPCPackage.open(in);
            if (!inert(pkg)) {
                pkg.revert();
                return null;
            }
            dropCalculationChain(pkg);
            copy = new XSSFWorkbook(pkg);
            for (Sheet sheet : copy) {
                if (!(sheet instanceof XSSFChartSheet)) {
                    valuesForFormulas(sheet);
                    dropConditionalFormats(sheet);
                }
            }
            copy.setForceFormulaRecalculation(false);
            return copy;
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            if (pkg != null) {
                pkg.revert();
            }
            return null; // whatever POI read once can still be rebuilt from its values
        }
    }

    private static boolean inert(OPCPackage pkg) throws InvalidFormatException {
        for (PackageRelationship rel : pkg.getRelationships()) {
            if (rel.getTargetMode() == TargetMode.EXTERNAL) {
                return false;
            }
        }
        for (PackagePart part : pkg.getParts()) {
            if (part.isRelationshipPart()) {
                continue;
            }
            String type = part.getContentType();
            if (!INERT_PARTS.contains(type) && !type.startsWith("image/")) {
                return false;
            }
            for (PackageRelationship rel : part.getRelationships()) {
                if (rel.getTargetMode() == TargetMode.EXTERNAL && !HYPERLINK.equals(rel.getRelationshipType())) {
                    return false; // a linked picture or data source, fetched when the file opens
                }
            }
        }
        return true;
    }

    /** Without formulas the chain is wrong; Excel rebuilds it. Dropped first so that each removal is cheap. */
    private static void dropCalculationChain(OPCPackage pkg) throws InvalidFormatException {
        PackagePart book = pkg.getPart(pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)
                .getRelationship(0));
        List<PackageRelationship> chains = new ArrayList<>();
        book.getRelationshipsByType(XSSFRelation.CALC_CHAIN.getRelation()).forEach(chains::add);
        for (PackageRelationship rel : chains) {
            PackagePart chain = book.getRelatedPart(rel);
            book.removeRelationship(rel.getId());
            if (chain != null) {
                pkg.removePart(chain);
            }
        }
    }

    /** Every formula of the sheet replaced by its cached value, from the last cell back (shared formulas stay cheap). */
    private static void valuesForFormulas(Sheet sheet) {
        List<Cell> formulas = new ArrayList<>();
        Set<CellRangeAddress> arrays = new LinkedHashSet<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.FORMULA) {
                    formulas.add(cell);
                    if (cell.isPartOfArrayFormulaGroup()) {
                        arrays.add(cell.getArrayFormulaRange());
                    }
                }
            }
        }
        if (formulas.isEmpty()) {
            return;
        }
        List<Cached> values = new ArrayList<>(formulas.size());
        for (Cell cell : formulas) {
            values.add(Cached.of(cell));
        }
        for (CellRangeAddress range : arrays) {
            sheet.removeArrayFormula(sheet.getRow(range.getFirstRow()).getCell(range.getFirstColumn()));
        }
        for (int i = formulas.size() - 1; i >= 0; i--) {
            Cell cell = formulas.get(i);
            if (cell.getCellType() == CellType.FORMULA) {
                cell.removeFormula();
            }
            values.get(i).writeTo(cell);
        }
    }

    private static void dropConditionalFormats(Sheet sheet) {
        SheetConditionalFormatting formats = sheet.getSheetConditionalFormatting();
        for (int i = formats.getNumConditionalFormattings() - 1; i >= 0; i--) {
            formats.removeConditionalFormatting(i);
        }
    }

    /** A new workbook of {@code source}'s sheets: values, styles, merged cells, sizes, panes. */
    private static XSSFWorkbook rebuilt(Workbook source) {
        XSSFWorkbook target = new XSSFWorkbook();
        Map<Short, CellStyle> styles = new HashMap<>();
        Map<Integer, XSSFFont> fonts = new HashMap<>();
        int lastColumn = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
        for (int i = 0; i < source.getNumberOfSheets(); i++) {
            Sheet from = source.getSheetAt(i);
            if (from instanceof XSSFChartSheet) {
                continue;
            }
            Sheet to = target.createSheet(from.getSheetName());
            target.setSheetVisibility(target.getSheetIndex(to), source.getSheetVisibility(i));
            to.setDefaultColumnWidth(from.getDefaultColumnWidth());
            to.setDefaultRowHeight(from.getDefaultRowHeight());
            int columns = 0;
            for (Row row : from) {
                Row copy = to.createRow(row.getRowNum());
                copy.setHeight(row.getHeight());
                copy.setZeroHeight(row.getZeroHeight());
                for (Cell cell : row) {
                    Cell c = copy.createCell(cell.getColumnIndex());
                    c.setCellStyle(styles.computeIfAbsent(cell.getCellStyle().getIndex(),
                            k -> style(source, target, cell.getCellStyle(), fonts)));
                    Cached.of(cell).writeTo(c);
                }
                columns = Math.max(columns, row.getLastCellNum());
            }
            for (int c = 0; c < Math.min(columns, lastColumn + 1); c++) {
                to.setColumnWidth(c, Math.min(255 * 256, from.getColumnWidth(c)));
                to.setColumnHidden(c, from.isColumnHidden(c));
            }
            List<CellRangeAddress> merged = from.getMergedRegions();
            for (CellRangeAddress region : merged.subList(0, Math.min(merged.size(), MAX_MERGED))) {
                try {
                    to.addMergedRegion(region);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    // overlapping or single-cell region: left out, the values stay
                }
            }
            PaneInformation pane = from.getPaneInformation();
            if (pane != null && pane.isFreezePane()) {
                to.createFreezePane(pane.getVerticalSplitPosition(), pane.getHorizontalSplitPosition());
            }
        }
        return target;
    }

    private static CellStyle style(Workbook source, XSSFWorkbook target, CellStyle from,
            Map<Integer, XSSFFont> fonts) {
        XSSFCellStyle style = target.createCellStyle();
        if (from instanceof XSSFCellStyle) {
            style.cloneStyleFrom(from);
            return style;
        }
        // .xls: the look that matters to read the table; colours through the file's own palette.
        style.setDataFormat(target.createDataFormat().getFormat(from.getDataFormatString()));
        style.setAlignment(from.getAlignment());
        style.setVerticalAlignment(from.getVerticalAlignment());
        style.setWrapText(from.getWrapText());
        style.setIndention(from.getIndention());
        style.setBorderTop(from.getBorderTop());
        style.setBorderBottom(from.getBorderBottom());
        style.setBorderLeft(from.getBorderLeft());
        style.setBorderRight(from.getBorderRight());
        if (from.getFillPattern() != FillPatternType.NO_FILL && from instanceof HSSFCellStyle hssf) {
            XSSFColor fill = rgb(hssf.getFillForegroundColorColor());
            if (fill != null) {
                style.setFillForegroundColor(fill);
                style.setFillPattern(from.getFillPattern());
            }
        }
        if (source instanceof HSSFWorkbook book) {
            int index = from.getFontIndex();
            style.setFont(fonts.computeIfAbsent(index, k -> font(book, book.getFontAt(index), target)));
        }
        return style;
    }

    private static XSSFFont font(HSSFWorkbook book, HSSFFont from, XSSFWorkbook target) {
        XSSFFont font = target.createFont();
        font.setFontName(from.getFontName());
        font.setFontHeight(from.getFontHeight());
        font.setBold(from.getBold());
        font.setItalic(from.getItalic());
        font.setUnderline(from.getUnderline());
        font.setStrikeout(from.getStrikeout());
        font.setTypeOffset(from.getTypeOffset());
        XSSFColor color = rgb(from.getHSSFColor(book));
        if (color != null) {
            font.setColor(color);
        }
        return font;
    }

    private static XSSFColor rgb(HSSFColor color) {
        if (color == null || color.getIndex() == HSSFColor.HSSFColorPredefined.AUTOMATIC.getIndex()) {
            return null;
        }
        short[] t = color.getTriplet();
        return new XSSFColor(new byte[] {(byte) 0xFF, (byte) t[0], (byte) t[1], (byte) t[2]}, null); // opaque ARGB
    }

    /** What a cell shows: its value, or a formula's cached value; blank when there is none. */
    private record Cached(CellType type, double number, String text, boolean bool, byte error) {

        static Cached of(Cell cell) {
            CellType type = cell.getCellType();
            if (type == CellType.FORMULA) {
                if (cell instanceof XSSFCell x && !x.getCTCell().isSetV()) {
                    return new Cached(CellType.BLANK, 0, null, false, (byte) 0); // never calculated
                }
                type = cell.getCachedFormulaResultType();
            }
            return switch (type) {
                case NUMERIC -> {
                    // a stored value that is not a number (NaN, 1E+400, text) is copied as the text it is
                    CellValue read = CellReader.read(cell, cell.getRowIndex(), cell.getColumnIndex());
                    yield read.kind() == CellValue.Kind.TEXT ? new Cached(CellType.STRING, 0, read.text(), false, (byte) 0)
                            : new Cached(type, cell.getNumericCellValue(), null, false, (byte) 0);
                }
                case STRING -> new Cached(type, 0, cell.getStringCellValue(), false, (byte) 0);
                case BOOLEAN -> new Cached(type, 0, null, cell.getBooleanCellValue(), (byte) 0);
                case ERROR -> new Cached(type, 0, null, false, cell.getErrorCellValue());
                default -> new Cached(CellType.BLANK, 0, null, false, (byte) 0);
            };
        }

        /** Written as a plain value: never a formula. */
        void writeTo(Cell cell) {
            switch (type) {
                case NUMERIC -> cell.setCellValue(number);
                case STRING -> cell.setCellValue(text);
                case BOOLEAN -> cell.setCellValue(bool);
                case ERROR -> cell.setCellErrorValue(error);
                default -> cell.setBlank();
            }
        }
    }
}
