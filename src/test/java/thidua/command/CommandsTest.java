package thidua.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.command.ConsoleCapture.Result;
import thidua.job.ExitCode;
import thidua.samples.SampleProvince;
import thidua.testing.Database;
import thidua.testing.ThiduaSpringTest;

/**
 * The commands against a real (embedded) PostgreSQL: scheme versions, import verdicts,
 * supersession, duplicates, lateness by file time, exit codes. Files are copies of the
 * shipped samples, edited where a case needs it.
 */
@ThiduaSpringTest
class CommandsTest {
    private static final Path SAMPLES = Path.of("input-samples");
    private static final Path SCHEME = SAMPLES.resolve("scheme-2024.xlsx");
    /** On time: two days before the 2024 deadline (20/12/2024). */
    private static final OffsetDateTime ON_TIME = OffsetDateTime.parse("2024-12-18T09:00:00+07:00");

    @Autowired
    Commands commands;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path work;

    @BeforeEach
    void emptyDatabase() {
        Database.reset(jdbc, ThiduaSpringTest.DATA_DIR);
    }

    @Test
    void loadingTheSameSchemeTwiceChangesNothing() throws Exception {
        assertThat(execute("scheme", "--file", SCHEME.toString()).exit()).isZero();
        Result again = execute("scheme", "--file", SCHEME.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.output()).contains("scheme: 2024 unchanged (version 1)");
        assertThat(count("SELECT count(*) FROM scheme_version")).isEqualTo(1);
    }

    @Test
    void aChangedSchemeForTheSameYearReplacesThePreviousVersionWhichIsKept() throws Exception {
        execute("scheme", "--file", SCHEME.toString());
        Path changed = edited(SCHEME, "scheme-2024-sua.xlsx", wb -> set(wb, "Chung", "Điểm trừ nộp muộn", 1, "3"));
        Result result = execute("scheme", "--file", changed.toString());
        assertThat(result.exit()).isZero();
        assertThat(result.output()).contains("scheme: 2024 loaded, replacing the previous version (version 2)");
        assertThat(count("SELECT count(*) FROM scheme_version")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM scheme_version WHERE replaced_at IS NULL AND id = 2")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM scheme_version WHERE replaced_at IS NOT NULL AND id = 1")).isEqualTo(1);
    }

    @Test
    void aBrokenSchemeIsRefusedWithEveryProblemAndExitCode2AndNothingIsStored() throws Exception {
        Path broken = edited(SCHEME, "scheme-hong.xlsx", wb -> {
            set(wb, "Đơn vị", "PC08", 3, "K9");
            set(wb, "Tiêu chí", "TL.KP", 4, "TP.KP/TP.KHONGCO");
        });
        Result result = execute("scheme", "--file", broken.toString());
        assertThat(result.exit()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(result.output()).contains("S-UNKNOWN-BLOCK Đơn vị!", "\"K9\"", "S-UNKNOWN-INDICATOR Tiêu chí!",
                "\"TP.KHONGCO\"", "scheme: refused, 2 problem(s)");
        assertThat(count("SELECT count(*) FROM scheme_version")).isZero();
    }

    @Test
    void aLaterAcceptedSubmissionSupersedesTheEarlierOneWhichIsKept() throws Exception {
        execute("scheme", "--file", SCHEME.toString());
        Path inbox = inbox();
        Path first = copy("PC08-2024.xlsx", inbox, "PC08.xlsx", ON_TIME);
        edited(first, inbox.resolve("PC08-sua.xlsx"), wb -> set(wb, "Chỉ tiêu", "TNGT.VU", 4, 7));
        Files.setLastModifiedTime(inbox.resolve("PC08-sua.xlsx"), time(ON_TIME.plusDays(1)));
        Result result = execute("import", "--inbox", inbox.toString());
        assertThat(result.output()).contains("import: 2 accepted, 0 rejected, 0 duplicate");
        assertThat(count("SELECT count(*) FROM submission WHERE unit_code = 'PC08' AND status = 'ACCEPTED'"))
                .isEqualTo(2);

        Path out = work.resolve("out");
        assertThat(execute("consolidate", "--period", "2024", "--out", out.toString()).exit()).isZero();
        // Only PC08 reported: the province sum of TNGT.VU is its latest value.
        assertThat(provinceCurrent(out, "TNGT.VU")).isEqualByComparingTo("7");
        assertThat(jdbc.sql("SELECT status FROM unit_result WHERE unit_code = 'PC08'").query(String.class).single())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void aRejectedFileIsStoredWithItsErrorsButLeavesNoValueAndNoScore() throws Exception {
        execute("scheme", "--file", SCHEME.toString());
        Path inbox = inbox();
        copy("PA05-2024.xlsx", inbox, "PA05.xlsx", ON_TIME);
        Result result = execute("import", "--inbox", inbox.toString());
        assertThat(result.exit()).isZero();
        assertThat(result.output()).contains("PA05.xlsx: bị trả lại", "E-VALUE-BLANK Chỉ tiêu!E6",
                "import: 0 accepted, 1 rejected, 0 duplicate");
        assertThat(count("SELECT count(*) FROM submission_value")).isZero();
        assertThat(jdbc.sql("SELECT code || ' ' || sheet || '!' || cell FROM submission_finding")
                .query(String.class).list()).containsExactly("E-VALUE-BLANK Chỉ tiêu!E6");
        // The quarantined original and, beside it, its error report: `Lỗi` first, the faulty cell red.
        List<Path> rejected = listFiles(work.resolve("rejected"));
        assertThat(rejected).hasSize(2);
        Path report = rejected.stream().filter(p -> p.toString().endsWith(".loi.xlsx")).findFirst().orElseThrow();
        assertThat(rejected).contains(Path.of(report.toString().replace(".loi.xlsx", "")));
        assertThat(report.getFileName().toString()).matches("\\d{6}-PA05-2024-[0-9a-f]{8}\\.xlsx\\.loi\\.xlsx");
        try (InputStream in = Files.newInputStream(report); Workbook wb = WorkbookFactory.create(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("Lỗi");
            // the title block (unit, period, file as sent, arrival, count, what to do), then the list
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("Đơn vị: PA05 – Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao");
            assertThat(wb.getSheetAt(0).getRow(3).getCell(0).getStringCellValue()).isEqualTo("Tệp đã gửi: PA05.xlsx");
            assertThat(wb.getSheetAt(0).getRow(8).getCell(1).getStringCellValue()).isEqualTo("Trang tính");
            assertThat(wb.getSheetAt(0).getRow(9).getCell(0).getStringCellValue()).isEqualTo("E-VALUE-BLANK");
            var e6 = wb.getSheet("Chỉ tiêu").getRow(5).getCell(4);
            assertThat(e6.getCellStyle().getFillPattern()).isEqualTo(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            assertThat(((org.apache.poi.xssf.usermodel.XSSFColor) e6.getCellStyle().getFillForegroundColorColor()).getARGBHex())
                    .isEqualTo("FFFF0000");
            assertThat(e6.getCellComment().getString().getString()).contains("E-VALUE-BLANK");
        }
        assertThat(listFiles(inbox)).isEmpty();
        Result status = execute("status", "--period", "2024");
        assertThat(status.output()).containsPattern("K2 +PA05 +Bị trả lại")
                .contains("E-VALUE-BLANK Chỉ tiêu!E6", "status: 2024: 0 đã nộp, 0 nộp muộn, 1 bị trả lại, 35 chưa nộp");

        Path out = work.resolve("out");
        execute("consolidate", "--period", "2024", "--out", out.toString());
        assertThat(jdbc.sql("SELECT status || '/' || coalesce(total::text, '-') || '/' || grade FROM unit_result "
                + "WHERE unit_code = 'PA05'").query(String.class).single()).isEqualTo("RETURNED/-/Chưa báo cáo");
    }

    @Test
    void aByteIdenticalFileIsADuplicateAndIsKeptButNotImportedAgain() throws Exception {
        execute("scheme", "--file", SCHEME.toString());
        Path inbox = inbox();
        copy("PC08-2024.xlsx", inbox, "PC08.xlsx", ON_TIME);
        copy("PC08-2024.xlsx", inbox, "PC08-gui-lai.xlsx", ON_TIME.plusHours(1));
        Result result = execute("import", "--inbox", inbox.toString());
        assertThat(result.output()).contains("PC08-gui-lai.xlsx: trùng lặp với tệp #1",
                "import: 1 accepted, 0 rejected, 1 duplicate");
        assertThat(listFiles(work.resolve("archive").resolve("duplicate"))).hasSize(1);
        assertThat(listFiles(work.resolve("archive").resolve("2024").resolve("PC08"))).hasSize(1);
    }

    @Test
    void arrivalIsTheFileTimeAndALateFirstSubmissionCostsTheLatePenalty() throws Exception {
        execute("scheme", "--file", SCHEME.toString());
        Path inbox = inbox();
        // Same figures for two units of one block would need two samples; instead compare one unit on time and late.
        copy("PA01-2024.xlsx", inbox, "PA01.xlsx", ON_TIME);
        execute("import", "--inbox", inbox.toString());
        Path out = work.resolve("out");
        execute("consolidate", "--period", "2024", "--out", out.toString());
        BigDecimal onTime = total("PA01");

        emptyDatabase();
        execute("scheme", "--file", SCHEME.toString());
        // One minute after the end of the deadline day (20/12/2024, Asia/Ho_Chi_Minh).
        Path lateInbox = Files.createDirectories(work.resolve("late").resolve("inbox"));
        copy("PA01-2024.xlsx", lateInbox, "PA01.xlsx", OffsetDateTime.parse("2024-12-21T00:01:00+07:00"));
        execute("import", "--inbox", lateInbox.toString());
        execute("consolidate", "--period", "2024", "--out", out.toString());
        assertThat(jdbc.sql("SELECT status FROM unit_result WHERE unit_code = 'PA01'").query(String.class).single())
                .isEqualTo("LATE");
        // PA01's own deductions are below the cap of 10, so the 2-point penalty applies whole.
        assertThat(onTime.subtract(total("PA01"))).isEqualByComparingTo(SampleProvince.LATE_PENALTY);
    }

    @Test
    void aBaselineUnlikeLastYearsOwnReportAndATenfoldJumpAreWarningsThatDoNotBlock() throws Exception {
        // A 2023 scheme: the 2024 one with every date a year earlier.
        Path scheme2023 = edited(SCHEME, "scheme-2023.xlsx", wb -> {
            set(wb, "Chung", "Năm thi đua", 1, 2023);
            Sheet periods = wb.getSheet("Kỳ báo cáo");
            for (int r = 1; r <= periods.getLastRowNum(); r++) {
                Row row = periods.getRow(r);
                row.getCell(0).setCellValue(row.getCell(0).getStringCellValue().replace("2024", "2023"));
                for (int c = 2; c <= 4; c++) {
                    var cell = row.getCell(c);
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        cell.setCellValue(cell.getLocalDateTimeCellValue().minusYears(1));
                    } else {
                        String[] dmy = cell.getStringCellValue().split("/");
                        cell.setCellValue(dmy[0] + "/" + dmy[1] + "/" + (Integer.parseInt(dmy[2]) - 1));
                    }
                }
            }
        });
        assertThat(execute("scheme", "--file", scheme2023.toString()).exit()).isZero();
        execute("scheme", "--file", SCHEME.toString());
        Path inbox = inbox();
        // PC08's 2023 report says 140 accidents this period; its 2024 report gives another baseline.
        edited(SAMPLES.resolve("2024/PC08-2024.xlsx"), inbox.resolve("PC08-2023.xlsx"), wb -> {
            set(wb, "Thông tin", "Kỳ báo cáo", 1, "2023");
            set(wb, "Chỉ tiêu", "TNGT.VU", 4, 140);
        });
        Files.setLastModifiedTime(inbox.resolve("PC08-2023.xlsx"), time(ON_TIME.minusYears(1)));
        edited(SAMPLES.resolve("2024/PC08-2024.xlsx"), inbox.resolve("PC08-2024.xlsx"),
                wb -> set(wb, "Chỉ tiêu", "TP.TTXH", 4, 1000));
        Files.setLastModifiedTime(inbox.resolve("PC08-2024.xlsx"), time(ON_TIME));
        Result result = execute("import", "--inbox", inbox.toString());
        assertThat(result.output()).contains("import: 2 accepted, 0 rejected, 0 duplicate",
                "W-BASELINE-MISMATCH Chỉ tiêu!F6", "nhưng báo cáo kỳ 2023 của đơn vị ghi kỳ này 140",
                "W-VALUE-JUMP Chỉ tiêu!E10");
        assertThat(jdbc.sql("SELECT code FROM submission_finding WHERE severity = 'WARNING' ORDER BY id")
                .query(String.class).list()).contains("W-BASELINE-MISMATCH");
        assertThat(execute("status", "--period", "2024").output()).contains("W-BASELINE-MISMATCH");
    }

    @Test
    void consolidatingAPeriodNoSchemeDefinesIsBadUsage() throws Exception {
        Result result = execute("consolidate", "--period", "2099", "--out", work.resolve("out").toString());
        assertThat(result.exit()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(result.output()).contains("\"2099\"");
    }

    @Test
    void aJobThatFailsGivesExitCode1AndSaysWhy() throws Exception {
        execute("scheme", "--file", SCHEME.toString());
        Path notAFolder = Files.writeString(work.resolve("out"), "không phải thư mục");
        Result result = execute("consolidate", "--period", "2024", "--out", notAFolder.toString());
        assertThat(result.exit()).isEqualTo(ExitCode.FAILED.code());
        assertThat(result.output()).contains("consolidate: FAILED");
    }

    // ------------------------------------------------------------------ helpers

    private Result execute(String... args) throws Exception {
        return ConsoleCapture.run(() -> commands.execute(Invocation.parse(args)));
    }

    private Path inbox() throws IOException {
        return Files.createDirectories(work.resolve("inbox"));
    }

    private static Path copy(String sample, Path inbox, String name, OffsetDateTime arrival) throws IOException {
        Path target = inbox.resolve(name);
        Files.copy(SAMPLES.resolve("2024").resolve(sample), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(target, time(arrival));
        return target;
    }

    private static FileTime time(OffsetDateTime t) {
        return FileTime.from(t.toInstant());
    }

    private Path edited(Path source, String name, Consumer<Workbook> edit) throws IOException {
        return edited(source, work.resolve(name), edit);
    }

    /** A copy of {@code source} with {@code edit} applied; the source is read through a stream, never rewritten. */
    private static Path edited(Path source, Path target, Consumer<Workbook> edit) throws IOException {
        try (InputStream in = Files.newInputStream(source); Workbook wb = WorkbookFactory.create(in)) {
            edit.accept(wb);
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            }
        }
        return target;
    }

    /** Sets the cell {@code column} of the row whose first non-empty text cell (in columns A–B) is {@code key}. */
    private static void set(Workbook wb, String sheetName, String key, int column, Object value) {
        Sheet sheet = wb.getSheet(sheetName);
        for (Row row : sheet) {
            for (int c = 0; c <= 1; c++) {
                var cell = row.getCell(c);
                if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && cell.getStringCellValue().trim().equals(key)) {
                    var target = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
                    if (value instanceof Number n) {
                        target.setCellValue(n.doubleValue());
                    } else {
                        target.setCellValue(value.toString());
                    }
                    return;
                }
            }
        }
        throw new AssertionError("no row " + key + " in " + sheetName);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private BigDecimal total(String unit) {
        return jdbc.sql("SELECT total FROM unit_result WHERE unit_code = ? ORDER BY consolidation_id DESC LIMIT 1")
                .param(unit).query(BigDecimal.class).single();
    }

    private static BigDecimal provinceCurrent(Path out, String code) throws IOException {
        try (InputStream in = Files.newInputStream(out.resolve("2024/tong-hop-2024.xlsx"));
             Workbook wb = WorkbookFactory.create(in)) {
            for (Row row : wb.getSheet("Tổng hợp")) {
                if (row.getCell(0).getStringCellValue().equals(code)) {
                    return BigDecimal.valueOf(row.getCell(2).getNumericCellValue());
                }
            }
        }
        throw new AssertionError("no row " + code);
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
