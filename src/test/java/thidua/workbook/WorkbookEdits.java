package thidua.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Makes test variants of a workbook: opens a copy of a shipped sample from an
 * InputStream (so the original is never written), applies edits by sheet name and A1
 * reference, and saves the result into a folder of the test's choosing.
 */
public final class WorkbookEdits implements AutoCloseable {
    /** Larger than any test file; the size limit itself is tested separately. */
    public static final long MAX_BYTES = WorkbookFiles.DEFAULT_MAX_BYTES;

    private final Workbook workbook;

    private WorkbookEdits(Workbook workbook) {
        this.workbook = workbook;
    }

    /** A copy of {@code source}, read from an InputStream: {@code source} itself is never touched. */
    public static WorkbookEdits copyOf(Path source) {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(source))) {
            return new WorkbookEdits(WorkbookFactory.create(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Workbook workbook() {
        return workbook;
    }

    public Sheet sheet(String name) {
        Sheet sheet = workbook.getSheet(name);
        if (sheet == null) {
            throw new IllegalArgumentException("no sheet " + name);
        }
        return sheet;
    }

    private Cell cell(String sheetName, String a1) {
        Sheet sheet = sheet(sheetName);
        CellReference ref = new CellReference(a1);
        Row row = sheet.getRow(ref.getRow());
        if (row == null) {
            row = sheet.createRow(ref.getRow());
        }
        Cell cell = row.getCell(ref.getCol());
        if (cell == null) {
            cell = row.createCell(ref.getCol());
        }
        return cell;
    }

    public WorkbookEdits number(String sheet, String a1, double value) {
        Cell c = cell(sheet, a1);
        c.setBlank();
        c.setCellValue(value);
        return this;
    }

    public WorkbookEdits text(String sheet, String a1, String value) {
        Cell c = cell(sheet, a1);
        c.setBlank();
        c.setCellValue(value);
        return this;
    }

    /** A date cell (numeric with a date format). */
    public WorkbookEdits date(String sheet, String a1, LocalDate value) {
        Cell c = cell(sheet, a1);
        c.setBlank();
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        c.setCellStyle(style);
        c.setCellValue(value);
        return this;
    }

    /** Empties the cell (it keeps its style, as when a user presses Delete). */
    public WorkbookEdits blank(String sheet, String a1) {
        cell(sheet, a1).setBlank();
        return this;
    }

    /** A formula whose cached result is {@code cached}, as Excel saves it. */
    public WorkbookEdits formula(String sheet, String a1, String formula, double cached) {
        Cell c = cell(sheet, a1);
        c.setBlank();
        c.setCellFormula(formula);
        c.setCellValue(cached); // on a formula cell this sets the cached result
        return this;
    }

    /** A formula saved without a cached result (as written by tools that never calculate). */
    public WorkbookEdits formulaWithoutCache(String sheet, String a1, String formula) {
        Cell c = cell(sheet, a1);
        c.setBlank();
        c.setCellFormula(formula);
        return this;
    }

    /** A formula whose cached result is an error such as {@code #DIV/0!}. */
    public WorkbookEdits formulaWithError(String sheet, String a1, String formula, FormulaError error) {
        Cell c = cell(sheet, a1);
        c.setBlank();
        c.setCellFormula(formula);
        c.setCellErrorValue(error.getCode());
        return this;
    }

    /** An error cell such as {@code #DIV/0!}. */
    public WorkbookEdits error(String sheet, String a1, FormulaError error) {
        Cell c = cell(sheet, a1);
        c.setBlank();
        c.setCellErrorValue(error.getCode());
        return this;
    }

    public WorkbookEdits deleteSheet(String name) {
        workbook.removeSheetAt(workbook.getSheetIndex(sheet(name)));
        return this;
    }

    public WorkbookEdits renameSheet(String name, String newName) {
        workbook.setSheetName(workbook.getSheetIndex(sheet(name)), newName);
        return this;
    }

    /** Inserts {@code count} empty rows before the 1-based row {@code beforeRow}, moving the rest down. */
    public WorkbookEdits insertRows(String sheetName, int beforeRow, int count) {
        Sheet sheet = sheet(sheetName);
        int from = beforeRow - 1;
        if (from <= sheet.getLastRowNum()) {
            sheet.shiftRows(from, sheet.getLastRowNum(), count, true, false);
        }
        return this;
    }

    /** Copies every cell of the 1-based row {@code fromRow} into row {@code toRow} of the same sheet. */
    public WorkbookEdits copyRow(String sheetName, int fromRow, int toRow) {
        Sheet sheet = sheet(sheetName);
        Row from = sheet.getRow(fromRow - 1);
        Row to = sheet.getRow(toRow - 1) == null ? sheet.createRow(toRow - 1) : sheet.getRow(toRow - 1);
        for (Cell source : from) {
            Cell target = to.createCell(source.getColumnIndex());
            copyValue(source, target);
        }
        return this;
    }

    /** Applies any other change directly on the POI workbook. */
    public WorkbookEdits with(java.util.function.Consumer<Workbook> change) {
        change.accept(workbook);
        return this;
    }

    /**
     * Sets the document title (File › Properties), which no reader looks at: two variants
     * with different titles are never byte-identical, so an import does not take the
     * later one for a duplicate.
     */
    public WorkbookEdits title(String title) {
        if (workbook instanceof XSSFWorkbook x) {
            x.getProperties().getCoreProperties().setTitle(title);
        } else if (workbook instanceof HSSFWorkbook h) {
            setTitle(h, title);
        }
        return this;
    }

    private String title() {
        if (workbook instanceof XSSFWorkbook x) {
            return x.getProperties().getCoreProperties().getTitle();
        }
        if (workbook instanceof HSSFWorkbook h && h.getSummaryInformation() != null) {
            return h.getSummaryInformation().getTitle();
        }
        return null;
    }

    private static void setTitle(HSSFWorkbook xls, String title) {
        if (xls.getSummaryInformation() == null) {
            xls.createInformationProperties();
        }
        xls.getSummaryInformation().setTitle(title);
    }

    /** The edited workbook as the bytes of its file. */
    public byte[] bytes() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public Path saveAs(Path dir, String fileName) {
        Path file = dir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The edited workbook, saved and opened again the way the system opens a received file. */
    public Workbook saveAndOpen(Path dir, String fileName) throws UnreadableWorkbookException {
        return WorkbookFiles.open(saveAs(dir, fileName), MAX_BYTES);
    }

    /** The edited workbook, saved and read again the way the import reads a received file. */
    public Grid saveAndRead(Path dir, String fileName) throws UnreadableWorkbookException {
        return WorkbookFiles.read(saveAs(dir, fileName), WorkbookLimits.ofFileSize(MAX_BYTES));
    }

    /**
     * A legacy `.xls` (HSSF) copy of the workbook: sheet names and every cell's value
     * (formulas as their cached results, dates as date-formatted numbers), and its title.
     */
    public Path saveAsXls(Path dir, String fileName) {
        Path file = dir.resolve(fileName);
        try (HSSFWorkbook xls = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle dateStyle = xls.createCellStyle();
            dateStyle.setDataFormat(xls.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            if (title() != null) {
                setTitle(xls, title());
            }
            for (Sheet sheet : workbook) {
                Sheet copy = xls.createSheet(sheet.getSheetName());
                for (Row row : sheet) {
                    Row r = copy.createRow(row.getRowNum());
                    for (Cell cell : row) {
                        Cell c = r.createCell(cell.getColumnIndex());
                        copyValue(cell, c);
                        if (c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                            c.setCellStyle(dateStyle);
                        }
                    }
                }
            }
            xls.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void copyValue(Cell source, Cell target) {
        CellType type = source.getCellType() == CellType.FORMULA ? source.getCachedFormulaResultType()
                : source.getCellType();
        switch (type) {
            case STRING -> target.setCellValue(source.getStringCellValue());
            case NUMERIC -> target.setCellValue(source.getNumericCellValue());
            case BOOLEAN -> target.setCellValue(source.getBooleanCellValue());
            case ERROR -> target.setCellErrorValue(source.getErrorCellValue());
            default -> target.setBlank();
        }
        if (source.getSheet().getWorkbook() == target.getSheet().getWorkbook()) {
            target.setCellStyle(source.getCellStyle());
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
