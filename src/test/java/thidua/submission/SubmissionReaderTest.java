package thidua.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import thidua.samples.SampleProvince;
import thidua.scoring.ReportedValue;
import thidua.workbook.Finding;
import thidua.workbook.Grid;
import thidua.workbook.Samples;
import thidua.workbook.UnreadableWorkbookException;
import thidua.workbook.WorkbookEdits;

/**
 * The submission reader on the shipped samples and on edited copies of the valid
 * PC08-2024.xlsx (block K3). Its `Chỉ tiêu` sheet has the header in row 4 and, among
 * others: TNGT.VU row 6, TNGT.CHET 7, TNGT.BT 8 (`Kỳ này` written as text), TP.TTXH 10,
 * TP.XR 11, TP.KP 12, TPNT.XR 13, VA.TDC 15, TB.TON 17, TB.MOI 18, TB.GQ 19,
 * XDLL.DIEM 23 (`Cùng kỳ` blank), VP.KL 25 (last row); section titles in rows 5, 9, 16, 20, 22.
 */
class SubmissionReaderTest {
    private static final String INFO = "Thông tin";
    private static final String VALUES = "Chỉ tiêu";
    private static final Path PC08 = Samples.submission("PC08-2024.xlsx");

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ helpers

    private static ParsedSubmission read(Path file) throws IOException {
        try (Grid workbook = Samples.read(file)) {
            return SubmissionReader.read(workbook, Samples.schemes());
        }
    }

    private ParsedSubmission read(WorkbookEdits edits) throws IOException, UnreadableWorkbookException {
        try (edits; Grid workbook = edits.saveAndRead(dir, "submission.xlsx")) {
            return SubmissionReader.read(workbook, Samples.schemes());
        }
    }

    private static WorkbookEdits pc08() {
        return WorkbookEdits.copyOf(PC08);
    }

    private static SampleProvince.Submission sample(String fileName) {
        return SampleProvince.submissions().stream().filter(s -> s.fileName().equals(fileName)).findFirst()
                .orElseThrow();
    }

    private static void assertRejected(ParsedSubmission parsed, Tuple... expected) {
        assertThat(parsed.accepted()).isFalse();
        assertThat(parsed.errors()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
        assertThat(parsed.errors()).extracting(Finding::code, Finding::sheet, Finding::cell)
                .containsExactlyInAnyOrder(expected);
    }

    private static void assertAcceptedWithoutFindings(ParsedSubmission parsed) {
        assertThat(parsed.findings()).isEmpty();
        assertThat(parsed.accepted()).isTrue();
    }

    /** Every value of the parsed submission equals the one the generator wrote (blank = null). */
    private static void assertValuesOf(ParsedSubmission parsed, SampleProvince.Submission expected) {
        assertThat(parsed.unitCode()).isEqualTo(expected.unitCode());
        assertThat(parsed.periodCode()).isEqualTo(expected.periodCode());
        assertThat(parsed.values().keySet()).containsExactlyInAnyOrderElementsOf(expected.values().keySet());
        expected.values().forEach((code, v) -> {
            ReportedValue r = parsed.values().get(code);
            assertThat(r.indicator()).isEqualTo(code);
            assertThat(r.current()).as(code + " Kỳ này").isEqualByComparingTo(v.current());
            if (v.baseline() == null) {
                assertThat(r.baseline()).as(code + " Cùng kỳ").isNull();
            } else {
                assertThat(r.baseline()).as(code + " Cùng kỳ").isEqualByComparingTo(v.baseline());
            }
        });
    }

    private static BigDecimal current(ParsedSubmission parsed, String code) {
        return parsed.values().get(code).current();
    }

    // ------------------------------------------------------------------ shipped samples

    @Test
    void validSampleIsAcceptedWithItsValues() throws IOException {
        ParsedSubmission parsed = read(PC08);
        assertAcceptedWithoutFindings(parsed);
        assertThat(parsed.unitCode()).isEqualTo("PC08");
        assertThat(parsed.periodCode()).isEqualTo("2024");
        assertThat(parsed.values()).hasSize(16);
        assertThat(parsed.values().get("TNGT.VU")).isEqualTo(new ReportedValue("TNGT.VU", new BigDecimal("60"),
                new BigDecimal("73")));
        // TNGT.BT's Kỳ này is the text "82"
        assertThat(parsed.values().get("TNGT.BT").current()).isEqualByComparingTo("82");
        assertThat(parsed.values().get("TNGT.BT").baseline()).isEqualByComparingTo("98");
        assertThat(parsed.values().get("TP.KP").current()).isEqualByComparingTo("18");
        assertThat(parsed.values().get("TP.XR").baseline()).isEqualByComparingTo("19");
        assertThat(parsed.values().get("XDLL.DIEM").current()).isEqualByComparingTo("9.5");
        assertThat(parsed.values().get("XDLL.DIEM").baseline()).isNull();
        assertThat(parsed.cells().get("TNGT.BT")).containsExactly("E8", "F8");
        assertThat(parsed.cells().get("VP.KL")).containsExactly("E25", "F25");
        assertValuesOf(parsed, sample("PC08-2024.xlsx"));
    }

    @Test
    void groupedTextNumbersAndDecimalCommasAreRead() throws IOException {
        ParsedSubmission city = read(Samples.submission("CATP.HS-2024.xlsx"));
        assertAcceptedWithoutFindings(city);
        assertThat(city.values().get("TB.MOI")).isEqualTo(new ReportedValue("TB.MOI", new BigDecimal("1318"),
                new BigDecimal("1247")));
        assertThat(city.values().get("TB.GQ").current()).isEqualByComparingTo("1321");

        ParsedSubmission district = read(Samples.submission("CAH.NP-2024.xlsx"));
        assertAcceptedWithoutFindings(district);
        assertThat(district.values().get("XDLL.DIEM").current()).isEqualByComparingTo("8.25");
        assertValuesOf(district, sample("CAH.NP-2024.xlsx"));
    }

    static Stream<String> validSamples() {
        return SampleProvince.submissions().stream().filter(SampleProvince.Submission::valid)
                .map(SampleProvince.Submission::fileName);
    }

    @ParameterizedTest
    @MethodSource("validSamples")
    void everyValidSampleIsAcceptedWithTheGeneratedValues(String fileName) throws IOException {
        ParsedSubmission parsed = read(Samples.submission(fileName));
        assertAcceptedWithoutFindings(parsed);
        assertValuesOf(parsed, sample(fileName));
    }

    @Test
    void invalidSamplesAreRejectedWithTheirProblems() throws IOException {
        assertRejected(read(Samples.submission("PA05-2024.xlsx")), tuple("E-VALUE-BLANK", VALUES, "E6"));
        // TP.KP 68 > TP.XR 66, and a row TP.MATUY that no scheme knows
        assertRejected(read(Samples.submission("PC04-2024.xlsx")),
                tuple("E-RATE-NUMERATOR-GT", VALUES, "E12"),
                tuple("E-INDICATOR-UNKNOWN", VALUES, "B16"));
    }

    // ------------------------------------------------------------------ values

    @Test
    void blankCurrentValueIsAnError() throws Exception {
        assertRejected(read(pc08().blank(VALUES, "E11")), tuple("E-VALUE-BLANK", VALUES, "E11"));
    }

    @Test
    void blankBaselineOfACountIsAnError() throws Exception {
        assertRejected(read(pc08().blank(VALUES, "F6")), tuple("E-VALUE-BLANK", VALUES, "F6"));
        assertRejected(read(pc08().text(VALUES, "F6", "  ")), tuple("E-VALUE-BLANK", VALUES, "F6"));
        assertRejected(read(pc08().text(VALUES, "F6", "\u00A0")), tuple("E-VALUE-BLANK", VALUES, "F6"));
    }

    @Test
    void blankBaselineOfPointsIsAllowed() throws Exception {
        // XDLL.DIEM: F23 is blank in the sample; a cell holding a space or a no-break space is blank too
        for (String blank : new String[] {" ", "\u00A0"}) {
            ParsedSubmission parsed = read(pc08().text(VALUES, "F23", blank));
            assertAcceptedWithoutFindings(parsed);
            assertThat(parsed.values().get("XDLL.DIEM").baseline()).isNull();
        }
        ParsedSubmission withBaseline = read(pc08().text(VALUES, "F23", "8,5"));
        assertAcceptedWithoutFindings(withBaseline);
        assertThat(withBaseline.values().get("XDLL.DIEM").baseline()).isEqualByComparingTo("8.5");
    }

    @Test
    void blankCurrentValueOfPointsIsAnError() throws Exception {
        assertRejected(read(pc08().blank(VALUES, "E23")), tuple("E-VALUE-BLANK", VALUES, "E23"));
    }

    @Test
    void negativeValueIsAnError() throws Exception {
        assertRejected(read(pc08().number(VALUES, "E6", -3)), tuple("E-VALUE-NEGATIVE", VALUES, "E6"));
        assertRejected(read(pc08().text(VALUES, "F7", "-1")), tuple("E-VALUE-NEGATIVE", VALUES, "F7"));
        assertRejected(read(pc08().number(VALUES, "E23", -0.5)), tuple("E-VALUE-NEGATIVE", VALUES, "E23"));
    }

    @Test
    void nonIntegerCountIsAnError() throws Exception {
        assertRejected(read(pc08().number(VALUES, "E6", 12.5)), tuple("E-VALUE-NOT-INTEGER", VALUES, "E6"));
        assertRejected(read(pc08().text(VALUES, "E6", "12,5")), tuple("E-VALUE-NOT-INTEGER", VALUES, "E6"));
        // "12.34" is not digits grouped in threes
        assertRejected(read(pc08().text(VALUES, "E6", "12.34")), tuple("E-VALUE-NOT-INTEGER", VALUES, "E6"));
    }

    @Test
    void nonNumericTextIsAnError() throws Exception {
        assertRejected(read(pc08().text(VALUES, "E6", "abc")), tuple("E-VALUE-NOT-NUMBER", VALUES, "E6"));
        assertRejected(read(pc08().text(VALUES, "F6", "12 vụ")), tuple("E-VALUE-NOT-NUMBER", VALUES, "F6"));
        assertRejected(read(pc08().text(VALUES, "E23", "tám")), tuple("E-VALUE-NOT-NUMBER", VALUES, "E23"));
    }

    @Test
    void errorCellIsAnError() throws Exception {
        assertRejected(read(pc08().error(VALUES, "E6", FormulaError.DIV0)),
                tuple("E-VALUE-ERROR-CELL", VALUES, "E6"));
        ParsedSubmission na = read(pc08().error(VALUES, "F6", FormulaError.NA));
        assertRejected(na, tuple("E-VALUE-ERROR-CELL", VALUES, "F6"));
        assertThat(na.errors().get(0).message()).contains("#N/A");
        // the usual way: a formula whose saved result is #DIV/0!
        ParsedSubmission formula = read(pc08().formulaWithError(VALUES, "E13", "E14/0", FormulaError.DIV0));
        assertRejected(formula, tuple("E-VALUE-ERROR-CELL", VALUES, "E13"));
        assertThat(formula.errors().get(0).message()).contains("#DIV/0!");
    }

    @Test
    void formulaIsTakenByItsCachedValueAndNeverEvaluated() throws Exception {
        // E6 = F6+100 would evaluate to 173; the cached 61 is what the unit saw and sent
        ParsedSubmission parsed = read(pc08().formula(VALUES, "E6", "F6+100", 61));
        assertAcceptedWithoutFindings(parsed);
        assertThat(current(parsed, "TNGT.VU")).isEqualByComparingTo("61");

        ParsedSubmission sum = read(pc08().formula(VALUES, "E18", "SUM(E17:E17)+58", 61));
        assertAcceptedWithoutFindings(sum);
        assertThat(current(sum, "TB.MOI")).isEqualByComparingTo("61");
    }

    @Test
    void formulaWithoutCachedValueIsAnError() throws Exception {
        assertRejected(read(pc08().formulaWithoutCache(VALUES, "E6", "F6-13")),
                tuple("E-VALUE-NO-CACHED", VALUES, "E6"));
    }

    @Test
    void integersMayBeTextGroupedInThrees() throws Exception {
        for (String text : new String[] {"1.234", "1,234", "1 234", "1\u00A0234", " 1234 "}) {
            ParsedSubmission parsed = read(pc08().text(VALUES, "E17", text));
            // 1234 against a baseline of 2 is worth a look, but it is a warning, not an error.
            assertThat(parsed.accepted()).isTrue();
            assertThat(parsed.findings()).extracting(Finding::code).containsExactly("W-VALUE-JUMP");
            assertThat(current(parsed, "TB.TON")).as(text).isEqualByComparingTo("1234");
        }
        ParsedSubmission million = read(pc08().text(VALUES, "F17", "1.000.002"));
        assertAcceptedWithoutFindings(million);
        assertThat(million.values().get("TB.TON").baseline()).isEqualByComparingTo("1000002");
    }

    @Test
    void pointsMayBeDecimalsWithCommaOrPoint() throws Exception {
        assertThat(current(read(pc08().text(VALUES, "E23", "8,75")), "XDLL.DIEM")).isEqualByComparingTo("8.75");
        assertThat(current(read(pc08().text(VALUES, "E23", "8.75")), "XDLL.DIEM")).isEqualByComparingTo("8.75");
        assertThat(current(read(pc08().number(VALUES, "E23", 7.25)), "XDLL.DIEM")).isEqualByComparingTo("7.25");
        assertThat(current(read(pc08().text(VALUES, "E23", "9")), "XDLL.DIEM")).isEqualByComparingTo("9");
    }

    // ------------------------------------------------------------------ unit, period, sheets, rows

    @Test
    void unknownUnitIsAnError() throws Exception {
        ParsedSubmission parsed = read(pc08().text(INFO, "B4", "PC99"));
        assertRejected(parsed, tuple("E-UNIT-UNKNOWN", INFO, "B4"));
        assertThat(parsed.unitCode()).isEqualTo("PC99");
    }

    @Test
    void unknownPeriodIsAnError() throws Exception {
        ParsedSubmission parsed = read(pc08().text(INFO, "B6", "2023"));
        assertRejected(parsed, tuple("E-PERIOD-UNKNOWN", INFO, "B6"));
        assertThat(parsed.periodCode()).isEqualTo("2023");
    }

    @Test
    void missingUnitOrPeriodIsAnError() throws Exception {
        assertRejected(read(pc08().blank(INFO, "B4")), tuple("E-UNIT-MISSING", INFO, "B4"));
        assertRejected(read(pc08().blank(INFO, "A6").blank(INFO, "B6")), tuple("E-PERIOD-MISSING", INFO, ""));
    }

    @Test
    void unitAndPeriodCodesAreTrimmedAndUpperCasedAndMayBeNumbers() throws Exception {
        ParsedSubmission parsed = read(pc08().text(INFO, "B4", " pc08 ").number(INFO, "B6", 2024));
        assertAcceptedWithoutFindings(parsed);
        assertThat(parsed.unitCode()).isEqualTo("PC08");
        assertThat(parsed.periodCode()).isEqualTo("2024");
        // the half-year period of the same scheme is known too
        ParsedSubmission halfYear = read(pc08().text(INFO, "B6", "2024-6t"));
        assertAcceptedWithoutFindings(halfYear);
        assertThat(halfYear.periodCode()).isEqualTo("2024-6T");
    }

    @Test
    void missingSheetIsAnError() throws Exception {
        assertRejected(read(pc08().deleteSheet(VALUES)), tuple("E-SHEET-MISSING", VALUES, ""));
        assertRejected(read(pc08().deleteSheet(INFO)), tuple("E-SHEET-MISSING", INFO, ""));
        assertRejected(read(pc08().renameSheet(VALUES, "Số liệu")), tuple("E-SHEET-MISSING", VALUES, ""));
    }

    @Test
    void missingHeaderIsAnError() throws Exception {
        assertRejected(read(pc08().text(VALUES, "F4", "Năm trước")), tuple("E-HEADER-MISSING", VALUES, ""));
        assertRejected(read(pc08().blank(VALUES, "B4")), tuple("E-HEADER-MISSING", VALUES, ""));
        // a header below the first 30 rows is not looked for
        assertRejected(read(pc08().insertRows(VALUES, 1, 27)), tuple("E-HEADER-MISSING", VALUES, ""));
    }

    @Test
    void unknownIndicatorIsAnError() throws Exception {
        assertRejected(read(pc08().text(VALUES, "B26", "TP.MATUY").number(VALUES, "E26", 5)
                .number(VALUES, "F26", 4)), tuple("E-INDICATOR-UNKNOWN", VALUES, "B26"));
        // a misspelt code is unknown, and the indicator it should have been is missing
        assertRejected(read(pc08().text(VALUES, "B6", "TNGT.VUU")),
                tuple("E-INDICATOR-UNKNOWN", VALUES, "B6"),
                tuple("E-INDICATOR-MISSING", VALUES, "B4"));
    }

    @Test
    void duplicateIndicatorRowIsAnError() throws Exception {
        assertRejected(read(pc08().copyRow(VALUES, 6, 26)), tuple("E-INDICATOR-DUPLICATE", VALUES, "B26"));
        assertRejected(read(pc08().copyRow(VALUES, 6, 26).text(VALUES, "B26", " tngt.vu")),
                tuple("E-INDICATOR-DUPLICATE", VALUES, "B26"));
    }

    @Test
    void missingIndicatorRowIsAnError() throws Exception {
        ParsedSubmission parsed = read(pc08().blank(VALUES, "B6"));
        assertRejected(parsed, tuple("E-INDICATOR-MISSING", VALUES, "B4"));
        assertThat(parsed.errors().get(0).message()).contains("TNGT.VU");

        ParsedSubmission two = read(pc08().blank(VALUES, "B25").blank(VALUES, "B23"));
        assertRejected(two, tuple("E-INDICATOR-MISSING", VALUES, "B4"), tuple("E-INDICATOR-MISSING", VALUES, "B4"));
        assertThat(two.errors()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("VP.KL"))
                .anySatisfy(m -> assertThat(m).contains("XDLL.DIEM"));
    }

    @Test
    void rateNumeratorAboveDenominatorInCurrentPeriodIsAnError() throws Exception {
        // TL.KP = TP.KP / TP.XR; TP.XR is 20 in Kỳ này
        assertRejected(read(pc08().number(VALUES, "E12", 21)), tuple("E-RATE-NUMERATOR-GT", VALUES, "E12"));
        assertAcceptedWithoutFindings(read(pc08().number(VALUES, "E12", 20)));
    }

    @Test
    void rateNumeratorAboveDenominatorInBaselineIsAnError() throws Exception {
        // TP.XR is 19 in Cùng kỳ
        assertRejected(read(pc08().number(VALUES, "F12", 20)), tuple("E-RATE-NUMERATOR-GT", VALUES, "F12"));
        assertAcceptedWithoutFindings(read(pc08().number(VALUES, "F12", 19)));
    }

    @Test
    void rateNumeratorIsComparedWithTheSumOfTheDenominator() throws Exception {
        // TL.TB.GQ = TB.GQ / (TB.TON + TB.MOI) = 62 / (3 + 61) in Kỳ này, 56 / (2 + 57) in Cùng kỳ
        assertAcceptedWithoutFindings(read(pc08().number(VALUES, "E19", 64).number(VALUES, "F19", 59)));
        assertRejected(read(pc08().number(VALUES, "E19", 65)), tuple("E-RATE-NUMERATOR-GT", VALUES, "E19"));
        assertRejected(read(pc08().number(VALUES, "F19", 60)), tuple("E-RATE-NUMERATOR-GT", VALUES, "F19"));
    }

    @Test
    void selfAssessedPointsAboveTheMaximumAreAnError() throws Exception {
        // TC.XDLL: TU_CHAM on XDLL.DIEM with m = 10
        assertRejected(read(pc08().number(VALUES, "E23", 10.5)), tuple("E-POINTS-RANGE", VALUES, "E23"));
        assertRejected(read(pc08().text(VALUES, "E23", "10,25")), tuple("E-POINTS-RANGE", VALUES, "E23"));
        assertThat(current(read(pc08().number(VALUES, "E23", 10)), "XDLL.DIEM")).isEqualByComparingTo("10");
        assertThat(current(read(pc08().number(VALUES, "E23", 0)), "XDLL.DIEM")).isEqualByComparingTo("0");
    }

    @Test
    void everyProblemOfAFileIsReportedTogether() throws Exception {
        ParsedSubmission parsed = read(pc08()
                .text(VALUES, "E6", "abc")
                .number(VALUES, "F7", -1)
                .number(VALUES, "E10", 12.5)
                .number(VALUES, "E12", 21)
                .error(VALUES, "E13", FormulaError.DIV0)
                .blank(VALUES, "E15")
                .blank(VALUES, "B21")
                .number(VALUES, "E23", 11)
                .copyRow(VALUES, 7, 26)
                .text(VALUES, "B27", "XX.YY").number(VALUES, "E27", 1).number(VALUES, "F27", 1));
        assertRejected(parsed,
                tuple("E-VALUE-NOT-NUMBER", VALUES, "E6"),
                tuple("E-VALUE-NEGATIVE", VALUES, "F7"),
                tuple("E-VALUE-NOT-INTEGER", VALUES, "E10"),
                tuple("E-RATE-NUMERATOR-GT", VALUES, "E12"),
                tuple("E-VALUE-ERROR-CELL", VALUES, "E13"),
                tuple("E-VALUE-BLANK", VALUES, "E15"),
                tuple("E-INDICATOR-MISSING", VALUES, "B4"),
                tuple("E-POINTS-RANGE", VALUES, "E23"),
                tuple("E-INDICATOR-DUPLICATE", VALUES, "B26"),
                tuple("E-INDICATOR-UNKNOWN", VALUES, "B27"));
    }

    @Test
    void aFileWithoutSheetsOfOursReportsBothMissingSheets() throws Exception {
        assertRejected(read(pc08().renameSheet(INFO, "Sheet1").renameSheet(VALUES, "Sheet2")),
                tuple("E-SHEET-MISSING", INFO, ""), tuple("E-SHEET-MISSING", VALUES, ""));
    }

    // ------------------------------------------------------------------ tolerated

    @Test
    void indicatorOfAnotherBlockIsAWarningAndIgnored() throws Exception {
        // CHAY.NO applies to K1 only; PC08 is in K3
        ParsedSubmission parsed = read(pc08().text(VALUES, "B26", "CHAY.NO").number(VALUES, "E26", 0)
                .number(VALUES, "F26", 1));
        assertThat(parsed.accepted()).isTrue();
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.warnings()).extracting(Finding::code, Finding::sheet, Finding::cell)
                .containsExactly(tuple("W-INDICATOR-NOT-APPLICABLE", VALUES, "B26"));
        assertThat(parsed.values()).doesNotContainKey("CHAY.NO").hasSize(16);
        assertValuesOf(parsed, sample("PC08-2024.xlsx"));
    }

    @Test
    void rowsWithAnEmptyCodeAreSectionTitlesAndSkipped() throws Exception {
        ParsedSubmission parsed = read(pc08()
                .insertRows(VALUES, 11, 2)
                .text(VALUES, "A11", "II.1").text(VALUES, "C11", "Tội phạm về trật tự xã hội")
                .text(VALUES, "E11", "Số vụ").text(VALUES, "F11", "Số vụ")
                .text(VALUES, "B12", "   ").text(VALUES, "C12", "(dòng trống)")
                .text(VALUES, "A30", "Người lập biểu").text(VALUES, "E30", "Thủ trưởng đơn vị"));
        assertAcceptedWithoutFindings(parsed);
        assertValuesOf(parsed, sample("PC08-2024.xlsx"));
        assertThat(parsed.cells().get("TP.XR")).containsExactly("E13", "F13");
    }

    @Test
    void headerFurtherDownAndColumnsInAnotherOrderWithExtraColumnsStillWork() throws Exception {
        ParsedSubmission parsed = read(pc08()
                .insertRows(VALUES, 1, 6) // header now in row 10, TNGT.VU in row 12
                .with(w -> swapColumns(w.getSheet(VALUES), 4, 5)) // Cùng kỳ in E, Kỳ này in F
                .text(VALUES, "H10", "Xác nhận").text(VALUES, "H12", "Đã kiểm tra")
                .text(VALUES, "I10", "Kỳ trước nữa").number(VALUES, "I12", 999)
                .text(VALUES, "J10", "Mã chỉ tiêu cũ").text(VALUES, "J12", "ATGT.01"));
        assertAcceptedWithoutFindings(parsed);
        assertValuesOf(parsed, sample("PC08-2024.xlsx"));
        assertThat(parsed.cells().get("TNGT.VU")).containsExactly("F12", "E12");
    }

    private static void swapColumns(Sheet sheet, int a, int b) {
        for (Row row : sheet) {
            Cell ca = row.getCell(a);
            Cell cb = row.getCell(b);
            Object va = value(ca);
            Object vb = value(cb);
            put(row, a, vb);
            put(row, b, va);
        }
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> cell.getNumericCellValue();
            case STRING -> cell.getStringCellValue();
            default -> null;
        };
    }

    private static void put(Row row, int column, Object value) {
        Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
        cell.setBlank();
        if (value instanceof Double d) {
            cell.setCellValue(d);
        } else if (value instanceof String s) {
            cell.setCellValue(s);
        }
    }

    @Test
    void labelsWithoutDiacriticsOrInOtherCaseWork() throws Exception {
        ParsedSubmission parsed = read(pc08()
                .renameSheet(INFO, "Thong tin")
                .renameSheet(VALUES, "CHI TIEU")
                .text("Thong tin", "A4", "Ma don vi")
                .text("Thong tin", "A6", "Ky bao cao")
                .text("CHI TIEU", "B4", "ma chi tieu")
                .text("CHI TIEU", "E4", "KY NAY")
                .text("CHI TIEU", "F4", "Cùng  kỳ "));
        assertAcceptedWithoutFindings(parsed);
        assertValuesOf(parsed, sample("PC08-2024.xlsx"));
    }

    @Test
    void infoValueIsTheNextNonEmptyCellRightOfALabelInColumnsAToC() throws Exception {
        ParsedSubmission parsed = read(pc08()
                .blank(INFO, "A4").blank(INFO, "B4").text(INFO, "C4", "Mã đơn vị").text(INFO, "F4", "PC08")
                .blank(INFO, "A6").blank(INFO, "B6").text(INFO, "B6", "Kỳ báo cáo").text(INFO, "C6", "2024"));
        assertAcceptedWithoutFindings(parsed);
        assertThat(parsed.unitCode()).isEqualTo("PC08");
        // a label in column D is not a label
        assertRejected(read(pc08().blank(INFO, "A4").blank(INFO, "B4").text(INFO, "D4", "Mã đơn vị")
                .text(INFO, "E4", "PC08")), tuple("E-UNIT-MISSING", INFO, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PC08.xls", "PC08-saved-as-xls.xlsx"})
    void legacyXlsCopyIsAcceptedWithTheSameValues(String fileName) throws Exception {
        Path xls;
        try (WorkbookEdits edits = pc08()) {
            xls = edits.saveAsXls(dir, fileName);
        }
        try (Workbook workbook = Samples.open(xls)) {
            assertThat(workbook).isInstanceOf(HSSFWorkbook.class);
            ParsedSubmission parsed = SubmissionReader.read(Grid.of(workbook), Samples.schemes());
            assertAcceptedWithoutFindings(parsed);
            assertValuesOf(parsed, sample("PC08-2024.xlsx"));
            assertThat(parsed.values()).isEqualTo(read(PC08).values());
        }
    }

    @Test
    void aSubmissionWithoutAnyLoadedSchemeHasAnUnknownPeriod() throws IOException {
        try (Grid workbook = Samples.read(PC08)) {
            ParsedSubmission parsed = SubmissionReader.read(workbook, code -> java.util.Optional.empty());
            assertRejected(parsed, tuple("E-PERIOD-UNKNOWN", INFO, "B6"));
        }
    }
}
