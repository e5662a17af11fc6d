package thidua.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import thidua.samples.ArrivalManifest;
import thidua.samples.SampleProvince;
import thidua.workbook.Samples;
import thidua.workbook.WorkbookBytes;
import thidua.workbook.WorkbookEdits;

/**
 * The catalogue of bad and messy submissions (FORMATS.md §2): each case is a recipe that
 * writes one file, made from the valid sample PC08-2024.xlsx (unit PC08, block K3) with
 * one thing changed where possible, and the outcome the reader must give it: accepted
 * with some exact values and its warnings, or rejected with exactly its errors (code,
 * sheet, cell; sheet and cell empty for whole-file problems).
 *
 * <p>Cell map of the sample's `Chỉ tiêu` sheet: header row 4 (B `Mã chỉ tiêu`, E `Kỳ
 * này`, F `Cùng kỳ`); TNGT.VU row 6 (60/73), TNGT.CHET 7 (35/43), TNGT.BT 8 (`82` as
 * text/98), TP.TTXH 10 (13/14), TP.XR 11 (20/19), TP.KP 12 (18/17), TPNT.XR 13, VA.TDC 15,
 * TB.TON 17 (3/2), TB.MOI 18 (61/57), TB.GQ 19 (62/56), SC.DX 21, XDLL.DIEM 23 (9.5, TU_CHAM
 * up to 10, `Cùng kỳ` blank), VP.KL 25 (last); section titles in rows 5, 9, 16, 20, 22.
 * `Thông tin`: unit in B4, period in B6.
 *
 * <p>Every file carries its own name as document title, so no two are byte-identical
 * (an import would take the later one for a duplicate). Accepted cases arrive before the
 * real PC08 sample (16/12/2024 09:20) and rejected ones after it, so that importing the
 * corpus together with the samples leaves the sample as PC08's latest accepted file.
 *
 * <p>{@code main(dir [--with-samples])} writes the whole corpus into {@code dir}.
 */
public final class Corpus {
    public static final String INFO = "Thông tin";
    public static final String VALUES = "Chỉ tiêu";
    public static final Path PC08 = Samples.submission("PC08-2024.xlsx");
    /** Accepted cases arrive from here on, a day before the real PC08 sample. */
    public static final OffsetDateTime ACCEPTED_ARRIVAL = OffsetDateTime.parse("2024-12-15T08:00:00+07:00");
    /** Rejected cases arrive from here on, two days after the real PC08 sample. */
    public static final OffsetDateTime REJECTED_ARRIVAL = OffsetDateTime.parse("2024-12-18T08:00:00+07:00");

    /** Each case's bytes, by file name (unique in the corpus), once made. */
    private static final Map<String, byte[]> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    private Corpus() {
    }

    // ------------------------------------------------------------------ model

    /** An error or warning as the reader reports it; sheet and cell are "" for whole-file problems. */
    public record Problem(String code, String sheet, String cell) {
        @Override
        public String toString() {
            return code + (sheet.isEmpty() ? "" : " " + sheet + (cell.isEmpty() ? "" : "!" + cell));
        }
    }

    /** `Kỳ này` and `Cùng kỳ` of one indicator (baseline null: left blank where allowed). */
    public record Value(BigDecimal current, BigDecimal baseline) {
    }

    /**
     * Accepted with {@code values} (some exact values; every other indicator is as in the
     * sample) and {@code findings} the warnings, or rejected with {@code findings} the errors.
     */
    public record Outcome(boolean accepted, Map<String, Value> values, List<Problem> findings) {
        @Override
        public String toString() {
            return (accepted ? "accepted" : "rejected") + (findings.isEmpty() ? "" : " " + findings);
        }
    }

    @FunctionalInterface
    public interface Recipe {
        void write(Path file) throws IOException;
    }

    /** One file of the corpus: what it is, how to make it, when it arrives, what it must give. */
    public record Case(String name, String fileName, Recipe recipe, OffsetDateTime arrival, Outcome expected) {
        /**
         * Writes the file into {@code dir}, with its arrival as last-modified time. A case is made
         * once per test JVM and its bytes kept: three test classes write the whole corpus, and
         * making it is most of their time.
         */
        public Path writeInto(Path dir) throws IOException {
            Path file = dir.resolve(fileName);
            byte[] made = MADE.get(fileName);
            if (made != null) {
                Files.write(file, made);
            } else {
                recipe.write(file);
                MADE.put(fileName, Files.readAllBytes(file));
            }
            Files.setLastModifiedTime(file, FileTime.from(arrival.toInstant()));
            return file;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The sample of PC08 that the cases are made from, with its values. */
    public static SampleProvince.Submission sample() {
        return SampleProvince.submissions().stream().filter(s -> s.fileName().equals("PC08-2024.xlsx"))
                .findFirst().orElseThrow();
    }

    /** The values an accepted case must give: the sample's, with the case's own ones over them. */
    public static Map<String, Value> expectedValues(Outcome outcome) {
        Map<String, Value> values = new LinkedHashMap<>();
        sample().values().forEach((code, v) -> values.put(code, new Value(v.current(), v.baseline())));
        values.putAll(outcome.values());
        return values;
    }

    // ------------------------------------------------------------------ the catalogue

    public static List<Case> cases() {
        Catalogue c = new Catalogue();

        // -------- whole files: not a workbook, protected, too large, unsafe
        c.rejected("empty-file", "PC08-2024-rong.xlsx", raw(new byte[0]), file("E-FILE-EMPTY"));
        c.rejected("csv-named-xlsx", "PC08-2024.csv.xlsx",
                raw(("\uFEFFMã chỉ tiêu;Kỳ này;Cùng kỳ\nTNGT.VU;60;73\nTNGT.CHET;35;43\n")
                        .getBytes(StandardCharsets.UTF_8)), file("E-FILE-NOT-SPREADSHEET"));
        c.rejected("pdf-named-xlsx", "PC08-2024.pdf.xlsx",
                raw("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                        .getBytes(StandardCharsets.ISO_8859_1)), file("E-FILE-NOT-SPREADSHEET"));
        c.rejected("html-table-named-xls", "PC08-2024-xuat-tu-web.xls",
                raw(("<html><head><meta charset=\"utf-8\"></head><body><table>"
                        + "<tr><td>Mã chỉ tiêu</td><td>Kỳ này</td><td>Cùng kỳ</td></tr>"
                        + "<tr><td>TNGT.VU</td><td>60</td><td>73</td></tr></table></body></html>")
                        .getBytes(StandardCharsets.UTF_8)), file("E-FILE-NOT-SPREADSHEET"));
        c.rejected("word-document-named-xlsx", "PC08-2024-cong-van.xlsx", Corpus::wordDocument,
                file("E-FILE-NOT-SPREADSHEET"));
        c.rejected("zip-of-workbooks-named-xlsx", "PC08-2024-nen-zip.xlsx", Corpus::zipOfWorkbooks,
                file("E-FILE-NOT-SPREADSHEET"));
        c.rejected("upload-cut-after-4-bytes", "PC08-2024-tai-len-loi.xlsx",
                raw(new byte[] {'P', 'K', 3, 4}), file("E-FILE-ZIP-DAMAGED"));
        c.rejected("truncated-download", "PC08-2024-tai-do-dang.xlsx",
                surgery(b -> Arrays.copyOf(b, b.length / 2)), file("E-FILE-ZIP-DAMAGED"));
        c.rejected("password-protected-xlsx", "PC08-2024-mat-khau.xlsx",
                surgery(b -> WorkbookBytes.encryptXlsx(b, "pc08@2024")), file("E-FILE-ENCRYPTED"));
        c.rejected("password-protected-xls", "PC08-2024-mat-khau.xls", file -> {
            xls(UnaryOperator.identity()).write(file);
            Files.write(file, WorkbookBytes.encryptXls(Files.readAllBytes(file), "pc08@2024"));
        }, file("E-FILE-ENCRYPTED"));
        c.rejected("over-size-limit", "PC08-2024-kem-anh-chup.xlsx", xlsx(Corpus::withLargePhoto),
                file("E-FILE-TOO-LARGE"));
        c.rejected("too-many-rows-xlsx", "PC08-2024-kem-du-lieu-goc.xlsx", xlsx(Corpus::withRawData),
                file("E-FILE-TOO-MANY-ROWS"));
        c.rejected("too-many-rows-xls", "PC08-2024-kem-du-lieu-goc.xls", xls(Corpus::withRawData),
                file("E-FILE-TOO-MANY-ROWS"));
        c.rejected("zip-bomb", "PC08-2024-bom-nen.xlsx",
                surgery(b -> WorkbookBytes.padEntry(b, "xl/worksheets/sheet2.xml", 40L * 1024 * 1024)),
                file("E-FILE-TOO-LARGE"));
        c.rejected("external-entity", "PC08-2024-xxe.xlsx", surgery(b -> WorkbookBytes.replaceEntry(b,
                "xl/sharedStrings.xml", xml -> xml.replaceFirst("<sst",
                        "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><sst")
                        .replace("<t>PC08</t>", "<t>&xxe;</t>"))), file("E-FILE-UNSAFE"));
        c.rejected("duplicate-zip-entry", "PC08-2024-hai-phan-trung-ten.xlsx",
                surgery(b -> WorkbookBytes.duplicateEntry(b, "xl/worksheets/sheet2.xml",
                        xml -> Pattern.compile("(<c r=\"E6\"[^>]*><v>)[^<]*(</v>)").matcher(xml)
                                .replaceFirst(m -> m.group(1) + "6" + m.group(2)))),
                file("E-FILE-UNSAFE"));
        c.rejected("macro-enabled-xlsm", "PC08-2024.xlsm", Corpus::macroWorkbook, file("E-FILE-MACRO"));
        c.rejected("macro-enabled-saved-as-xlsx", "PC08-2024-macro.xlsx",
                xlsx(e -> e.with(w -> ((XSSFWorkbook) w).setWorkbookType(XSSFWorkbookType.XLSM))),
                file("E-FILE-MACRO"));

        // -------- odd real-world files and hostile zips: other formats, parser differentials, odd part names
        c.rejected("binary-workbook-xlsb", "PC08-2024.xlsb", raw(WorkbookBytes.xlsb()), file("E-FILE-XLSB"));
        c.rejected("excel-95-workbook", "PC08-2024-excel-95.xls", raw(WorkbookBytes.excel95()),
                file("E-FILE-OLD-EXCEL"));
        c.rejected("strict-open-xml", "PC08-2024-strict.xlsx", surgery(WorkbookBytes::strict),
                file("E-FILE-STRICT-OOXML"));
        c.rejected("central-directory-cut-off", "PC08-2024-thieu-muc-luc.xlsx",
                surgery(b -> Arrays.copyOf(b, b.length - 10)), file("E-FILE-ZIP-DAMAGED"));
        c.rejected("corrupt-xls", "PC08-2024-xls-hong.xls", file -> {
            xls(UnaryOperator.identity()).write(file);
            byte[] b = Files.readAllBytes(file);
            Arrays.fill(b, 1024, b.length, (byte) 0x5A); // the Workbook stream overwritten after the header sector
            Files.write(file, b);
        }, file("E-FILE-XLS-DAMAGED"));
        c.rejected("value-hidden-behind-the-central-directory", "PC08-2024-hai-muc-luc.xlsx",
                surgery(b -> WorkbookBytes.hiddenCopy(b, "xl/worksheets/sheet2.xml", "xl/printerSettings/a.bin",
                        xml -> Pattern.compile("(<c r=\"E6\"[^>]*><v>)[^<]*(</v>)").matcher(xml)
                                .replaceFirst(m -> m.group(1) + "6" + m.group(2)))),
                file("E-FILE-ZIP-MISMATCH"));
        c.rejected("million-rows-hidden-behind-the-central-directory", "PC08-2024-hai-muc-luc-trieu-dong.xlsx",
                surgery(b -> WorkbookBytes.hiddenCopy(b, "xl/worksheets/sheet2.xml", "xl/printerSettings/a.bin",
                        xml -> xml.replace("</sheetData>", "<row/>".repeat(1_000_000) + "</sheetData>"))),
                file("E-FILE-ZIP-MISMATCH"));
        c.rejected("dtd-hidden-behind-the-central-directory", "PC08-2024-hai-muc-luc-dtd.xlsx",
                surgery(b -> WorkbookBytes.hiddenCopy(b, "xl/sharedStrings.xml", "xl/media/image91.bin",
                        xml -> xml.replaceFirst("<sst", "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><sst")
                                .replace("<t>PC08</t>", "<t>&xxe;</t>"))),
                file("E-FILE-ZIP-MISMATCH"));
        c.rejected("rows-in-a-sheet-at-an-odd-part-name", "PC08-2024-sheet-ten-la.xlsx",
                surgery(b -> WorkbookBytes.moveEntry(b, "xl/worksheets/sheet2.xml", "xl/foo/bar.bin",
                        xml -> xml.replace("</sheetData>", rawRows(1001, 6000) + "</sheetData>"))),
                file("E-FILE-TOO-MANY-ROWS"));
        c.rejected("million-rows-in-a-sheet-at-an-odd-part-name", "PC08-2024-sheet-ten-la-trieu-dong.xlsx",
                surgery(b -> WorkbookBytes.moveEntry(b, "xl/worksheets/sheet2.xml", "xl/foo/bar.bin",
                        xml -> xml.replace("</sheetData>", "<row/>".repeat(1_000_000) + "</sheetData>"))),
                file("E-FILE-TOO-LARGE"));
        c.rejected("dtd-in-shared-strings-with-another-extension", "PC08-2024-chuoi-ten-la.xlsx",
                surgery(b -> WorkbookBytes.moveEntry(b, "xl/sharedStrings.xml", "xl/strings.dat",
                        xml -> xml.replaceFirst("<sst", "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><sst")
                                .replace("<t>PC08</t>", "<t>&xxe;</t>"))),
                file("E-FILE-UNSAFE"));
        c.rejected("numbers-poi-cannot-parse", "PC08-2024-so-khong-doc-duoc.xlsx",
                surgery(b -> WorkbookBytes.replaceEntry(b, "xl/worksheets/sheet2.xml", xml -> storedValues(xml,
                        Map.of("E6", "NaN", "F7", "1E+400", "E10", "abc")))),
                values("E-VALUE-NOT-NUMBER", "E6"), values("E-VALUE-NOT-NUMBER", "F7"),
                values("E-VALUE-NOT-NUMBER", "E10"));
        c.accepted("thousands-of-styles", "PC08-2024-nhieu-kieu-dinh-dang.xlsx", xlsx(Corpus::thousandsOfStyles),
                List.of(value("TNGT.VU", "60", "73")));
        c.accepted("chart-comments-and-image", "PC08-2024-bieu-do.xlsx", xlsx(Corpus::chartCommentsAndImage),
                List.of(value("TNGT.VU", "60", "73"), value("TNGT.BT", "82", "98")));
        c.accepted("pivot-table", "PC08-2024-bang-tong-hop.xlsx", xlsx(Corpus::pivotTable),
                List.of(value("TNGT.VU", "60", "73")));
        c.accepted("external-link", "PC08-2024-lien-ket-ngoai.xlsx", surgery(Corpus::externalLink),
                List.of(value("TNGT.VU", "60", "73")));

        // -------- `Thông tin`: unit and period
        c.rejected("unknown-unit", "PC08-2024-ma-don-vi-sai.xlsx", xlsx(e -> e.text(INFO, "B4", "PC80")),
                info("E-UNIT-UNKNOWN", "B4"));
        c.rejected("unknown-period", "PC08-2023.xlsx", xlsx(e -> e.text(INFO, "B6", "2023")),
                info("E-PERIOD-UNKNOWN", "B6"));
        c.rejected("missing-unit", "PC08-2024-thieu-ma-don-vi.xlsx", xlsx(e -> e.blank(INFO, "B4")),
                info("E-UNIT-MISSING", "B4"));
        c.rejected("missing-period", "PC08-2024-thieu-ky-bao-cao.xlsx", xlsx(e -> e.blank(INFO, "B6")),
                info("E-PERIOD-MISSING", "B6"));

        // -------- sheets and header
        c.rejected("missing-info-sheet", "PC08-2024-thieu-sheet-thong-tin.xlsx", xlsx(e -> e.deleteSheet(INFO)),
                sheet("E-SHEET-MISSING", INFO));
        c.rejected("missing-values-sheet", "PC08-2024-thieu-sheet-chi-tieu.xlsx", xlsx(e -> e.deleteSheet(VALUES)),
                sheet("E-SHEET-MISSING", VALUES));
        c.rejected("missing-header-column", "PC08-2024-doi-ten-cot.xlsx", xlsx(e -> e.text(VALUES, "F4", "Năm 2023")),
                sheet("E-HEADER-MISSING", VALUES));
        c.rejected("header-in-row-31", "PC08-2024-tieu-de-dong-31.xlsx", xlsx(e -> e.insertRows(VALUES, 1, 27)),
                sheet("E-HEADER-MISSING", VALUES));

        // -------- indicator rows
        c.rejected("unknown-indicator", "PC08-2024-chi-tieu-la.xlsx",
                xlsx(e -> e.text(VALUES, "B26", "TP.MATUY").text(VALUES, "C26", "Số vụ phạm tội về ma túy")
                        .number(VALUES, "E26", 5).number(VALUES, "F26", 4)),
                values("E-INDICATOR-UNKNOWN", "B26"));
        c.rejected("misspelt-indicator", "PC08-2024-go-sai-ma.xlsx", xlsx(e -> e.text(VALUES, "B6", "TNGT.VUU")),
                values("E-INDICATOR-UNKNOWN", "B6"), values("E-INDICATOR-MISSING", "B4"));
        c.rejected("duplicate-indicator", "PC08-2024-trung-dong.xlsx", xlsx(e -> e.copyRow(VALUES, 6, 26)),
                values("E-INDICATOR-DUPLICATE", "B26"));
        c.rejected("missing-indicator", "PC08-2024-thieu-dong.xlsx",
                xlsx(e -> e.with(w -> w.getSheet(VALUES).removeRow(w.getSheet(VALUES).getRow(24)))),
                values("E-INDICATOR-MISSING", "B4"));

        // -------- values
        c.rejected("blank-current", "PC08-2024-o-trong.xlsx", xlsx(e -> e.blank(VALUES, "E6")),
                values("E-VALUE-BLANK", "E6"));
        c.rejected("blank-baseline", "PC08-2024-o-trong-cung-ky.xlsx", xlsx(e -> e.blank(VALUES, "F10")),
                values("E-VALUE-BLANK", "F10"));
        c.rejected("spaces-only", "PC08-2024-o-chi-co-dau-cach.xlsx", xlsx(e -> e.text(VALUES, "E7", " \u00A0 ")),
                values("E-VALUE-BLANK", "E7"));
        c.rejected("negative", "PC08-2024-so-am.xlsx", xlsx(e -> e.number(VALUES, "F7", -3)),
                values("E-VALUE-NEGATIVE", "F7"));
        c.rejected("non-integer-number", "PC08-2024-so-le.xlsx", xlsx(e -> e.number(VALUES, "E10", 13.5)),
                values("E-VALUE-NOT-INTEGER", "E10"));
        c.rejected("non-integer-text", "PC08-2024-so-le-chu.xlsx", xlsx(e -> e.text(VALUES, "E10", "13,5")),
                values("E-VALUE-NOT-INTEGER", "E10"));
        c.rejected("non-numeric-text", "PC08-2024-chu-trong-o-so.xlsx", xlsx(e -> e.text(VALUES, "E6", "khoảng 60")),
                values("E-VALUE-NOT-NUMBER", "E6"));
        c.rejected("dash-for-zero", "PC08-2024-gach-ngang.xlsx", xlsx(e -> e.text(VALUES, "E21", "-")),
                values("E-VALUE-NOT-NUMBER", "E21"));
        c.rejected("error-cell-div0", "PC08-2024-div0.xlsx", xlsx(e -> e.error(VALUES, "E13", FormulaError.DIV0)),
                values("E-VALUE-ERROR-CELL", "E13"));
        c.rejected("formula-cached-div0", "PC08-2024-cong-thuc-loi.xlsx",
                xlsx(e -> e.formulaWithError(VALUES, "E15", "E13/E21", FormulaError.DIV0)),
                values("E-VALUE-ERROR-CELL", "E15"));
        c.rejected("formula-without-cached-value", "PC08-2024-cong-thuc-chua-tinh.xlsx",
                xlsx(e -> e.formulaWithoutCache(VALUES, "E6", "F6-13")),
                values("E-VALUE-NO-CACHED", "E6"));

        // -------- checks across rows
        c.rejected("rate-above-100-current", "PC08-2024-kham-pha-vuot.xlsx", xlsx(e -> e.number(VALUES, "E12", 21)),
                values("E-RATE-NUMERATOR-GT", "E12"));
        c.rejected("rate-above-100-baseline", "PC08-2024-kham-pha-vuot-cung-ky.xlsx",
                xlsx(e -> e.number(VALUES, "F12", 20)), values("E-RATE-NUMERATOR-GT", "F12"));
        c.rejected("rate-above-sum-of-denominator", "PC08-2024-giai-quyet-vuot.xlsx",
                xlsx(e -> e.number(VALUES, "E19", 65)), values("E-RATE-NUMERATOR-GT", "E19"));
        c.rejected("points-above-max", "PC08-2024-diem-vuot.xlsx", xlsx(e -> e.text(VALUES, "E23", "10,5")),
                values("E-POINTS-RANGE", "E23"));
        c.rejected("points-below-zero", "PC08-2024-diem-am.xlsx", xlsx(e -> e.number(VALUES, "E23", -1)),
                values("E-VALUE-NEGATIVE", "E23"));

        // -------- everything wrong at once
        c.rejected("template-of-another-office", "PC08-2024-sheet1-sheet2.xlsx",
                xlsx(e -> e.renameSheet(INFO, "Sheet1").renameSheet(VALUES, "Sheet2")),
                sheet("E-SHEET-MISSING", INFO), sheet("E-SHEET-MISSING", VALUES));
        c.rejected("every-value-error-at-once", "PC08-2024-nhieu-loi.xlsx", xlsx(e -> e
                        .text(VALUES, "E6", "60 vụ")
                        .number(VALUES, "F7", -1)
                        .number(VALUES, "E10", 12.5)
                        .number(VALUES, "E12", 21)
                        .error(VALUES, "E13", FormulaError.DIV0)
                        .blank(VALUES, "E15")
                        .formulaWithoutCache(VALUES, "F17", "F18-55")
                        .blank(VALUES, "B21")
                        .number(VALUES, "E23", 11)
                        .copyRow(VALUES, 7, 26)
                        .text(VALUES, "B27", "XX.YY").number(VALUES, "E27", 1).number(VALUES, "F27", 1)),
                values("E-VALUE-NOT-NUMBER", "E6"),
                values("E-VALUE-NEGATIVE", "F7"),
                values("E-VALUE-NOT-INTEGER", "E10"),
                values("E-RATE-NUMERATOR-GT", "E12"),
                values("E-VALUE-ERROR-CELL", "E13"),
                values("E-VALUE-BLANK", "E15"),
                values("E-VALUE-NO-CACHED", "F17"),
                values("E-INDICATOR-MISSING", "B4"),
                values("E-POINTS-RANGE", "E23"),
                values("E-INDICATOR-DUPLICATE", "B26"),
                values("E-INDICATOR-UNKNOWN", "B27"));
        c.rejected("unknown-unit-and-bad-values", "PC80-2024.xlsx", xlsx(e -> e
                        .text(INFO, "B4", "PC80")
                        .text(VALUES, "E6", "60 vụ")
                        .number(VALUES, "F7", -1)
                        .text(VALUES, "B26", "TP.MATUY").number(VALUES, "E26", 5).number(VALUES, "F26", 4)),
                info("E-UNIT-UNKNOWN", "B4"),
                values("E-VALUE-NOT-NUMBER", "E6"),
                values("E-VALUE-NEGATIVE", "F7"),
                values("E-INDICATOR-UNKNOWN", "B26"));

        // -------- tolerated: labels
        c.accepted("labels-without-diacritics", "PC08-2024-khong-dau.xlsx", xlsx(e -> e
                        .renameSheet(INFO, "Thong tin").renameSheet(VALUES, "Chi tieu")
                        .text("Thong tin", "A4", "Ma don vi").text("Thong tin", "A6", "Ky bao cao")
                        .text("Chi tieu", "B4", "Ma chi tieu").text("Chi tieu", "E4", "Ky nay")
                        .text("Chi tieu", "F4", "Cung ky")),
                List.of(value("TNGT.VU", "60", "73"), value("XDLL.DIEM", "9.5", null)));
        c.accepted("labels-in-nfd", "PC08-2024-nfd.xlsx", xlsx(Corpus::labelsInNfd),
                List.of(value("TNGT.VU", "60", "73"), value("VP.KL", "0", "1")));
        c.accepted("labels-in-other-case", "PC08-2024-chu-hoa.xlsx", xlsx(e -> e
                        .renameSheet(INFO, "THÔNG TIN").renameSheet(VALUES, "chỉ tiêu")
                        .text("THÔNG TIN", "A4", "MÃ ĐƠN VỊ").text("THÔNG TIN", "A6", "kỳ BÁO cáo")
                        .text("chỉ tiêu", "B4", "MÃ CHỈ TIÊU").text("chỉ tiêu", "E4", "kỳ này")
                        .text("chỉ tiêu", "F4", " Cùng   Kỳ ")),
                List.of(value("TNGT.VU", "60", "73"), value("TB.GQ", "62", "56")));
        c.accepted("codes-in-lower-case-and-numeric-period", "PC08-2024-ma-chu-thuong.xlsx", xlsx(e -> e
                        .text(INFO, "B4", " pc08 ").number(INFO, "B6", 2024)
                        .text(VALUES, "B6", " tngt.vu").text(VALUES, "B23", "xdll.diem ")),
                List.of(value("TNGT.VU", "60", "73"), value("XDLL.DIEM", "9.5", null)));

        // -------- tolerated: layout
        c.accepted("header-in-row-30", "PC08-2024-tieu-de-dong-30.xlsx", xlsx(e -> e.insertRows(VALUES, 1, 26)),
                List.of(value("TNGT.VU", "60", "73"), value("VP.KL", "0", "1")));
        c.accepted("merged-header-cells", "PC08-2024-tieu-de-gop-o.xlsx", xlsx(Corpus::twoRowHighHeader),
                List.of(value("TNGT.VU", "60", "73"), value("TP.KP", "18", "17")));
        c.accepted("section-title-and-footer-rows", "PC08-2024-dong-muc-va-chu-ky.xlsx", xlsx(e -> e
                        .insertRows(VALUES, 11, 2)
                        .text(VALUES, "A11", "II.1").text(VALUES, "C11", "Tội phạm về trật tự xã hội")
                        .text(VALUES, "E11", "(vụ)").text(VALUES, "F11", "(vụ)")
                        .text(VALUES, "B12", "  ").text(VALUES, "C12", "(dòng trống)")
                        .text(VALUES, "C29", "Người lập biểu").text(VALUES, "F29", "Thủ trưởng đơn vị")
                        .text(VALUES, "C32", "La Văn Phúc").number(VALUES, "F32", 2024)),
                List.of(value("TP.XR", "20", "19"), value("VP.KL", "0", "1")));
        c.accepted("extra-columns", "PC08-2024-them-cot.xlsx", xlsx(Corpus::extraColumns),
                List.of(value("TNGT.VU", "60", "73"), value("TB.MOI", "61", "57")));
        c.accepted("hidden-and-extra-sheets", "PC08-2024-them-sheet.xlsx", xlsx(Corpus::hiddenAndExtraSheets),
                List.of(value("TNGT.VU", "60", "73"), value("SC.DX", "0", "0")));

        // -------- tolerated: cell contents
        c.accepted("formula-cached-values", "PC08-2024-cong-thuc.xlsx", xlsx(e -> e
                        .formula(VALUES, "E6", "F6-13", 60)
                        .formula(VALUES, "E19", "E17+E18-2", 62)
                        .formula(VALUES, "F11", "SUM(F12:F12)+2", 19)),
                List.of(value("TNGT.VU", "60", "73"), value("TB.GQ", "62", "56"), value("TP.XR", "20", "19")));
        c.accepted("thousands-with-dot", "PC08-2024-nghin-dau-cham.xlsx",
                xlsx(e -> e.text(VALUES, "E6", "1.060").text(VALUES, "F6", "1.073")),
                List.of(value("TNGT.VU", "1060", "1073")));
        c.accepted("thousands-with-comma", "PC08-2024-nghin-dau-phay.xlsx",
                xlsx(e -> e.text(VALUES, "E6", "1,060").text(VALUES, "F6", "1,073")),
                List.of(value("TNGT.VU", "1060", "1073")));
        c.accepted("thousands-with-space", "PC08-2024-nghin-dau-cach.xlsx",
                xlsx(e -> e.text(VALUES, "E6", "1 060").text(VALUES, "F6", "1 073")),
                List.of(value("TNGT.VU", "1060", "1073")));
        c.accepted("thousands-with-no-break-space", "PC08-2024-nghin-nbsp.xlsx",
                xlsx(e -> e.text(VALUES, "E6", "1\u00A0060").text(VALUES, "F6", "1\u00A0073")),
                List.of(value("TNGT.VU", "1060", "1073")));
        c.accepted("points-with-decimal-comma", "PC08-2024-diem-dau-phay.xlsx",
                xlsx(e -> e.text(VALUES, "E23", "9,75")),
                List.of(value("XDLL.DIEM", "9.75", null)));

        // -------- tolerated: the format is taken from the content
        c.accepted("legacy-xls", "PC08-2024-excel-2003.xls", xls(UnaryOperator.identity()),
                List.of(value("TNGT.VU", "60", "73"), value("TNGT.BT", "82", "98")));
        c.accepted("xls-named-xlsx", "PC08-2024-excel-2003.xlsx", xls(UnaryOperator.identity()),
                List.of(value("TNGT.VU", "60", "73"), value("XDLL.DIEM", "9.5", null)));
        c.accepted("xlsx-named-xls", "PC08-2024-doi-duoi.xls", xlsx(UnaryOperator.identity()),
                List.of(value("TNGT.VU", "60", "73"), value("TNGT.BT", "82", "98")));
        c.accepted("xlsx-named-dat", "PC08-2024.dat", xlsx(UnaryOperator.identity()),
                List.of(value("TNGT.VU", "60", "73"), value("KT.CAPBO", "2", "0")));

        // -------- warnings, which do not block
        c.accepted("indicator-of-another-block", "PC08-2024-chi-tieu-khoi-khac.xlsx", xlsx(e -> e
                        .text(VALUES, "B26", "CHAY.NO").text(VALUES, "C26", "Số vụ cháy, nổ đặc biệt nghiêm trọng")
                        .number(VALUES, "E26", 0).number(VALUES, "F26", 1)),
                List.of(value("TNGT.VU", "60", "73")),
                values("W-INDICATOR-NOT-APPLICABLE", "B26"));
        c.accepted("tenfold-jump", "PC08-2024-tang-dot-bien.xlsx", xlsx(e -> e.number(VALUES, "E10", 150)),
                List.of(value("TP.TTXH", "150", "14")),
                values("W-VALUE-JUMP", "E10"));
        c.accepted("both-warnings", "PC08-2024-hai-canh-bao.xlsx", xlsx(e -> e
                        .text(VALUES, "E17", "1.234")
                        .text(VALUES, "B26", "TM.VB").number(VALUES, "E26", 12).number(VALUES, "F26", 10)),
                List.of(value("TB.TON", "1234", "2")),
                values("W-VALUE-JUMP", "E17"), values("W-INDICATOR-NOT-APPLICABLE", "B26"));
        c.accepted("two-level-merged-header", "PC08-2024-tieu-de-hai-tang.xlsx", xlsx(Corpus::twoLevelHeader),
                List.of(value("TNGT.VU", "60", "73"), value("VP.KL", "0", "1")));
        c.accepted("hidden-old-copy-of-the-values-sheet", "PC08-2024-sheet-an-ban-cu.xlsx",
                xlsx(Corpus::hiddenOldCopyFirst),
                List.of(value("TNGT.VU", "60", "73"), value("VP.KL", "0", "1")));
        return c.cases;
    }

    /** Builds cases with arrivals in catalogue order: accepted ones before the sample, rejected ones after. */
    private static final class Catalogue {
        final List<Case> cases = new ArrayList<>();
        private int accepted;
        private int rejected;

        void rejected(String name, String fileName, Recipe recipe, Problem... errors) {
            cases.add(new Case(name, fileName, recipe, REJECTED_ARRIVAL.plusMinutes(5L * rejected++),
                    new Outcome(false, Map.of(), List.of(errors))));
        }

        void accepted(String name, String fileName, Recipe recipe, List<Map.Entry<String, Value>> values,
                      Problem... warnings) {
            Map<String, Value> map = new LinkedHashMap<>();
            values.forEach(v -> map.put(v.getKey(), v.getValue()));
            cases.add(new Case(name, fileName, recipe, ACCEPTED_ARRIVAL.plusMinutes(5L * accepted++),
                    new Outcome(true, map, List.of(warnings))));
        }
    }

    private static Problem file(String code) {
        return new Problem(code, "", "");
    }

    private static Problem sheet(String code, String sheet) {
        return new Problem(code, sheet, "");
    }

    private static Problem info(String code, String cell) {
        return new Problem(code, INFO, cell);
    }

    private static Problem values(String code, String cell) {
        return new Problem(code, VALUES, cell);
    }

    private static Map.Entry<String, Value> value(String code, String current, String baseline) {
        return Map.entry(code, new Value(new BigDecimal(current), baseline == null ? null : new BigDecimal(baseline)));
    }

    // ------------------------------------------------------------------ recipes

    /** A copy of the sample, titled with the file's name (so that no two files are byte-identical). */
    private static WorkbookEdits pc08(Path file) {
        return WorkbookEdits.copyOf(PC08).title(file.getFileName().toString());
    }

    /** The sample with {@code change}, saved as .xlsx whatever the file is called. */
    private static Recipe xlsx(UnaryOperator<WorkbookEdits> change) {
        return file -> {
            try (WorkbookEdits edits = change.apply(pc08(file))) {
                Files.write(file, edits.bytes());
            }
        };
    }

    /** The sample with {@code change}, saved as legacy .xls whatever the file is called. */
    private static Recipe xls(UnaryOperator<WorkbookEdits> change) {
        return file -> {
            try (WorkbookEdits edits = change.apply(pc08(file))) {
                edits.saveAsXls(file.getParent(), file.getFileName().toString());
            }
        };
    }

    /** The sample's .xlsx bytes, changed below the workbook level. */
    private static Recipe surgery(UnaryOperator<byte[]> change) {
        return file -> {
            try (WorkbookEdits edits = pc08(file)) {
                Files.write(file, change.apply(edits.bytes()));
            }
        };
    }

    private static Recipe raw(byte[] content) {
        return file -> Files.write(file, content);
    }

    /** {@code count} rows of raw data from row {@code first}, one numeric cell each: not compressible to nothing. */
    private static String rawRows(int first, int count) {
        StringBuilder rows = new StringBuilder();
        for (int r = first; r < first + count; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>")
                    .append(r * 7919 % 10007).append("</v></c></row>");
        }
        return rows.toString();
    }

    /** The sheet's XML with the stored value (`<v>`) of some cells replaced as they are, unparsed. */
    private static String storedValues(String xml, Map<String, String> values) {
        for (Map.Entry<String, String> v : values.entrySet()) {
            xml = Pattern.compile("(<c r=\"" + v.getKey() + "\"[^>]*><v>)[^<]*(</v>)").matcher(xml)
                    .replaceFirst(m -> m.group(1) + v.getValue() + m.group(2));
        }
        return xml;
    }

    /** A workbook that went through many hands: 4,000 cell formats, most of them unused. */
    private static WorkbookEdits thousandsOfStyles(WorkbookEdits e) {
        return e.with(w -> {
            var formats = w.createDataFormat();
            for (int i = 0; i < 4_000; i++) {
                var style = w.createCellStyle();
                style.setDataFormat(formats.getFormat("#,##0" + (i % 7 == 0 ? "" : "." + "0".repeat(i % 7)) + "_);(#,##0)"));
                style.setIndention((short) (i % 15));
                style.setRotation((short) (i % 90));
                if (i % 500 == 0) {
                    w.getSheet(VALUES).getRow(5).getCell(2).setCellStyle(style);
                }
            }
        });
    }

    /** A bar chart of three values, a comment on a value cell, and a small picture (the unit's logo). */
    private static WorkbookEdits chartCommentsAndImage(WorkbookEdits e) {
        return e.with(w -> {
            org.apache.poi.xssf.usermodel.XSSFSheet sheet = (org.apache.poi.xssf.usermodel.XSSFSheet) w.getSheet(VALUES);
            org.apache.poi.xssf.usermodel.XSSFDrawing drawing = sheet.createDrawingPatriarch();
            var chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 8, 3, 16, 20));
            var x = chart.createCategoryAxis(org.apache.poi.xddf.usermodel.chart.AxisPosition.BOTTOM);
            var y = chart.createValueAxis(org.apache.poi.xddf.usermodel.chart.AxisPosition.LEFT);
            var data = chart.createData(org.apache.poi.xddf.usermodel.chart.ChartTypes.BAR, x, y);
            data.addSeries(org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory.fromStringCellRange(sheet,
                            CellRangeAddress.valueOf("B6:B8")),
                    org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                            CellRangeAddress.valueOf("E6:E8")));
            chart.plot(data);
            ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 4, 5, 7, 9);
            var comment = drawing.createCellComment(anchor);
            comment.setString(w.getCreationHelper().createRichTextString("Số liệu đã đối chiếu với PC08"));
            comment.setAuthor("Cán bộ thống kê");
            sheet.getRow(5).getCell(4).setCellComment(comment);
            byte[] png = java.util.Base64.getDecoder().decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
            int picture = w.addPicture(png, Workbook.PICTURE_TYPE_PNG);
            drawing.createPicture(drawing.createAnchor(0, 0, 0, 0, 17, 1, 18, 2), picture);
        });
    }

    /** A pivot table (with its pivot cache) over the values, on a sheet of its own. */
    private static WorkbookEdits pivotTable(WorkbookEdits e) {
        return e.with(w -> {
            org.apache.poi.xssf.usermodel.XSSFSheet source = (org.apache.poi.xssf.usermodel.XSSFSheet) w.getSheet(VALUES);
            org.apache.poi.xssf.usermodel.XSSFSheet pivot = (org.apache.poi.xssf.usermodel.XSSFSheet) w.createSheet("Tổng hợp nhanh");
            var table = pivot.createPivotTable(new org.apache.poi.ss.util.AreaReference("B4:F8",
                    org.apache.poi.ss.SpreadsheetVersion.EXCEL2007), new org.apache.poi.ss.util.CellReference("A1"), source);
            table.addRowLabel(0);
            table.addColumnLabel(org.apache.poi.ss.usermodel.DataConsolidateFunction.SUM, 3);
        });
    }

    /** A link to another workbook (a formula once pointed at the province's file): its part and relationship. */
    private static byte[] externalLink(byte[] xlsx) {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        byte[] b = WorkbookBytes.addEntry(xlsx, "xl/externalLinks/externalLink1.xml", ("<?xml version=\"1.0\" "
                + "encoding=\"UTF-8\" standalone=\"yes\"?><externalLink xmlns=\"" + main + "\" xmlns:r=\"" + rels
                + "\"><externalBook r:id=\"rId1\"><sheetNames><sheetName val=\"Tong hop\"/></sheetNames>"
                + "<sheetDataSet><sheetData sheetId=\"0\"><row r=\"1\"><cell r=\"A1\"><v>5</v></cell></row>"
                + "</sheetData></sheetDataSet></externalBook></externalLink>").getBytes(StandardCharsets.UTF_8));
        b = WorkbookBytes.addEntry(b, "xl/externalLinks/_rels/externalLink1.xml.rels", ("<?xml version=\"1.0\" "
                + "encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + rels + "/externalLinkPath\" "
                + "Target=\"file:///C:/Bao%20cao/Tong%20hop%202024.xlsx\" TargetMode=\"External\"/></Relationships>")
                .getBytes(StandardCharsets.UTF_8));
        b = WorkbookBytes.replaceEntry(b, "xl/_rels/workbook.xml.rels", x -> x.replace("</Relationships>",
                "<Relationship Id=\"rId99\" Target=\"externalLinks/externalLink1.xml\" Type=\"" + rels
                        + "/externalLink\"/></Relationships>"));
        b = WorkbookBytes.replaceEntry(b, "[Content_Types].xml", x -> x.replace("</Types>",
                "<Override ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml\""
                        + " PartName=\"/xl/externalLinks/externalLink1.xml\"/></Types>"));
        return WorkbookBytes.replaceEntry(b, "xl/workbook.xml", x -> x.replace("</sheets>",
                "</sheets><externalReferences><externalReference r:id=\"rId99\"/></externalReferences>"));
    }

    /** A scanned photo of the signed report pasted into the workbook: 11 MB that do not compress. */
    private static WorkbookEdits withLargePhoto(WorkbookEdits edits) {
        byte[] photo = new byte[11 * 1024 * 1024];
        new Random(2024_12_14L).nextBytes(photo);
        photo[0] = (byte) 0xFF; // a JPEG's start-of-image marker
        photo[1] = (byte) 0xD8;
        return edits.with(w -> {
            int picture = w.addPicture(photo, Workbook.PICTURE_TYPE_JPEG);
            Sheet sheet = w.getSheet(VALUES);
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            ClientAnchor anchor = w.getCreationHelper().createClientAnchor();
            anchor.setCol1(8);
            anchor.setRow1(3);
            anchor.setCol2(14);
            anchor.setRow2(25);
            drawing.createPicture(anchor, picture);
        });
    }

    /** The raw case list pasted in as one more sheet: 5,001 rows, one over the limit. */
    private static WorkbookEdits withRawData(WorkbookEdits edits) {
        return edits.with(w -> {
            Sheet sheet = w.createSheet("Dữ liệu gốc");
            for (int r = 0; r <= 5_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r == 0 ? "STT" : String.valueOf(r));
                row.createCell(1).setCellValue(r == 0 ? "Số hồ sơ" : "HS-2024-" + r);
            }
        });
    }

    /** Sheet names and every label in decomposed Unicode (NFD), as some Mac tools write them. */
    private static WorkbookEdits labelsInNfd(WorkbookEdits edits) {
        String info = nfd(INFO);
        String values = nfd(VALUES);
        return edits.renameSheet(INFO, info).renameSheet(VALUES, values)
                .text(info, "A4", nfd("Mã đơn vị")).text(info, "A6", nfd("Kỳ báo cáo"))
                .text(values, "B4", nfd("Mã chỉ tiêu")).text(values, "E4", nfd("Kỳ này"))
                .text(values, "F4", nfd("Cùng kỳ"));
    }

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    /** The header two rows high: every header cell merged with the (new, empty) cell below it. */
    private static WorkbookEdits twoRowHighHeader(WorkbookEdits edits) {
        return edits.insertRows(VALUES, 5, 1).with(w -> {
            Sheet sheet = w.getSheet(VALUES);
            sheet.createRow(4);
            for (int c = 0; c <= 6; c++) {
                sheet.addMergedRegion(new CellRangeAddress(3, 4, c, c));
            }
        });
    }

    /**
     * A two-level header as many offices draw it: `Số liệu` over `Kỳ này` and `Cùng kỳ`
     * in row 5, the other header cells merged down over rows 4–5 (their text in row 4).
     */
    private static WorkbookEdits twoLevelHeader(WorkbookEdits edits) {
        return edits.insertRows(VALUES, 5, 1)
                .text(VALUES, "E5", "Kỳ này").text(VALUES, "F5", "Cùng kỳ")
                .text(VALUES, "E4", "Số liệu").blank(VALUES, "F4")
                .with(w -> {
                    Sheet sheet = w.getSheet(VALUES);
                    for (int c : new int[] {0, 1, 2, 3, 6}) {
                        sheet.addMergedRegion(new CellRangeAddress(3, 4, c, c));
                    }
                    sheet.addMergedRegion(new CellRangeAddress(3, 3, 4, 5));
                });
    }

    /** Columns besides ours: a plan, an estimate labelled like ours but not equal to it, a check mark. */
    private static WorkbookEdits extraColumns(WorkbookEdits edits) {
        edits.text(VALUES, "H4", "Kế hoạch năm").text(VALUES, "I4", "Kỳ này (ước tính)")
                .text(VALUES, "J4", "Đã kiểm tra");
        for (int r = 6; r <= 25; r++) {
            edits.number(VALUES, "H" + r, 100 + r).number(VALUES, "I" + r, 999).text(VALUES, "J" + r, "x");
        }
        return edits;
    }

    /** An instructions sheet in front, a hidden list sheet, a very hidden scratch sheet and a chart data sheet. */
    private static WorkbookEdits hiddenAndExtraSheets(WorkbookEdits edits) {
        return edits.with(w -> {
            Sheet guide = w.createSheet("Hướng dẫn");
            guide.createRow(0).createCell(0).setCellValue("Ghi số liệu vào sheet Chỉ tiêu; không sửa mã chỉ tiêu.");
            w.setSheetOrder("Hướng dẫn", 0);
            Sheet lists = w.createSheet("Danh mục");
            Row header = lists.createRow(0);
            header.createCell(0).setCellValue("Mã chỉ tiêu");
            header.createCell(1).setCellValue("Kỳ này");
            header.createCell(2).setCellValue("Cùng kỳ");
            Row row = lists.createRow(1);
            row.createCell(0).setCellValue("TNGT.VU");
            row.createCell(1).setCellValue(-5);
            row.createCell(2).setCellValue("abc");
            w.setSheetVisibility(w.getSheetIndex(lists), SheetVisibility.HIDDEN);
            Sheet scratch = w.createSheet("tmp");
            scratch.createRow(0).createCell(0).setCellValue("#REF!");
            w.setSheetVisibility(w.getSheetIndex(scratch), SheetVisibility.VERY_HIDDEN);
            Sheet chart = w.createSheet("Biểu đồ");
            Row c = chart.createRow(0);
            c.createCell(0).setCellValue("Năm");
            c.createCell(1).setCellValue("Số vụ TNGT");
            Row d = chart.createRow(1);
            d.createCell(0).setCellValue(2024);
            d.createCell(1).setCellValue(60);
        });
    }

    /**
     * Last year's copy of the values sheet, hidden and placed first, named without
     * diacritics (`Chi tieu`): to Excel another sheet, to a label matcher the same name.
     */
    private static WorkbookEdits hiddenOldCopyFirst(WorkbookEdits edits) {
        return edits.with(w -> {
            Sheet old = w.cloneSheet(w.getSheetIndex(VALUES));
            w.setSheetName(w.getSheetIndex(old), "Chi tieu");
            for (Row row : old) {
                Cell current = row.getCell(4);
                if (row.getRowNum() > 4 && current != null && current.getCellType()
                        == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    current.setCellValue(current.getNumericCellValue() + 1000);
                }
            }
            w.setSheetOrder("Chi tieu", 0);
            w.setActiveSheet(1);
            w.setSelectedTab(1);
            w.setSheetHidden(0, true);
        });
    }

    /** A Word letter (an .docx, itself a zip of XML parts) sent instead of the workbook. */
    private static void wordDocument(Path file) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Kính gửi: Phòng Tham mưu. Phòng PC08 xin gửi báo cáo kết quả "
                    + "thi đua năm 2024 (số liệu kèm theo).");
            doc.getProperties().getCoreProperties().setTitle(file.getFileName().toString());
            try (var out = Files.newOutputStream(file)) {
                doc.write(out);
            }
        }
    }

    /** The report zipped (with a second copy) and the .zip renamed .xlsx. */
    private static void zipOfWorkbooks(Path file) throws IOException {
        byte[] workbook;
        try (WorkbookEdits edits = pc08(file)) {
            workbook = edits.bytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("PC08-2024.xlsx", "PC08-2024 (1).xlsx")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(workbook);
                zip.closeEntry();
            }
        }
        Files.write(file, out.toByteArray());
    }

    /** A macro-enabled workbook (.xlsm): its content type, and a VBA project part. */
    private static void macroWorkbook(Path file) throws IOException {
        byte[] bytes;
        try (WorkbookEdits edits = pc08(file)) {
            bytes = edits.with(w -> ((XSSFWorkbook) w).setWorkbookType(XSSFWorkbookType.XLSM)).bytes();
        }
        ByteArrayOutputStream vba = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDirectory("VBA").createDocument("dir", new java.io.ByteArrayInputStream(new byte[64]));
            fs.getRoot().createDocument("PROJECT", new java.io.ByteArrayInputStream(
                    "ID=\"{00000000-0000-0000-0000-000000000000}\"\r\nModule=Module1\r\n"
                            .getBytes(StandardCharsets.US_ASCII)));
            fs.writeFilesystem(vba);
        }
        bytes = WorkbookBytes.replaceEntry(bytes, "[Content_Types].xml", xml -> xml.replace("</Types>",
                "<Override PartName=\"/xl/vbaProject.bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>"
                        + "</Types>"));
        Files.write(file, WorkbookBytes.addEntry(bytes, "xl/vbaProject.bin", vba.toByteArray()));
    }

    // ------------------------------------------------------------------ writing the whole corpus

    /**
     * Writes every case into {@code dir}, each with its arrival time; with
     * {@code withSamples}, also the shipped 2024 samples with theirs. Returns the files.
     */
    public static List<Path> writeInbox(Path dir, boolean withSamples) throws IOException {
        return writeInbox(dir, cases(), withSamples);
    }

    /** Writes {@code cases} into {@code dir}, and with {@code withSamples} the shipped 2024 samples too. */
    public static List<Path> writeInbox(Path dir, List<Case> cases, boolean withSamples) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (Case c : cases) {
            files.add(c.writeInto(dir));
        }
        if (withSamples) {
            Path samples = Samples.DIR.resolve(SampleProvince.SUBMISSION_FOLDER);
            try (Stream<Path> list = Files.list(samples)) {
                for (Path sample : list.filter(p -> p.getFileName().toString().endsWith(".xlsx")).sorted().toList()) {
                    files.add(Files.copy(sample, dir.resolve(sample.getFileName()), StandardCopyOption.REPLACE_EXISTING));
                }
            }
            ArrivalManifest.touch(Samples.DIR.resolve(SampleProvince.MANIFEST_FILE), dir);
        }
        return files;
    }

    /**
     * {@code Corpus DIR [--with-samples]}: writes the corpus into DIR for an
     * import by hand; {@code --with-samples} adds the shipped 2024 samples (with their
     * arrival times).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args[0].startsWith("--")) {
            System.err.println("usage: Corpus DIR [--with-samples]");
            System.exit(2);
        }
        List<String> options = Arrays.asList(args).subList(1, args.length);
        boolean withSamples = options.contains("--with-samples");
        List<Case> cases = cases();
        List<Path> files = writeInbox(Path.of(args[0]), cases, withSamples);
        for (Case c : cases) {
            System.out.printf("%-40s %-42s %s%n", c.name(), c.fileName(), c.expected());
        }
        long accepted = cases.stream().filter(c -> c.expected().accepted()).count();
        System.out.printf("%d files written to %s: %d corpus cases (%d accepted, %d rejected)%s%n", files.size(),
                args[0], cases.size(), accepted, cases.size() - accepted,
                withSamples ? " and " + (files.size() - cases.size()) + " samples" : "");
    }
}
