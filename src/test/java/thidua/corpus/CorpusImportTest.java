package thidua.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.command.ConsoleCapture;
import thidua.command.ConsoleCapture.Result;
import thidua.command.TestCommands;
import thidua.corpus.Corpus.Case;
import thidua.corpus.Corpus.Problem;
import thidua.corpus.Corpus.Value;
import thidua.samples.SampleOracle;
import thidua.samples.SampleProvince;
import thidua.samples.SampleProvince.Submission;
import thidua.testing.Database;
import thidua.testing.ThiduaSpringTest;
import thidua.workbook.Samples;

/**
 * The whole corpus imported in one go together with the shipped 2024 samples, then the
 * period consolidated: every file gets its verdict, nothing is lost, rejected files are
 * stored with their findings, and none of them leaves a trace in the scores and totals.
 *
 * <p>The corpus's accepted files are all variants of PC08 arriving before the real PC08
 * sample, which stays PC08's latest accepted file; its rejected files arrive after it, so
 * that a rejected file that counted would change PC08's figures.
 *
 * <p>A 0-byte file is rejected like any other (it once failed the whole import job:
 * see {@link #aZeroByteFileNeverStopsTheImport}).
 */
@ThiduaSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorpusImportTest {
    private static final Pattern FILE_LINE = Pattern.compile(
            "(?m)^\\d\\d:\\d\\d:\\d\\d INFO +(.+?): (đã nhận, lưu số|bị trả lại, lưu số|trùng lặp với tệp) #\\d+");

    /** The whole corpus, the 0-byte file included. */
    private static final List<Case> CASES = Corpus.cases();

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    static Path work;

    private Path inbox;
    private Path out;
    private List<Path> files;
    /** Original file name to the status the corpus and the samples predict. */
    private final Map<String, String> expectedStatus = new LinkedHashMap<>();
    private Result scheme;
    private Result imported;
    private Result consolidated;

    @BeforeAll
    void importTheCorpusWithTheSamples() throws Exception {
        Database.reset(jdbc, ThiduaSpringTest.DATA_DIR);
        inbox = work.resolve("inbox");
        out = work.resolve("out");
        files = Corpus.writeInbox(inbox, CASES, true);
        CASES.forEach(c -> expectedStatus.put(c.fileName(), c.expected().accepted() ? "ACCEPTED" : "REJECTED"));
        SampleProvince.submissions().forEach(s -> expectedStatus.put(s.fileName(), s.valid() ? "ACCEPTED" : "REJECTED"));

        scheme = execute("scheme", "--file", Samples.SCHEME.toString());
        imported = execute("import", "--inbox", inbox.toString());
        consolidated = execute("consolidate", "--period", "2024", "--out", out.toString());
    }

    private Result execute(String... args) throws Exception {
        return TestCommands.run(context, args);
    }

    private long expected(String status) {
        return expectedStatus.values().stream().filter(status::equals).count();
    }

    @Test
    void everyCommandCompletes() {
        assertThat(scheme.exit()).isZero();
        assertThat(imported.exit()).isZero();
        assertThat(consolidated.exit()).as(consolidated.output()).isZero();
        // no stack trace and no ERROR line: every file gets a verdict, not an exception
        assertThat(imported.output()).doesNotContain("\tat ").doesNotContainPattern("(?m)^\\S+ ERROR ")
                .doesNotContain("FAILED");
        // Batch's step counters are for the log file, not the people at the console.
        assertThat(imported.output() + consolidated.output()).doesNotContain(" of job execution ");
    }

    @Test
    void importPrintsOneLinePerFileWithItsVerdictAndTheSummaryTheCorpusPredicts() {
        assertThat(files).hasSize(expectedStatus.size());
        List<String> names = new ArrayList<>();
        Map<String, String> verdicts = new HashMap<>();
        Matcher m = FILE_LINE.matcher(imported.output());
        while (m.find()) {
            names.add(m.group(1));
            verdicts.put(m.group(1), m.group(2).startsWith("đã nhận") ? "ACCEPTED"
                    : m.group(2).startsWith("bị trả lại") ? "REJECTED" : "DUPLICATE");
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(expectedStatus.keySet());
        assertThat(verdicts).isEqualTo(expectedStatus);

        long accepted = expected("ACCEPTED");
        long rejected = expected("REJECTED");
        assertThat(accepted).isEqualTo(CASES.stream().filter(c -> c.expected().accepted()).count()
                + SampleProvince.submissions().stream().filter(Submission::valid).count());
        assertThat(imported.output()).contains("import: " + accepted + " accepted, " + rejected + " rejected, 0 duplicate");
    }

    @Test
    void everyOriginalIsArchivedOrQuarantinedAndNoneIsLost() throws IOException {
        assertThat(listFiles(inbox)).isEmpty();
        List<Path> archived = listFiles(work.resolve("archive"));
        List<Path> quarantined = listFiles(work.resolve("rejected")).stream()
                .filter(p -> !p.getFileName().toString().endsWith(".loi.xlsx")).toList();
        assertThat(archived).hasSize((int) expected("ACCEPTED"));
        assertThat(listFiles(work.resolve("archive").resolve("2024"))).hasSize((int) expected("ACCEPTED"));
        assertThat(quarantined).hasSize((int) expected("REJECTED"));
        assertThat(archived.size() + quarantined.size()).isEqualTo(files.size());
    }

    @Test
    void theDatabaseHoldsOneSubmissionPerFileWithItsStatus() {
        Map<String, String> stored = new HashMap<>();
        jdbc.sql("SELECT original_name, status FROM submission").query(rs -> {
            assertThat(stored.put(rs.getString(1), rs.getString(2))).as(rs.getString(1)).isNull();
        });
        assertThat(stored).isEqualTo(expectedStatus);
    }

    @Test
    void eachCorpusFileIsStoredWithExactlyItsFindings() {
        for (Case c : CASES) {
            List<Problem> stored = jdbc.sql("""
                    SELECT f.code, f.sheet, f.cell, f.severity FROM submission_finding f
                    JOIN submission s ON s.id = f.submission_id WHERE s.original_name = ?""")
                    .param(c.fileName())
                    .query((rs, n) -> {
                        assertThat(rs.getString(4)).as(c.name()).isEqualTo(c.expected().accepted() ? "WARNING" : "ERROR");
                        return new Problem(rs.getString(1), rs.getString(2), rs.getString(3));
                    }).list();
            assertThat(stored).as(c.name()).containsExactlyInAnyOrderElementsOf(c.expected().findings());
        }
    }

    @Test
    void acceptedCorpusFilesAreStoredWithTheirValuesAndRejectedFilesWithNone() {
        assertThat(jdbc.sql("""
                SELECT count(*) FROM submission_value v JOIN submission s ON s.id = v.submission_id
                WHERE s.status <> 'ACCEPTED'""").query(Integer.class).single()).isZero();
        for (Case c : CASES.stream().filter(c -> c.expected().accepted()).toList()) {
            Map<String, Value> stored = new HashMap<>();
            jdbc.sql("""
                    SELECT v.indicator_code, v.current_value, v.baseline_value FROM submission_value v
                    JOIN submission s ON s.id = v.submission_id WHERE s.original_name = ?""")
                    .param(c.fileName())
                    .query(rs -> {
                        stored.put(rs.getString(1), new Value(rs.getBigDecimal(2), rs.getBigDecimal(3)));
                    });
            Map<String, Value> expected = Corpus.expectedValues(c.expected());
            assertThat(stored.keySet()).as(c.name()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((code, v) -> {
                assertThat(stored.get(code).current()).as(c.name() + " " + code).isEqualByComparingTo(v.current());
                if (v.baseline() == null) {
                    assertThat(stored.get(code).baseline()).as(c.name() + " " + code).isNull();
                } else {
                    assertThat(stored.get(code).baseline()).as(c.name() + " " + code)
                            .isEqualByComparingTo(v.baseline());
                }
            });
        }
    }

    /**
     * A rejected file leaves no trace: the province sums are those of the counted samples
     * alone, although most rejected corpus files name PC08 and arrive after its sample.
     */
    @Test
    void provinceSumsAreThoseOfTheCountedSamplesOnly() throws IOException {
        Map<String, BigDecimal[]> rows = new HashMap<>();
        try (Workbook wb = open(out.resolve("2024/tong-hop-2024.xlsx"))) {
            Sheet sheet = wb.getSheet("Tổng hợp");
            for (int r = thidua.OutputSheets.headerRow(sheet, "Mã") + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                rows.put(row.getCell(0).getStringCellValue(),
                        new BigDecimal[] {number(row.getCell(2)), number(row.getCell(3))});
            }
        }
        var counted = SampleProvince.countedSubmissions().values();
        for (var indicator : SampleProvince.indicators()) {
            if (indicator.type() != SampleProvince.IndicatorType.INTEGER) {
                continue;
            }
            BigDecimal current = BigDecimal.ZERO;
            BigDecimal baseline = BigDecimal.ZERO;
            for (Submission s : counted) {
                if (s.current(indicator.code()) != null) {
                    current = current.add(s.current(indicator.code()));
                    baseline = baseline.add(s.baseline(indicator.code()));
                }
            }
            assertThat(rows).as(indicator.code()).containsKey(indicator.code());
            assertThat(rows.get(indicator.code())[0]).as(indicator.code() + " Kỳ này").isEqualByComparingTo(current);
            assertThat(rows.get(indicator.code())[1]).as(indicator.code() + " Cùng kỳ").isEqualByComparingTo(baseline);
        }
    }

    /** The scores too: every unit's total is the oracle's for its counted sample; PC08's is its sample's. */
    @Test
    void unitTotalsAreThoseOfTheCountedSamplesOnly() throws IOException {
        Map<String, BigDecimal> expected = new HashMap<>();
        SampleProvince.countedSubmissions().forEach((unit, s) -> expected.put(unit, SampleOracle.total(s)));
        assertThat(SampleProvince.countedSubmissions().get("PC08").fileName()).isEqualTo("PC08-2024.xlsx");
        Map<String, BigDecimal> shown = new HashMap<>();
        try (Workbook wb = open(out.resolve("2024/bang-diem-2024.xlsx"))) {
            Sheet sheet = wb.getSheet("Xếp hạng");
            for (int r = thidua.OutputSheets.headerRow(sheet, "Khối") + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                shown.put(row.getCell(2).getStringCellValue(), number(row.getCell(4)));
            }
        }
        assertThat(shown).hasSize(SampleProvince.units().size());
        shown.forEach((unit, total) -> {
            if (expected.containsKey(unit)) {
                assertThat(total).as(unit).isNotNull().isEqualByComparingTo(expected.get(unit));
            } else {
                assertThat(total).as(unit + " has no counted file").isNull();
            }
        });
        assertThat(jdbc.sql("SELECT total FROM unit_result WHERE unit_code = 'PC08'").query(BigDecimal.class)
                .single()).isEqualByComparingTo(expected.get("PC08"));
    }

    // ------------------------------------------------------------------ a former bug

    /** Runs last: it imports two more files into the database the other tests look at. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aZeroByteFileNeverStopsTheImport() throws Exception {
        Path again = Files.createDirectories(work.resolve("empty").resolve("inbox"));
        Case empty = Corpus.cases().stream().filter(c -> c.name().equals("empty-file")).findFirst().orElseThrow();
        empty.writeInto(again);
        // a valid file arriving after it (titled with its own name: not a duplicate of the corpus's)
        Path after = again.resolve("PC08-2024-sau-tep-rong.xlsx");
        Corpus.cases().stream().filter(c -> c.name().equals("tenfold-jump")).findFirst().orElseThrow()
                .recipe().write(after);
        Files.setLastModifiedTime(after, java.nio.file.attribute.FileTime.from(
                empty.arrival().plusMinutes(1).toInstant()));

        Result result = execute("import", "--inbox", again.toString());
        assertThat(result.exit()).isZero();
        // The corpus import already rejected a 0-byte file (E-FILE-EMPTY): this one has the same (no) bytes.
        assertThat(result.output()).contains(empty.fileName() + ": trùng lặp với tệp",
                "PC08-2024-sau-tep-rong.xlsx: đã nhận", "import: 1 accepted, 0 rejected, 1 duplicate");
        assertThat(listFiles(again)).isEmpty();
        assertThat(jdbc.sql("""
                SELECT f.code FROM submission_finding f JOIN submission s ON s.id = f.submission_id
                WHERE s.original_name = ? AND s.status = 'REJECTED'""").param(empty.fileName()).query(String.class).list())
                .containsExactly("E-FILE-EMPTY");
    }

    // ------------------------------------------------------------------ helpers

    private static BigDecimal number(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK
                || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isEmpty())) {
            return null;
        }
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        return BigDecimal.valueOf(cell.getNumericCellValue());
    }

    private static Workbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return WorkbookFactory.create(in);
        }
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
