package thidua.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import thidua.scheme.Period;
import thidua.workbook.Finding;
import thidua.workbook.Tables;
import thidua.workbook.UnreadableWorkbookException;
import thidua.workbook.WorkbookFiles;

/**
 * Writes the error report of a rejected submission, {@code <stored name>.loi.xlsx}
 * beside it (OPERATIONS.md, Files): a first sheet {@value #SHEET} that opens with a
 * title block for the unit's clerk ({@link About}: unit, period, the file as sent, its
 * arrival, the count of errors, what to do and by when) and lists every finding, then a copy of the original in which each cell with a finding is filled
 * (red for an error, yellow for a warning only) and carries a note with the messages.
 * A file that cannot be opened gets the {@value #SHEET} sheet alone.
 *
 * <p>The copy is inert (see {@link SubmissionCopy}): formulas become their cached
 * values, nothing is evaluated, and the original is only ever read.
 */
public final class ErrorReportWriter {

    public static final String SHEET = "Lỗi";
    /** The suffix added to the stored name of the rejected file. */
    public static final String SUFFIX = ".loi.xlsx";
    /** The column headers of the list, under the title block; the level only tells errors from warnings. */
    static final List<String> HEADER = List.of("Mã lỗi", "Trang tính", "Ô", "Nội dung", "Mức");
    static final String CAPTION = "BÁO CÁO LỖI: TỆP BÁO CÁO BỊ TRẢ LẠI";
    private static final DateTimeFormatter ARRIVAL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Period.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Width of a capital letter or a dash in the default font, in widths of the digit 0. */
    private static final double CODE_WIDTH = 1.2;
    static final String ERROR_LEVEL = "Lỗi";
    static final String WARNING_LEVEL = "Cảnh báo";
    /** Solid red (ARGB, opaque: some readers take a 6-digit colour as transparent): the cell holds an error. */
    static final byte[] ERROR_FILL = {(byte) 0xFF, (byte) 0xFF, 0x00, 0x00};
    /** Solid yellow: the cell holds only warnings (ignored, the file was not rejected for them). */
    static final byte[] WARNING_FILL = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x00};
    private static final byte[] BLACK = {(byte) 0xFF, 0, 0, 0};
    private static final String OLD_NOTE = "Ghi chú có sẵn trong tệp: ";
    private static final Pattern REF = Pattern.compile("\\$?([A-Za-z]{1,3})\\$?([0-9]{1,7})");
    private static final Logger log = LoggerFactory.getLogger("thidua.import");

    private static final Set<String> NOT_OPENED_AGAIN = Set.of("E-FILE-TOO-COSTLY", "E-FILE-TIMEOUT");

    private final long maxBytes;

    public ErrorReportWriter() {
        this(WorkbookFiles.DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes originals larger than this are not opened (their report is the list alone) */
    public ErrorReportWriter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * What the title block of the {@value #SHEET} sheet says about the rejected file: the unit
     * and period it names (codes as read, null when it names none; the unit's name and the
     * period, with its deadline, from the scheme, null when the code is unknown there), the
     * name it was sent under and when it arrived.
     */
    public record About(String unitCode, String unitName, String periodCode, Period period,
                        String originalName, Instant arrivedAt) {

        /** {@code Đơn vị: PC04 – Phòng …}, or says that the file names none, or none the scheme knows. */
        String unitLine() {
            if (unitCode == null || unitCode.isBlank()) {
                return "Đơn vị: không đọc được mã đơn vị trong tệp";
            }
            return "Đơn vị: " + unitCode + (unitName == null ? " (mã không có trong bộ tiêu chí)" : " – " + unitName);
        }

        /** {@code Kỳ báo cáo: 2024 – Tổng kết năm 2024}, or says that the file names none, or an unknown one. */
        String periodLine() {
            if (periodCode == null || periodCode.isBlank()) {
                return "Kỳ báo cáo: không đọc được kỳ báo cáo trong tệp";
            }
            return "Kỳ báo cáo: " + periodCode
                    + (period == null ? " (kỳ không có trong bộ tiêu chí nào đã nạp)" : " – " + period.name());
        }

        /** The deadline as dd/MM/yyyy, or null when the period is unknown. */
        public String deadlineText() {
            return period == null ? null : DATE.format(period.deadline());
        }

        /** The arrival as dd/MM/yyyy HH:mm, Vietnamese time. */
        public String arrivalText() {
            return arrivedAt == null ? "không rõ" : ARRIVAL.format(arrivedAt);
        }

        /**
         * The one sentence on what to do: fix the red cells (or the errors listed, when none
         * could be marked) and send the file again before the deadline, when it is known.
         */
        public String whatToDo(boolean cellsMarked) {
            String fix = cellsMarked
                    ? "Việc cần làm: sửa các ô tô đỏ (ghi chú trong ô nói cần sửa gì) và các lỗi liệt kê dưới đây"
                    : "Việc cần làm: sửa các lỗi liệt kê dưới đây";
            if (period == null) {
                return fix + ", rồi gửi lại tệp.";
            }
            if (period.isLate(arrivedAt)) {
                return fix + ", rồi gửi lại tệp ngay (hạn nộp " + deadlineText() + " đã qua).";
            }
            return fix + ", rồi gửi lại tệp trước hạn nộp " + deadlineText() + ".";
        }
    }

    /** The report of a rejected file stored at {@code stored}: beside it, {@code <name>.loi.xlsx}. */
    public static Path reportPath(Path stored) {
        return stored.resolveSibling(stored.getFileName() + SUFFIX);
    }

    /**
     * Writes the report of {@code original} with its {@code findings} to {@code target}
     * atomically (folders created, an existing file replaced) and returns {@code target}.
     * The original is never changed. A file that cannot be opened, or whose copy cannot
     * be annotated, gets a report with the {@value #SHEET} sheet alone.
     */
    public Path write(Path original, List<Finding> findings, About about, Path target) throws IOException {
        List<Finding> listed = errorsFirst(findings);
        String sent = about.originalName() == null ? String.valueOf(original.getFileName()) : about.originalName();
        String title = "Danh sách lỗi – " + abbreviate(sent, 80);
        XSSFWorkbook copy = null;
        // Rejected for what reading it costs (submission.ParseBudget): opening it again here would cost the same.
        boolean tooCostly = listed.stream().anyMatch(f -> NOT_OPENED_AGAIN.contains(f.code()));
        try {
            copy = tooCostly ? null : SubmissionCopy.of(original, maxBytes);
        } catch (UnreadableWorkbookException e) {
            Finding why = e.finding();
            if (listed.stream().noneMatch(f -> f.code().equals(why.code()))) {
                listed.add(0, why); // the list alone must say why there is nothing else
            }
        } catch (RuntimeException e) {
            log.warn("{}: no copy for the error report, the list alone is written: {}", original, e.toString());
        }
        if (copy != null) {
            try {
                return write(copy, listed, about, title, target);
            } catch (RuntimeException e) {
                log.warn("{}: the copy could not be annotated, the list alone is written: {}", original, e.toString());
            }
        }
        XSSFWorkbook alone = new XSSFWorkbook();
        alone.getProperties().getCoreProperties().setTitle(title);
        return write(alone, listed, about, title, target);
    }

    private static Path write(XSSFWorkbook book, List<Finding> findings, About about, String title, Path target)
            throws IOException {
        try (OutputWorkbook out = OutputWorkbook.around(book, title)) {
            Map<Finding, String> links = markCells(out, book, findings);
            Sheet sheet = listSheet(out, book, findings, links, about);
            for (Sheet s : book) {
                s.setSelected(false);
            }
            sheet.setSelected(true);
            if (!book.getCTWorkbook().isSetBookViews()) {
                book.getCTWorkbook().addNewBookViews().addNewWorkbookView();
            }
            book.setActiveSheet(0);
            book.setFirstVisibleTab(0);
            return out.save(target);
        }
    }

    /**
     * The {@value #SHEET} sheet, first: the title block (unit, period, the file as sent, its
     * arrival, the count of errors, what to do and by when), then one row per finding,
     * errors first. Prints on A4 landscape, one page wide, the title block and the column
     * headers repeated on every page.
     */
    private static Sheet listSheet(OutputWorkbook out, XSSFWorkbook book, List<Finding> findings,
            Map<Finding, String> links, About about) {
        int old = book.getSheetIndex(SHEET);
        if (old >= 0) {
            // A resubmitted report: its old list is kept under another name, the new one is first.
            String name = SHEET + " (cũ)";
            for (int n = 2; book.getSheetIndex(name) >= 0; n++) {
                name = SHEET + " (cũ " + n + ")";
            }
            book.setSheetName(old, name);
        }
        Sheet sheet = out.sheet(SHEET);
        book.setSheetOrder(sheet.getSheetName(), 0);
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        List<String> lines = List.of(about.unitLine(), about.periodLine(),
                "Tệp đã gửi: " + (about.originalName() == null ? "không rõ" : about.originalName()),
                "Nhận lúc: " + about.arrivalText(),
                "Số lỗi: " + errors + (warnings > 0 ? " (và " + warnings + " cảnh báo, không cần sửa để được nhận)" : ""),
                about.whatToDo(findings.stream().filter(Finding::isError).anyMatch(links::containsKey)));
        int top = out.titleBlock(sheet, CAPTION, lines, HEADER.size()) + 1; // a blank row before the table
        out.headerRow(sheet, top, HEADER);
        int r = top + 1;
        for (Finding f : findings) {
            Row row = out.row(sheet, r++);
            out.text(row, 0, f.code());
            // A code is capitals, wider than the digit a column's width counts: room for them.
            out.fit(sheet, 0, (int) Math.ceil(CellText.length(f.code()) * CODE_WIDTH));
            out.text(row, 1, f.sheet());
            Cell where = out.text(row, 2, f.cell());
            out.text(row, 3, f.message(), true);
            out.text(row, 4, f.isError() ? ERROR_LEVEL : WARNING_LEVEL);
            String link = links.get(f);
            if (link != null) {
                Hyperlink h = book.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
                h.setAddress(link);
                where.setHyperlink(h);
            }
        }
        out.layOut(sheet, top + 1, 0);
        return sheet;
    }

    /**
     * Fills and notes every cell that a finding names and the copy has (a blank one is
     * created); returns, per finding marked, the in-workbook address of its cell.
     */
    private static Map<Finding, String> markCells(OutputWorkbook out, XSSFWorkbook book, List<Finding> findings) {
        Map<Sheet, Map<CellAddress, List<Finding>>> byCell = new LinkedHashMap<>();
        Map<Finding, String> links = new HashMap<>();
        for (Finding f : findings) {
            Optional<CellAddress> address = address(f.cell());
            if (f.sheet() == null || f.sheet().isBlank() || address.isEmpty()) {
                continue;
            }
            Optional<Sheet> sheet = Tables.sheet(book, f.sheet());
            if (sheet.isEmpty() || sheet.get() instanceof XSSFChartSheet) {
                continue;
            }
            byCell.computeIfAbsent(sheet.get(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(address.get(), a -> new ArrayList<>()).add(f);
            links.put(f, "'" + sheet.get().getSheetName().replace("'", "''") + "'!" + address.get());
        }
        Map<String, XSSFCellStyle> styles = new HashMap<>();
        Map<Integer, XSSFFont> fonts = new HashMap<>();
        byCell.forEach((sheet, cells) -> {
            int index = book.getSheetIndex(sheet);
            if (book.getSheetVisibility(index) != SheetVisibility.VISIBLE) {
                book.setSheetVisibility(index, SheetVisibility.VISIBLE);
            }
            cells.forEach((address, marks) -> {
                Row row = out.row(sheet, address.getRow());
                if (row.getZeroHeight()) {
                    row.setZeroHeight(false); // a hidden fault is no help
                }
                if (sheet.isColumnHidden(address.getColumn())) {
                    sheet.setColumnHidden(address.getColumn(), false);
                }
                Cell cell = row.getCell(address.getColumn());
                if (cell == null) {
                    cell = row.createCell(address.getColumn());
                }
                boolean error = marks.stream().anyMatch(Finding::isError);
                XSSFCellStyle base = (XSSFCellStyle) cell.getCellStyle();
                cell.setCellStyle(styles.computeIfAbsent(base.getIndex() + (error ? "E" : "W"),
                        k -> highlighted(book, base, error ? ERROR_FILL : WARNING_FILL, fonts)));
                CellNotes.put(cell, note(marks, cell.getCellComment()));
            });
        });
        return links;
    }

    /** The cell's own style (number format, borders, alignment kept), solid-filled, with black text. */
    private static XSSFCellStyle highlighted(XSSFWorkbook book, XSSFCellStyle base, byte[] fill,
            Map<Integer, XSSFFont> fonts) {
        XSSFCellStyle style = book.createCellStyle();
        style.cloneStyleFrom(base);
        style.setFillForegroundColor(new XSSFColor(fill, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setFont(fonts.computeIfAbsent(base.getFontIndex(), i -> {
            XSSFFont font = new XSSFFont((CTFont) base.getFont().getCTFont().copy());
            font.setColor(new XSSFColor(BLACK, null)); // a red font would vanish on the red fill
            font.registerTo(book.getStylesSource());
            return font;
        }));
        return style;
    }

    /** One line per finding; a note the cell already had (not one of ours) is kept below. */
    private static String note(List<Finding> marks, Comment existing) {
        StringBuilder note = new StringBuilder();
        for (Finding f : marks) {
            if (!note.isEmpty()) {
                note.append('\n');
            }
            note.append(f.code()).append(": ").append(f.message());
        }
        if (existing != null && !OutputInfo.AUTHOR.equals(existing.getAuthor())
                && existing.getString() != null && !existing.getString().getString().isBlank()) {
            note.append("\n\n").append(OLD_NOTE).append(existing.getString().getString().strip());
        }
        return note.toString();
    }

    /** {@code E6}, {@code $E$6}, or the first cell of {@code B4:G4}; empty when it is no cell of a sheet. */
    static Optional<CellAddress> address(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        String first = ref.strip();
        int colon = first.indexOf(':');
        Matcher m = REF.matcher(colon >= 0 ? first.substring(0, colon) : first);
        if (!m.matches()) {
            return Optional.empty();
        }
        int col = CellReference.convertColStringToIndex(m.group(1).toUpperCase(Locale.ROOT));
        int row = Integer.parseInt(m.group(2)) - 1;
        SpreadsheetVersion v = SpreadsheetVersion.EXCEL2007;
        if (row < 0 || row > v.getLastRowIndex() || col < 0 || col > v.getLastColumnIndex()) {
            return Optional.empty();
        }
        return Optional.of(new CellAddress(row, col));
    }

    /** Errors first, then warnings, each in the order given. */
    private static List<Finding> errorsFirst(List<Finding> findings) {
        List<Finding> ordered = new ArrayList<>();
        findings.stream().filter(Finding::isError).forEach(ordered::add);
        findings.stream().filter(f -> !f.isError()).forEach(ordered::add);
        return ordered;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
