package thidua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.scheme.Period;
import thidua.workbook.Finding;

/**
 * Error reports written from the shipped rejected samples (always copied first: a
 * shipped file is never opened in place) and from files made here, then read back.
 */
class ErrorReportWriterTest {

    private static final Path SAMPLES = Path.of("input-samples", "2024");
    private static final String VALUES = "Chỉ tiêu";
    private static final String INFO = "Thông tin";
    private static final List<String> HEADER = List.of("Mã lỗi", "Trang tính", "Ô", "Nội dung", "Mức");
    /** The row of the column headers, under the title block (caption, 6 lines, a blank row). */
    private static final int TOP = 8;
    private static final ErrorReportWriter.About ABOUT = new ErrorReportWriter.About("PA05", "Phòng An ninh mạng",
            "2024", new Period("2024", "Tổng kết năm 2024", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 12, 14),
            LocalDate.of(2024, 12, 20)), "PA05-2024.xlsx", Instant.parse("2024-12-18T01:30:00Z"));

    private static final Finding BLANK = Finding.error("E-VALUE-BLANK", VALUES, "E6",
            "Ô trống: cần ghi số liệu cho \"TP.XR\" ô E6 (ô trống không được hiểu là 0; nếu không có thì ghi 0).");
    private static final Finding RATE = Finding.error("E-RATE-NUMERATOR-GT", VALUES, "E12",
            "Tiêu chí TL.KP: TP.KP = 68 lớn hơn TP.XR = 66 ở cột \"Kỳ này\": tử số không được lớn hơn mẫu số.");
    private static final Finding UNKNOWN = Finding.error("E-INDICATOR-UNKNOWN", VALUES, "B16",
            "Mã chỉ tiêu \"TP.MATUY\" không có trong bộ tiêu chí: cần xóa dòng này hoặc sửa mã.");
    private static final Finding NOT_APPLICABLE = Finding.warning("W-INDICATOR-NOT-APPLICABLE", VALUES, "B6",
            "Chỉ tiêu \"TNGT.VU\" không áp dụng cho khối của đơn vị: số liệu được bỏ qua.");

    @TempDir
    Path dir;

    private final ErrorReportWriter writer = new ErrorReportWriter();

    @Test
    void aRejectedXlsxGetsTheListFirstThenItsCopyWithTheFaultyCellRedAndNoted() throws Exception {
        Path original = sample("PA05-2024.xlsx", "PA05-2024.xlsx");
        byte[] before = Files.readAllBytes(original);
        Path target = ErrorReportWriter.reportPath(original);
        assertThat(target.getFileName().toString()).isEqualTo("PA05-2024.xlsx.loi.xlsx");

        assertThat(writer.write(original, List.of(BLANK), ABOUT, target)).isEqualTo(target);

        assertThat(Files.readAllBytes(original)).isEqualTo(before);
        try (Workbook report = read(target); Workbook source = read(original)) {
            assertThat(report).isInstanceOf(XSSFWorkbook.class);
            assertThat(Cells.sheetNames(report)).containsExactly("Lỗi", INFO, VALUES);
            assertListFirstAndActive(report);
            Sheet list = report.getSheetAt(0);
            assertThat(Cells.strings(list.getRow(TOP), 0, 5)).containsExactlyElementsOf(HEADER);
            assertThat(list.getLastRowNum()).isEqualTo(TOP + 1);
            assertListed(list.getRow(TOP + 1), BLANK);
            assertThat(list.getRow(TOP + 1).getCell(3).getCellStyle().getWrapText()).isTrue();
            assertThat(list.getRow(TOP + 1).getCell(2).getHyperlink().getAddress()).isEqualTo("'Chỉ tiêu'!E6");
            Cells.assertLaidOut(list, TOP + 1);

            Cell faulty = cell(report, VALUES, "E6");
            assertRed(faulty);
            assertThat(faulty.getCellStyle().getDataFormatString()).isEqualTo("#,##0"); // the cell's own format kept
            assertNoted(faulty, BLANK);
            assertThat(cell(report, VALUES, "E7").getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
            assertThat(cell(report, VALUES, "E7").getCellComment()).isNull();

            assertThat(cell(report, INFO, "B4").getStringCellValue()).isEqualTo("PA05");
            for (String name : List.of(INFO, VALUES)) {
                assertThat(values(report.getSheet(name))).as(name).isEqualTo(values(source.getSheet(name)));
                assertThat(report.getSheet(name).getMergedRegions())
                        .containsExactlyInAnyOrderElementsOf(source.getSheet(name).getMergedRegions());
            }
            assertThat(report.getSheet(VALUES).getColumnWidth(2)).isEqualTo(source.getSheet(VALUES).getColumnWidth(2));
        }
    }

    @Test
    void theListOpensWithATitleBlockAClerkCanActOnAndPrintsOnePageWide() throws Exception {
        Path original = sample("PC04-2024.xlsx", "000019-PC04-2024-e1415e3f.xlsx");
        ErrorReportWriter.About about = new ErrorReportWriter.About("PC04",
                "Phòng Cảnh sát điều tra tội phạm về ma túy", "2024", ABOUT.period(), "Báo cáo PC04 năm 2024.xlsx",
                Instant.parse("2024-12-18T01:30:00Z"));
        Path target = writer.write(original, List.of(BLANK, RATE, NOT_APPLICABLE), about,
                ErrorReportWriter.reportPath(original));

        try (Workbook report = read(target)) {
            Sheet list = report.getSheetAt(0);
            assertThat(list.getSheetName()).isEqualTo("Lỗi");
            List<String> block = new java.util.ArrayList<>();
            for (int r = 0; r < TOP; r++) {
                block.add(list.getRow(r) == null ? "" : Cells.string(list.getRow(r), 0));
            }
            assertThat(block).containsExactly(
                    "BÁO CÁO LỖI: TỆP BÁO CÁO BỊ TRẢ LẠI",
                    "Đơn vị: PC04 – Phòng Cảnh sát điều tra tội phạm về ma túy",
                    "Kỳ báo cáo: 2024 – Tổng kết năm 2024",
                    "Tệp đã gửi: Báo cáo PC04 năm 2024.xlsx",
                    "Nhận lúc: 18/12/2024 08:30",
                    "Số lỗi: 2 (và 1 cảnh báo, không cần sửa để được nhận)",
                    "Việc cần làm: sửa các ô tô đỏ (ghi chú trong ô nói cần sửa gì) và các lỗi liệt kê dưới đây, "
                            + "rồi gửi lại tệp trước hạn nộp 20/12/2024.",
                    "");
            assertThat(report.getFontAt(list.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            for (int r = 0; r < TOP - 1; r++) {
                int row = r;
                assertThat(list.getMergedRegions()).as("title row %d spans the table", r).anyMatch(m ->
                        m.getFirstRow() == row && m.getLastRow() == row && m.getFirstColumn() == 0
                                && m.getLastColumn() == HEADER.size() - 1);
                assertThat(list.getRow(r).getCell(0).getCellStyle().getWrapText()).isTrue();
            }
            assertThat(Cells.strings(list.getRow(TOP), 0, 5)).containsExactlyElementsOf(HEADER);
            assertThat(Cells.strings(list.getRow(TOP + 1), 0, 5))
                    .containsExactly("E-VALUE-BLANK", "Chỉ tiêu", "E6", BLANK.message(), "Lỗi");
            assertThat(list.getRow(TOP + 3).getCell(4).getStringCellValue()).isEqualTo("Cảnh báo");
            assertThat(list.getRow(TOP + 1).getCell(3).getCellStyle().getWrapText()).isTrue();
            // A4 landscape, one page wide, the title block and the column headers on every page.
            Cells.assertLaidOut(list, TOP + 1, 1);
            assertThat(list.getColumnWidth(3)).isLessThanOrEqualTo(52 * 256);
            // the longest code, in capitals, is not cut (they are wider than the 0 a width counts)
            assertThat(list.getColumnWidth(0)).isGreaterThanOrEqualTo((int) ("E-RATE-NUMERATOR-GT".length() * 1.2 * 256));
        }
    }

    @Test
    void withoutAKnownPeriodTheSentenceHasNoDateAndAnUnknownUnitIsSaidSo() throws Exception {
        Path original = sample("PA05-2024.xlsx", "PA05-2024.xlsx");
        Finding period = Finding.error("E-PERIOD-UNKNOWN", INFO, "B5", "Kỳ báo cáo \"2031\" không có trong bộ tiêu chí nào đã nạp.");
        ErrorReportWriter.About unknown = new ErrorReportWriter.About("PX99", null, "2031", null, "x.xlsx",
                Instant.parse("2024-12-18T01:30:00Z"));
        Path target = writer.write(original, List.of(period), unknown, dir.resolve("a.loi.xlsx"));
        ErrorReportWriter.About none = new ErrorReportWriter.About(null, null, null, null, "rong.xlsx",
                Instant.parse("2024-12-18T01:30:00Z"));
        Path empty = writer.write(Files.write(dir.resolve("rong.xlsx"), new byte[0]),
                List.of(Finding.error("E-FILE-EMPTY", "", "", "Tệp rỗng (0 byte): cần gửi lại tệp báo cáo.")), none,
                dir.resolve("b.loi.xlsx"));
        ErrorReportWriter.About late = new ErrorReportWriter.About("PA05", "Phòng An ninh mạng", "2024",
                ABOUT.period(), "PA05-2024.xlsx", Instant.parse("2024-12-20T17:00:00Z")); // 21/12 00:00 in Hà Nội
        Path lateReport = writer.write(original, List.of(BLANK), late, dir.resolve("c.loi.xlsx"));

        try (Workbook a = read(target); Workbook b = read(empty); Workbook c = read(lateReport)) {
            Sheet list = a.getSheetAt(0);
            assertThat(Cells.string(list.getRow(1), 0)).isEqualTo("Đơn vị: PX99 (mã không có trong bộ tiêu chí)");
            assertThat(Cells.string(list.getRow(2), 0))
                    .isEqualTo("Kỳ báo cáo: 2031 (kỳ không có trong bộ tiêu chí nào đã nạp)");
            assertThat(Cells.string(list.getRow(6), 0)).isEqualTo("Việc cần làm: sửa các ô tô đỏ (ghi chú trong ô nói "
                    + "cần sửa gì) và các lỗi liệt kê dưới đây, rồi gửi lại tệp.");
            Sheet alone = b.getSheetAt(0);
            assertThat(Cells.string(alone.getRow(1), 0)).isEqualTo("Đơn vị: không đọc được mã đơn vị trong tệp");
            assertThat(Cells.string(alone.getRow(2), 0)).isEqualTo("Kỳ báo cáo: không đọc được kỳ báo cáo trong tệp");
            assertThat(Cells.string(alone.getRow(5), 0)).isEqualTo("Số lỗi: 1");
            assertThat(Cells.string(alone.getRow(6), 0))
                    .isEqualTo("Việc cần làm: sửa các lỗi liệt kê dưới đây, rồi gửi lại tệp.");
            assertThat(Cells.string(c.getSheetAt(0).getRow(6), 0)).endsWith("rồi gửi lại tệp ngay (hạn nộp 20/12/2024 đã qua).");
        }
    }

    @Test
    void everyFindingIsListedErrorsFirstAndEachCellGetsOneNoteWithAllItsMessages() throws Exception {
        Path original = sample("PC04-2024.xlsx", "PC04-2024.xlsx");
        Finding sameCell = Finding.error("E-VALUE-NOT-INTEGER", VALUES, "E12",
                "Giá trị của \"TP.KP\" ô E12 phải là số nguyên không âm.");
        Finding wholeFile = Finding.error("E-PERIOD-UNKNOWN", INFO, "", "Kỳ báo cáo không có trong bộ tiêu chí.");
        Finding noSuchSheet = Finding.error("E-SHEET-MISSING", "Phụ lục", "A1", "Thiếu sheet \"Phụ lục\".");
        List<Finding> findings = List.of(NOT_APPLICABLE, UNKNOWN, RATE, sameCell, wholeFile, noSuchSheet);
        Path target = dir.resolve("bao-cao").resolve("loi").resolve("PC04-2024.xlsx.loi.xlsx");

        writer.write(original, findings, ABOUT, target);

        try (Workbook report = read(target)) {
            Sheet list = report.getSheet("Lỗi");
            assertThat(list.getLastRowNum()).isEqualTo(TOP + findings.size());
            List<Finding> expected = List.of(UNKNOWN, RATE, sameCell, wholeFile, noSuchSheet, NOT_APPLICABLE);
            for (int i = 0; i < expected.size(); i++) {
                assertListed(list.getRow(TOP + i + 1), expected.get(i));
            }
            assertThat(list.getRow(TOP + 1).getCell(4).getStringCellValue()).isEqualTo("Lỗi");
            assertThat(list.getRow(TOP + 6).getCell(4).getStringCellValue()).isEqualTo("Cảnh báo");
            assertThat(list.getRow(TOP + 4).getCell(2).getHyperlink()).isNull();
            assertThat(list.getRow(TOP + 5).getCell(2).getHyperlink()).isNull();

            assertRed(cell(report, VALUES, "B16"));
            assertNoted(cell(report, VALUES, "B16"), UNKNOWN);
            Cell both = cell(report, VALUES, "E12");
            assertRed(both);
            assertNoted(both, RATE);
            assertNoted(both, sameCell);
            assertThat(cell(report, VALUES, "E12").getNumericCellValue()).isEqualTo(68);
            // A warning alone is not a fault: yellow, still noted.
            Cell warned = cell(report, VALUES, "B6");
            assertThat(rgb(warned)).isEqualTo("FFFF00");
            assertNoted(warned, NOT_APPLICABLE);
            assertThat(report.getSheet(VALUES).getCellComments()).hasSize(3);
            assertThat(report.getSheet(INFO).getCellComments()).isEmpty();
            assertThat(report.getSheet("Phụ lục")).isNull();
        }
    }

    @Test
    void aLegacyXlsGivesAnXlsxReportWithItsValuesAndTheFaultyCellRed() throws Exception {
        Path original = dir.resolve("PA05.xls");
        try (Workbook source = read(sample("PA05-2024.xlsx", "source.xlsx")); HSSFWorkbook xls = new HSSFWorkbook()) {
            copyValues(source, xls);
            Sheet values = xls.getSheet(VALUES);
            Cell formula = values.getRow(6).getCell(4); // E7
            formula.setCellFormula("3+4");
            formula.setCellValue(9); // the cached result, which is what is shown: never evaluated to 7
            values.setColumnWidth(2, 40 * 256);
            values.addMergedRegion(CellRangeAddress.valueOf("C5:G5"));
            try (OutputStream out = Files.newOutputStream(original)) {
                xls.write(out);
            }
        }
        byte[] before = Files.readAllBytes(original);

        Path target = writer.write(original, List.of(BLANK), ABOUT, dir.resolve("PA05.xls.loi.xlsx"));

        assertThat(Files.readAllBytes(original)).isEqualTo(before);
        try (InputStream in = Files.newInputStream(target)) {
            assertThat(FileMagic.valueOf(in.readNBytes(8)))
                    .isEqualTo(FileMagic.OOXML);
        }
        try (Workbook report = read(target)) {
            assertThat(report).isInstanceOf(XSSFWorkbook.class);
            assertThat(Cells.sheetNames(report)).containsExactly("Lỗi", INFO, VALUES);
            assertListFirstAndActive(report);
            assertListed(report.getSheetAt(0).getRow(TOP + 1), BLANK);
            assertThat(cell(report, INFO, "B4").getStringCellValue()).isEqualTo("PA05");
            assertThat(cell(report, VALUES, "B6").getStringCellValue()).isEqualTo("TP.XR");
            assertRed(cell(report, VALUES, "E6"));
            assertNoted(cell(report, VALUES, "E6"), BLANK);
            Cell formula = cell(report, VALUES, "E7");
            assertThat(formula.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(formula.getNumericCellValue()).isEqualTo(9);
            assertThat(report.getSheet(VALUES).getMergedRegions()).contains(CellRangeAddress.valueOf("C5:G5"));
            assertThat(report.getSheet(VALUES).getColumnWidth(2)).isEqualTo(40 * 256);
        }
    }

    @Test
    void aFileThatCannotBeOpenedGetsTheListAlone() throws Exception {
        Path empty = Files.createFile(dir.resolve("rong.xlsx"));
        Path text = Files.writeString(dir.resolve("ghi-chu.xlsx"), "Mã đơn vị;PA05\nKỳ này;12\n", StandardCharsets.UTF_8);
        Finding notSpreadsheet = Finding.error("E-FILE-NOT-SPREADSHEET", "", "",
                "Tệp không phải bảng tính Excel (.xlsx hoặc .xls): cần gửi tệp Excel theo mẫu.");

        Path emptyReport = writer.write(empty, List.of(), ABOUT, dir.resolve("rong.xlsx.loi.xlsx"));
        Path textReport = writer.write(text, List.of(notSpreadsheet), ABOUT, dir.resolve("ghi-chu.xlsx.loi.xlsx"));

        try (Workbook report = read(emptyReport)) {
            assertThat(Cells.sheetNames(report)).containsExactly("Lỗi");
            Sheet list = report.getSheetAt(0);
            assertThat(Cells.strings(list.getRow(TOP), 0, 5)).containsExactlyElementsOf(HEADER);
            // Nothing was passed in: the reason the file could not be opened is listed all the same.
            assertThat(list.getLastRowNum()).isEqualTo(TOP + 1);
            assertThat(list.getRow(TOP + 1).getCell(0).getStringCellValue()).isEqualTo("E-FILE-EMPTY");
            Cells.assertBlank(list.getRow(TOP + 1), 1);
            Cells.assertBlank(list.getRow(TOP + 1), 2);
        }
        try (Workbook report = read(textReport)) {
            assertThat(Cells.sheetNames(report)).containsExactly("Lỗi");
            assertThat(report.getSheetAt(0).getLastRowNum()).isEqualTo(TOP + 1);
            assertListed(report.getSheetAt(0).getRow(TOP + 1), notSpreadsheet);
        }
        assertThat(Files.size(empty)).isZero();
    }

    @Test
    void textThatLooksLikeAFormulaIsWrittenAsAString() throws Exception {
        Path original = sample("PA05-2024.xlsx", "PA05.xlsx");
        Finding formulaLike = Finding.error("=HYPERLINK(\"http://example.invalid\")", VALUES, "E6",
                "=1+1 là giá trị không hợp lệ");

        Path target = writer.write(original, List.of(formulaLike), ABOUT, dir.resolve("PA05.xlsx.loi.xlsx"));

        try (Workbook report = read(target)) {
            Row row = report.getSheetAt(0).getRow(TOP + 1);
            for (int c : new int[] {0, 3}) {
                assertThat(row.getCell(c).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(c).getCellStyle().getQuotePrefixed()).isTrue();
            }
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("=1+1 là giá trị không hợp lệ");
            assertNoted(cell(report, VALUES, "E6"), formulaLike);
        }
    }

    @Test
    void anXlsxIsCopiedWholeButItsFormulasBecomeTheirCachedValues() throws Exception {
        Path original = dir.resolve("cong-thuc.xlsx");
        try (XSSFWorkbook wb = (XSSFWorkbook) read(sample("PA05-2024.xlsx", "source.xlsx"))) {
            Sheet values = wb.getSheet(VALUES);
            Cell cached = values.getRow(9).getCell(4); // E10
            double shown = cached.getNumericCellValue();
            cached.setCellFormula("WEBSERVICE(\"http://example.invalid\")");
            cached.setCellValue(shown); // the cached result of the formula
            Cell text = values.getRow(9).getCell(6); // G10
            text.setCellFormula("\"ghi chú\"");
            text.setCellValue("ghi chú");
            values.getRow(10).getCell(6).setCellFormula("1/0"); // G11: never calculated
            values.setArrayFormula("E11*1", CellRangeAddress.valueOf("H11"));
            values.getRow(10).getCell(7).setCellValue(3.5);
            note(values.getRow(6).getCell(6), "Số liệu đã đối chiếu với phòng PV01."); // G7
            note(values.getRow(5).getCell(4), "Chưa có số liệu."); // E6, the faulty cell
            values.getSheetConditionalFormatting().addConditionalFormatting(
                    new CellRangeAddress[] {CellRangeAddress.valueOf("E6:F20")},
                    values.getSheetConditionalFormatting().createConditionalFormattingRule("TRUE"));
            wb.setPrintArea(wb.getSheetIndex(VALUES), "A1:G20");
            values.getRow(5).setZeroHeight(true); // the faulty row hidden
            try (OutputStream out = Files.newOutputStream(original)) {
                wb.write(out);
            }
            addCalculationChain(original);
            Path target = writer.write(original, List.of(BLANK), ABOUT, dir.resolve("cong-thuc.xlsx.loi.xlsx"));

            try (Workbook report = read(target)) {
                for (Sheet sheet : report) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                                    .isNotEqualTo(CellType.FORMULA);
                        }
                    }
                }
                assertThat(cell(report, VALUES, "E10").getNumericCellValue()).isEqualTo(shown);
                assertThat(cell(report, VALUES, "G10").getStringCellValue()).isEqualTo("ghi chú");
                assertThat(cell(report, VALUES, "G11").getCellType()).isEqualTo(CellType.BLANK);
                assertThat(cell(report, VALUES, "H11").getNumericCellValue()).isEqualTo(3.5);
                assertRed(cell(report, VALUES, "E6"));
                // Copied whole: the unit's own notes are still there, below ours on the faulty cell.
                assertThat(cell(report, VALUES, "G7").getCellComment().getString().getString())
                        .isEqualTo("Số liệu đã đối chiếu với phòng PV01.");
                assertThat(cell(report, VALUES, "E6").getCellComment().getString().getString())
                        .startsWith(BLANK.code() + ": " + BLANK.message())
                        .endsWith("Ghi chú có sẵn trong tệp: Chưa có số liệu.");
                assertThat(report.getSheet(VALUES).getSheetConditionalFormatting().getNumConditionalFormattings())
                        .isZero();
                assertThat(((XSSFWorkbook) report).getCalculationChain()).isNull();
                assertThat(report.getPrintArea(report.getSheetIndex(VALUES))).isEqualTo("'Chỉ tiêu'!A1:G20");
                assertThat(report.getPrintArea(0)).isNull();
                assertThat(report.getSheet(VALUES).getRow(5).getZeroHeight()).isFalse();
            }
        }
    }

    @Test
    void aResubmittedReportGetsANewListFirstAndTheOldNotesReplaced() throws Exception {
        Path original = sample("PA05-2024.xlsx", "PA05.xlsx");
        Path first = writer.write(original, List.of(BLANK), ABOUT, dir.resolve("lan1.loi.xlsx"));
        Path resent = Files.copy(first, dir.resolve("PA05-gui-lai.xlsx"));

        Path second = writer.write(resent, List.of(BLANK), ABOUT, dir.resolve("PA05-gui-lai.xlsx.loi.xlsx"));

        try (Workbook report = read(second)) {
            assertThat(Cells.sheetNames(report)).containsExactly("Lỗi", "Lỗi (cũ)", INFO, VALUES);
            assertListFirstAndActive(report);
            Comment note = cell(report, VALUES, "E6").getCellComment();
            assertThat(note.getString().getString()).isEqualTo(BLANK.code() + ": " + BLANK.message());
        }
    }

    @Test
    void anXlsxWithMacrosGetsTheListAloneSayingToSaveItAsXlsx() throws Exception {
        Path original = dir.resolve("macro.xlsm");
        try (XSSFWorkbook source = (XSSFWorkbook) read(sample("PA05-2024.xlsx", "source.xlsx"));
                XSSFWorkbook xlsm = new XSSFWorkbook(XSSFWorkbookType.XLSM)) {
            copyValues(source, xlsm);
            try (OutputStream out = Files.newOutputStream(original)) {
                xlsm.write(out);
            }
        }

        Path target = writer.write(original, List.of(BLANK), ABOUT, dir.resolve("macro.xlsm.loi.xlsx"));

        try (InputStream in = Files.newInputStream(target)) {
            OPCPackage pkg = OPCPackage.open(in);
            assertThat(pkg.getPartsByContentType(XSSFWorkbookType.XLSX.getContentType())).hasSize(1);
            assertThat(pkg.getPartsByContentType(XSSFWorkbookType.XLSM.getContentType())).isEmpty();
            pkg.revert();
        }
        // Opening refuses a macro-enabled workbook (E-FILE-MACRO), so the report is the list alone and says why.
        try (Workbook report = read(target)) {
            assertThat(Cells.sheetNames(report)).containsExactly("Lỗi");
            List<String> codes = new java.util.ArrayList<>();
            report.getSheetAt(0).forEach(row -> codes.add(row.getCell(0).getStringCellValue()));
            assertThat(codes).contains("E-FILE-MACRO", BLANK.code());
        }
    }

    @Test
    void cellReferencesAreReadLeniently() {
        assertThat(ErrorReportWriter.address("E6")).contains(new CellAddress("E6"));
        assertThat(ErrorReportWriter.address(" $d$14 ")).contains(new CellAddress("D14"));
        assertThat(ErrorReportWriter.address("B4:G4")).contains(new CellAddress("B4"));
        assertThat(ErrorReportWriter.address("")).isEmpty();
        assertThat(ErrorReportWriter.address("E0")).isEmpty();
        assertThat(ErrorReportWriter.address("XFE1")).isEmpty();
        assertThat(ErrorReportWriter.address("Kỳ này")).isEmpty();
    }

    // --- helpers ---

    private static void note(Cell cell, String text) {
        Workbook wb = cell.getSheet().getWorkbook();
        ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 3);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 3);
        Comment comment = cell.getSheet().createDrawingPatriarch().createCellComment(anchor);
        comment.setAuthor("Đinh Thị Nhung");
        comment.setString(wb.getCreationHelper().createRichTextString(text));
        cell.setCellComment(comment);
    }

    /** The calculation chain Excel writes beside formulas (POI writes none). */
    private static void addCalculationChain(Path xlsx) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ_WRITE)) {
            PackagePart book = pkg.getPartsByContentType(
                    XSSFWorkbookType.XLSX.getContentType()).get(0);
            PackagePartName name =
                    PackagingURIHelper.createPartName("/xl/calcChain.xml");
            PackagePart chain = pkg.createPart(name,
                    XSSFRelation.CALC_CHAIN.getContentType());
            try (OutputStream out = chain.getOutputStream()) {
                out.write(("<calcChain xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                        + "<c r=\"E10\" i=\"2\"/><c r=\"G10\" i=\"2\"/><c r=\"G11\" i=\"2\"/>"
                        + "<c r=\"H11\" i=\"2\" a=\"1\"/></calcChain>").getBytes(StandardCharsets.UTF_8));
            }
            book.addRelationship(name, TargetMode.INTERNAL,
                    XSSFRelation.CALC_CHAIN.getRelation());
        }
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook check = new XSSFWorkbook(in)) {
            assertThat(check.getCalculationChain()).isNotNull();
        }
    }

    /** A shipped sample copied into the temporary folder. */
    private Path sample(String name, String as) throws IOException {
        return Files.copy(SAMPLES.resolve(name), dir.resolve(as));
    }

    /** Read from a stream: the file itself is never opened for writing. */
    private static Workbook read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return WorkbookFactory.create(in);
        }
    }

    private static Cell cell(Workbook wb, String sheet, String ref) {
        CellReference r = new CellReference(ref);
        Row row = wb.getSheet(sheet).getRow(r.getRow());
        assertThat(row).as("row of %s!%s", sheet, ref).isNotNull();
        Cell cell = row.getCell(r.getCol());
        assertThat(cell).as("%s!%s", sheet, ref).isNotNull();
        return cell;
    }

    private static void assertListFirstAndActive(Workbook report) {
        assertThat(report.getSheetName(0)).isEqualTo("Lỗi");
        assertThat(report.getActiveSheetIndex()).isZero();
        assertThat(report.getFirstVisibleTab()).isZero();
        for (int i = 0; i < report.getNumberOfSheets(); i++) {
            assertThat(report.getSheetAt(i).isSelected()).as("sheet %d selected", i).isEqualTo(i == 0);
        }
    }

    private static void assertListed(Row row, Finding f) {
        assertThat(Cells.string(row, 0)).isEqualTo(f.code());
        if (f.sheet().isEmpty()) {
            Cells.assertBlank(row, 1);
        } else {
            assertThat(Cells.string(row, 1)).isEqualTo(f.sheet());
        }
        if (f.cell().isEmpty()) {
            Cells.assertBlank(row, 2);
        } else {
            assertThat(Cells.string(row, 2)).isEqualTo(f.cell());
        }
        assertThat(Cells.string(row, 3)).isEqualTo(f.message());
        assertThat(Cells.string(row, 4)).isEqualTo(f.isError() ? "Lỗi" : "Cảnh báo");
    }

    private static void assertRed(Cell cell) {
        assertThat(cell.getCellStyle().getFillPattern()).as("fill of %s", cell.getAddress())
                .isEqualTo(FillPatternType.SOLID_FOREGROUND);
        assertThat(rgb(cell)).as("fill colour of %s", cell.getAddress()).isEqualTo("FF0000");
    }

    private static String rgb(Cell cell) {
        CellStyle style = cell.getCellStyle();
        XSSFColor color = ((XSSFCellStyle) style).getFillForegroundColorColor();
        assertThat(color).as("fill colour of %s", cell.getAddress()).isNotNull();
        StringBuilder hex = new StringBuilder();
        for (byte b : color.getRGB()) {
            hex.append(String.format("%02X", b));
        }
        return hex.toString();
    }

    private static void assertNoted(Cell cell, Finding f) {
        Comment note = cell.getCellComment();
        assertThat(note).as("note on %s", cell.getAddress()).isNotNull();
        assertThat(note.getAuthor()).isEqualTo("thidua");
        assertThat(note.getString().getString()).contains(f.code() + ": " + f.message());
    }

    /** Every cell of a sheet as type and value, by address. */
    private static Map<String, String> values(Sheet sheet) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String v = switch (cell.getCellType()) {
                    case STRING -> cell.getStringCellValue();
                    case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                    case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                    case BLANK -> "";
                    default -> cell.getCellType().toString();
                };
                if (!v.isEmpty()) {
                    values.put(cell.getAddress().formatAsString(), cell.getCellType() + " " + v);
                }
            }
        }
        return values;
    }

    /** Values and number formats of every sheet, the way a unit's own spreadsheet program would save them. */
    private static void copyValues(Workbook from, Workbook to) {
        Map<String, CellStyle> formats = new LinkedHashMap<>();
        for (Sheet sheet : from) {
            Sheet copy = to.createSheet(sheet.getSheetName());
            for (Row row : sheet) {
                Row r = copy.createRow(row.getRowNum());
                for (Cell cell : row) {
                    Cell c = r.createCell(cell.getColumnIndex());
                    switch (cell.getCellType()) {
                        case STRING -> c.setCellValue(cell.getStringCellValue());
                        case NUMERIC -> c.setCellValue(cell.getNumericCellValue());
                        case BOOLEAN -> c.setCellValue(cell.getBooleanCellValue());
                        default -> c.setBlank();
                    }
                    String format = cell.getCellStyle().getDataFormatString();
                    c.setCellStyle(formats.computeIfAbsent(format, f -> {
                        CellStyle s = to.createCellStyle();
                        s.setDataFormat(to.createDataFormat().getFormat(f));
                        return s;
                    }));
                }
            }
        }
    }
}
