package thidua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;
import thidua.ThiduaApplication;
import thidua.command.ConsoleCapture;
import thidua.samples.ArrivalManifest;
import thidua.samples.SampleOracle;
import thidua.samples.SampleProvince;
import thidua.samples.SampleProvince.Criterion;
import thidua.samples.SampleProvince.Submission;
import thidua.testing.ThiduaSpringTest;

/**
 * The whole path on the shipped samples, as a user runs it: `run` on a copy of
 * input-samples/2024 against the embedded PostgreSQL, then the output workbooks opened
 * with POI and checked against figures derived here from the sample model
 * ({@link SampleProvince}, {@link SampleOracle}), never from the production code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// thidua's command line in-process: Quartz's registries are JVM-wide, by name, so in the shared context's lane
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ThiduaSpringTest.LOCK)
class SamplesRunTest {
    private static final Path SAMPLES = Path.of("input-samples");
    private static final MathContext MC = MathContext.DECIMAL64;

    @TempDir
    static Path work;
    private Path inbox;
    private Path out;
    private String firstRunOutput;
    private int firstRunExit;
    private Map<String, List<String>> firstRanking;

    @BeforeAll
    void runOnTheSamples() throws IOException {
        inbox = work.resolve("inbox");
        out = work.resolve("out");
        copySamplesInto(inbox);
        Result result = run();
        firstRunExit = result.exit;
        firstRunOutput = result.output;
        firstRanking = ranking();
    }

    @Test
    void runCompletesAndSummarisesEachStep() {
        assertThat(firstRunExit).isZero();
        assertThat(firstRunOutput).contains("scheme: 2024 loaded");
        long valid = SampleProvince.submissions().stream().filter(Submission::valid).count();
        long invalid = SampleProvince.submissions().size() - valid;
        assertThat(firstRunOutput).contains("import: " + valid + " accepted, " + invalid + " rejected, 0 duplicate");
        assertThat(firstRunOutput).contains("consolidate: 2024:");
    }

    @Test
    void everyOriginalIsArchivedOrQuarantinedAndTheInboxIsEmpty() throws IOException {
        assertThat(listFiles(inbox)).isEmpty();
        long valid = SampleProvince.submissions().stream().filter(Submission::valid).count();
        assertThat(listFiles(work.resolve("archive").resolve("2024"))).hasSize((int) valid);
        assertThat(listFiles(work.resolve("rejected")).stream().filter(p -> !p.toString().endsWith(".loi.xlsx")))
                .hasSize(SampleProvince.submissions().size() - (int) valid);
    }

    @Test
    void rankingHasEveryUnitWithTotalsRanksAndGradesOfTheOracle() throws IOException {
        Map<String, BigDecimal> totals = new HashMap<>();
        SampleProvince.countedSubmissions().forEach((unit, s) -> totals.put(unit, SampleOracle.total(s)));
        try (Workbook wb = open(out.resolve("2024/bang-diem-2024.xlsx"))) {
            Sheet sheet = wb.getSheet("Xếp hạng");
            int header = OutputSheets.headerRow(sheet, "Khối");
            assertThat(texts(sheet.getRow(header))).containsExactly("Khối", "Hạng", "Mã đơn vị", "Tên đơn vị",
                    "Tổng điểm", "Xếp loại", "Đề nghị khen thưởng", "Trạng thái nộp");
            int late = 0;
            assertThat(sheet.getLastRowNum() - header).isEqualTo(SampleProvince.units().size());
            String previousBlock = "";
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String block = row.getCell(0).getStringCellValue();
                String unit = row.getCell(2).getStringCellValue();
                assertThat(block).isGreaterThanOrEqualTo(previousBlock);
                previousBlock = block;
                assertThat(SampleProvince.unit(unit).blockCode()).isEqualTo(block);
                BigDecimal expected = totals.get(unit);
                if (expected == null) {
                    assertThat(blank(row.getCell(1))).as(unit + " rank").isTrue();
                    assertThat(blank(row.getCell(4))).as(unit + " total").isTrue();
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Chưa báo cáo");
                    // Returned (it sent only rejected files) or missing (it sent nothing): the column tells.
                    boolean sent = SampleProvince.submissions().stream().anyMatch(x -> x.unitCode().equals(unit));
                    assertThat(row.getCell(7).getStringCellValue()).as(unit + " status")
                            .isEqualTo(sent ? "Bị trả lại" : "Chưa nộp");
                    continue;
                }
                String status = row.getCell(7).getStringCellValue();
                assertThat(status).as(unit + " status").isIn("Đã nộp", "Nộp muộn");
                late += status.equals("Nộp muộn") ? 1 : 0;
                assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(BigDecimal.valueOf(row.getCell(4).getNumericCellValue()))
                        .as(unit + " total").isEqualByComparingTo(expected);
                long better = totals.entrySet().stream()
                        .filter(e -> SampleProvince.unit(e.getKey()).blockCode().equals(block))
                        .filter(e -> e.getValue().compareTo(expected) > 0).count();
                assertThat((int) row.getCell(1).getNumericCellValue()).as(unit + " rank").isEqualTo(1 + (int) better);
                assertThat(row.getCell(5).getStringCellValue()).as(unit + " grade").isEqualTo(grade(expected));
            }
            assertThat(late).as("the summary's one late unit").isEqualTo(1);
        }
    }

    /**
     * Issue 11: a block sheet names every criterion in Vietnamese beside its code and shows, for a
     * count, this period's figure beside last year's (CAH.AT: 12 road accidents against 15), as
     * the sample model has them, in every scored unit's table of its block.
     */
    @Test
    void blockSheetsNameEachCriterionAndShowThisPeriodsCountsBesideLastYears() throws IOException {
        try (Workbook wb = open(out.resolve("2024/bang-diem-2024.xlsx"))) {
            SampleProvince.countedSubmissions().forEach((unit, s) -> {
                String block = SampleProvince.unit(unit).blockCode();
                Sheet sheet = wb.getSheet("Khối " + block);
                int title = -1;
                for (Row row : sheet) {
                    Cell first = row.getCell(0);
                    if (first != null && first.getCellType() == CellType.STRING
                            && first.getStringCellValue().startsWith(unit + " – ")) {
                        title = row.getRowNum();
                    }
                }
                assertThat(title).as(unit + "'s table on " + sheet.getSheetName()).isPositive();
                assertThat(texts(sheet.getRow(title + 1))).startsWith("Mã tiêu chí", "Tiêu chí", "Cách tính",
                        "Kỳ này", "Cùng kỳ");
                Map<String, Row> rows = new HashMap<>();
                for (int r = title + 2; sheet.getRow(r) != null && !blank(sheet.getRow(r).getCell(0)); r++) {
                    rows.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r));
                }
                for (SampleProvince.Criterion c : SampleProvince.criteria()) {
                    if (!c.appliesTo(block)) {
                        assertThat(rows).as(unit + " " + c.code()).doesNotContainKey(c.code());
                        continue;
                    }
                    Row row = rows.get(c.code());
                    assertThat(row).as(unit + " " + c.code()).isNotNull();
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo(c.name());
                    if (!c.isRate() && s.current(c.indicatorText()) != null) {
                        assertThat(BigDecimal.valueOf(row.getCell(3).getNumericCellValue()))
                                .as(unit + " " + c.code() + " this period")
                                .isEqualByComparingTo(s.current(c.indicatorText()));
                    }
                    if (!c.isRate() && s.baseline(c.indicatorText()) != null
                            && SampleProvince.indicators().stream().anyMatch(
                                    i -> i.code().equals(c.indicatorText()) && i.type() == SampleProvince.IndicatorType.INTEGER)) {
                        assertThat(BigDecimal.valueOf(row.getCell(4).getNumericCellValue()))
                                .as(unit + " " + c.code() + " last year")
                                .isEqualByComparingTo(s.baseline(c.indicatorText()));
                    }
                }
            });
            // The example of the issue, spelt out.
            Sheet k1 = wb.getSheet("Khối " + SampleProvince.unit("CAH.AT").blockCode());
            Row accidents = null;
            boolean inCahAt = false;
            for (Row row : k1) {
                Cell first = row.getCell(0);
                String text = first == null || first.getCellType() != CellType.STRING ? "" : first.getStringCellValue();
                if (text.contains(" – ")) {
                    inCahAt = text.startsWith("CAH.AT – ");
                } else if (inCahAt && text.equals("GIAM.TNGT.VU")) {
                    accidents = row;
                }
            }
            assertThat(accidents).isNotNull();
            assertThat(accidents.getCell(1).getStringCellValue())
                    .isEqualTo("Kiềm chế, giảm số vụ tai nạn giao thông so với cùng kỳ");
            assertThat(accidents.getCell(3).getNumericCellValue()).isEqualTo(12);
            assertThat(accidents.getCell(4).getNumericCellValue()).isEqualTo(15);
            assertThat(accidents.getCell(5).getNumericCellValue()).isEqualTo(20.0); // a fifth fewer, in %
        }
    }

    @Test
    void tiedUnitsShareARankAndTheNextRankIsSkipped() {
        // PA02 and PA09 have equal totals in the samples (checked by SampleGeneratorTest).
        List<String> pa02 = firstRanking.get("PA02");
        List<String> pa09 = firstRanking.get("PA09");
        assertThat(pa02.get(0)).isEqualTo(pa09.get(0));
        int tiedRank = Integer.parseInt(pa02.get(0));
        assertThat(firstRanking.values().stream().filter(r -> r.get(2).equals("K2"))
                .map(r -> r.get(0)).toList()).doesNotContain(String.valueOf(tiedRank + 1));
    }

    @Test
    void provinceSumsAndRatesAreSumsAndRatiosOfSumsOverTheCountedSubmissions() throws IOException {
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        try (Workbook wb = open(out.resolve("2024/tong-hop-2024.xlsx"))) {
            Sheet sheet = wb.getSheet("Tổng hợp");
            int header = OutputSheets.headerRow(sheet, "Mã");
            assertThat(texts(sheet.getRow(header))).containsExactly("Mã", "Nội dung", "Kỳ này", "Cùng kỳ", "Tăng/giảm (%)");
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                rows.put(row.getCell(0).getStringCellValue(),
                        List.of(number(row.getCell(2)), number(row.getCell(3)), number(row.getCell(4))));
            }
        }
        var counted = SampleProvince.countedSubmissions().values();
        for (var indicator : SampleProvince.indicators()) {
            if (indicator.type() != SampleProvince.IndicatorType.INTEGER) {
                continue;
            }
            BigDecimal c = BigDecimal.ZERO;
            BigDecimal b = BigDecimal.ZERO;
            for (Submission s : counted) {
                if (s.current(indicator.code()) != null) {
                    c = c.add(s.current(indicator.code()));
                    b = b.add(s.baseline(indicator.code()));
                }
            }
            List<Object> row = rows.get(indicator.code());
            assertThat(row).as(indicator.code()).isNotNull();
            assertThat((BigDecimal) row.get(0)).as(indicator.code()).isEqualByComparingTo(c);
            assertThat((BigDecimal) row.get(1)).as(indicator.code()).isEqualByComparingTo(b);
            if (b.signum() == 0) {
                assertThat(row.get(2)).as(indicator.code() + " change").isEqualTo("");
            } else {
                assertThat((BigDecimal) row.get(2)).as(indicator.code() + " change")
                        .isEqualByComparingTo(percent(c.subtract(b), b));
            }
        }
        for (Criterion criterion : SampleProvince.criteria()) {
            if (!criterion.isRate()) {
                continue;
            }
            BigDecimal n = BigDecimal.ZERO;
            BigDecimal d = BigDecimal.ZERO;
            for (Submission s : counted) {
                if (criterion.appliesTo(SampleProvince.unit(s.unitCode()).blockCode())) {
                    n = n.add(criterion.numerator().stream().map(s::current).reduce(BigDecimal.ZERO, BigDecimal::add));
                    d = d.add(criterion.denominator().stream().map(s::current).reduce(BigDecimal.ZERO, BigDecimal::add));
                }
            }
            List<Object> row = rows.get(criterion.code());
            assertThat(row).as(criterion.code()).isNotNull();
            assertThat((BigDecimal) row.get(0)).as(criterion.code() + " rate").isEqualByComparingTo(percent(n, d));
        }
    }

    @Test
    void submissionStatusShowsLateReturnedAndMissingUnits() throws IOException {
        Map<String, String> status = new HashMap<>();
        Map<String, Cell> arrival = new HashMap<>();
        Map<String, String> notes = new HashMap<>();
        try (Workbook wb = open(out.resolve("2024/tong-hop-2024.xlsx"))) {
            Sheet sheet = wb.getSheet("Tình hình nộp báo cáo");
            int header = OutputSheets.headerRow(sheet, "Mã đơn vị");
            assertThat(texts(sheet.getRow(header))).containsExactly("Mã đơn vị", "Tên đơn vị", "Khối", "Trạng thái",
                    "Thời điểm nộp", "Cảnh báo, lỗi");
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                status.put(row.getCell(0).getStringCellValue(), row.getCell(3).getStringCellValue());
                arrival.put(row.getCell(0).getStringCellValue(), row.getCell(4));
                notes.put(row.getCell(0).getStringCellValue(), row.getCell(5) == null ? "" : row.getCell(5).getStringCellValue());
            }
        }
        // A returned unit's row says why, with the error's code and cell.
        assertThat(notes.get("PA05")).contains("E-VALUE-BLANK Chỉ tiêu!E6");
        assertThat(status).hasSize(SampleProvince.units().size());
        for (var unit : SampleProvince.units()) {
            Submission first = SampleProvince.firstAcceptedSubmissions().get(unit.code());
            boolean sent = SampleProvince.submissions().stream().anyMatch(s -> s.unitCode().equals(unit.code()));
            String expected = first != null ? (first.late() ? "Nộp muộn" : "Đã nộp") : sent ? "Bị trả lại" : "Chưa nộp";
            assertThat(status.get(unit.code())).as(unit.code()).isEqualTo(expected);
            if (first == null) {
                assertThat(blank(arrival.get(unit.code()))).as(unit.code() + " arrival").isTrue();
            } else {
                // The first accepted file's arrival, shown in Vietnamese local time.
                assertThat(arrival.get(unit.code()).getLocalDateTimeCellValue()).as(unit.code() + " arrival")
                        .isEqualTo(first.arrival().atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh"))
                                .toLocalDateTime().withSecond(0).withNano(0));
            }
        }
        assertThat(status.values()).contains("Nộp muộn", "Bị trả lại", "Chưa nộp");
    }

    @Test
    void theSameFilesPutBackAreDuplicatesAndTheRankingIsUnchanged() throws IOException {
        copySamplesInto(inbox);
        Result second = run();
        assertThat(second.exit).isZero();
        assertThat(second.output).contains("import: 0 accepted, 0 rejected, "
                + SampleProvince.submissions().size() + " duplicate");
        assertThat(ranking()).isEqualTo(firstRanking);
        assertThat(listFiles(inbox)).isEmpty();
        assertThat(listFiles(work.resolve("archive").resolve("duplicate"))).hasSize(SampleProvince.submissions().size());
    }

    // ------------------------------------------------------------------ helpers

    private record Result(int exit, String output) {
    }

    private Result run() {
        try {
            ConsoleCapture.Result run = ConsoleCapture.run(() -> ThiduaApplication.run(new String[] {"run", "--scheme",
                    SAMPLES.resolve("scheme-2024.xlsx").toString(), "--inbox", inbox.toString(), "--period", "2024",
                    "--out", out.toString(), "--data-dir", work.resolve("data").toString()}));
            return new Result(run.exit(), run.output());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copySamplesInto(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        try (Stream<Path> files = Files.list(SAMPLES.resolve("2024"))) {
            for (Path f : files.toList()) {
                Files.copy(f, inbox.resolve(f.getFileName()));
            }
        }
        ArrivalManifest.touch(SAMPLES.resolve("arrivals-2024.tsv"), inbox);
    }

    /** Unit code to [rank, total, block] as shown in `Xếp hạng`. */
    private Map<String, List<String>> ranking() throws IOException {
        Map<String, List<String>> ranking = new LinkedHashMap<>();
        DataFormatter format = new DataFormatter();
        try (Workbook wb = open(out.resolve("2024/bang-diem-2024.xlsx"))) {
            Sheet sheet = wb.getSheet("Xếp hạng");
            for (int r = OutputSheets.headerRow(sheet, "Khối") + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                ranking.put(row.getCell(2).getStringCellValue(), List.of(format.formatCellValue(row.getCell(1)),
                        format.formatCellValue(row.getCell(4)), row.getCell(0).getStringCellValue()));
            }
        }
        return ranking;
    }

    private static String grade(BigDecimal total) {
        return SampleProvince.grades().stream()
                .sorted((a, b) -> b.from().compareTo(a.from()))
                .filter(g -> total.compareTo(g.from()) >= 0)
                .map(SampleProvince.Grade::name).findFirst().orElse("");
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return BigDecimal.valueOf(100).multiply(part).divide(whole, MC).setScale(2, RoundingMode.HALF_UP);
    }

    private static Workbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return WorkbookFactory.create(in);
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }

    private static boolean blank(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK
                || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isEmpty());
    }

    private static Object number(Cell cell) {
        if (blank(cell)) {
            return "";
        }
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        return BigDecimal.valueOf(cell.getNumericCellValue());
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
