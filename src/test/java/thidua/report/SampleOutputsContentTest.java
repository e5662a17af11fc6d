package thidua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.assertj.core.util.diff.DiffUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import thidua.command.TestCommands;
import thidua.samples.ArrivalManifest;
import thidua.samples.SampleProvince;
import thidua.testing.Database;
import thidua.testing.ThiduaSpringTest;

/**
 * The content of every output, compared with a golden dump: the samples' consolidation
 * ({@code bang-diem}, {@code tong-hop}, {@code bao-cao} PDF) and the error report of each
 * rejected sample (with its annotated copy of the submission), then the same three
 * outputs of the synthetic {@link ReportFixture} period, whose names hold formulas.
 * It is the proof that a change meant to keep the outputs (a refactoring) keeps them;
 * see {@link OutputDump} for what is compared and what is masked.
 *
 * <p>Also how the two workbooks print, through LibreOffice ({@link LibreOffice}), and the PDF report's
 * letterhead and signature.
 *
 * <p>After an intended change of the outputs, regenerate the dump and review its diff:
 * <pre>./mvnw -q -B test -Dtest=SampleOutputsContentTest -Dthidua.golden.update=true</pre>
 * On a mismatch the new dump is left in {@code target/golden/} beside the diff in the failure.
 */
@ThiduaSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleOutputsContentTest {
    private static final Path SAMPLES = Path.of("input-samples");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/sample-outputs.txt");
    private static final Path ACTUAL = Path.of("target/golden/sample-outputs.txt");
    /** The dumped files themselves, kept for a closer look (e.g. comparing their XML parts). */
    private static final Path FILES = Path.of("target/golden/files");

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    static Path work;

    /** The samples' scheme, files and consolidation, once for the class: both tests read its outputs. */
    @BeforeAll
    void consolidateTheSamples() throws IOException {
        Database.reset(jdbc, ThiduaSpringTest.DATA_DIR);
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        try (Stream<Path> files = Files.list(SAMPLES.resolve("2024"))) {
            for (Path f : files.toList()) {
                Files.copy(f, inbox.resolve(f.getFileName()));
            }
        }
        ArrivalManifest.touch(SAMPLES.resolve("arrivals-2024.tsv"), inbox);
        assertThat(execute("scheme", "--file", SAMPLES.resolve("scheme-2024.xlsx").toString()))
                .contains("scheme: 2024 loaded");
        assertThat(execute("import", "--inbox", inbox.toString())).contains("import: ");
        assertThat(execute("consolidate", "--period", "2024", "--out", work.resolve("out").toString()))
                .contains("consolidate: 2024:");
    }

    @Test
    void everyOutputHasTheContentOfTheGoldenDump() throws Exception {
        List<String> dump = new ArrayList<>();
        dumpAll(work.resolve("out"), dump);
        dumpAll(work.resolve("rejected"), dump);
        Path fixture = work.resolve("fixture");
        new ScoringTableWriter().write(ReportFixture.results(), ReportFixture.INFO, fixture);
        new SummaryWriter().write(ReportFixture.results(), ReportFixture.INFO, fixture);
        new PdfReportWriter(ReportFixture.NAMES).write(ReportFixture.results(), ReportFixture.INFO, fixture);
        dumpAll(fixture, dump);
        List<String> actual = dump.stream().map(line -> line.replace(work.toString(), "<work>")).toList();

        if (Boolean.getBoolean("thidua.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.write(GOLDEN, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(GOLDEN).as("golden dump; make it with -Dthidua.golden.update=true").exists();
        List<String> expected = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            Files.createDirectories(ACTUAL.getParent());
            Files.write(ACTUAL, actual, StandardCharsets.UTF_8);
            List<String> diff = DiffUtils.generateUnifiedDiff(GOLDEN.toString(), ACTUAL.toString(), expected,
                    DiffUtils.diff(expected, actual), 3);
            throw new AssertionError("The outputs differ from the golden dump (" + GOLDEN + "); the new dump is in "
                    + ACTUAL + ". If the change is intended, rerun with -Dthidua.golden.update=true.\n"
                    + String.join("\n", diff.subList(0, Math.min(diff.size(), 400))));
        }
    }

    /**
     * Issue 11: the samples' two workbooks as LibreOffice prints them. Every page of every sheet is
     * the whole width of its table (its first and last column headers on it) in type of at least
     * 8 pt; a block sheet takes its summary page and at most one page per scored unit.
     */
    @Test
    void theWorkbooksPrintOnePageAcrossInReadableType() throws Exception {
        Path out = work.resolve("out/2024");
        List<Path> pdfs = LibreOffice.toPdf(work.resolve("printed"), out.resolve("bang-diem-2024.xlsx"),
                out.resolve("tong-hop-2024.xlsx"));

        Map<String, List<PrintedPage>> scores = PrintedPage.bySheet(pdfs.get(0));
        assertThat(scores.keySet()).containsExactly("Xếp hạng", "Khối K1", "Khối K2", "Khối K3", "Khối K4",
                "Điểm trung bình khối");
        assertAcross(scores.get("Xếp hạng"), List.of("Khối", "Trạng thái nộp"));
        assertAcross(scores.get("Điểm trung bình khối"), List.of("Mã khối", "Thấp nhất"));
        for (String block : List.of("K1", "K2", "K3", "K4")) {
            List<PrintedPage> pages = scores.get("Khối " + block);
            assertAcross(pages, List.of("Mã đơn vị", "Đề nghị khen thưởng"), List.of("Mã tiêu chí", "Ghi chú"));
            long scored = SampleProvince.countedSubmissions().keySet().stream()
                    .filter(unit -> SampleProvince.unit(unit).blockCode().equals(block)).count();
            assertThat(pages).as("pages of block " + block + " (" + scored + " units scored)")
                    .hasSizeBetween(2, 1 + (int) scored);
        }

        Map<String, List<PrintedPage>> summary = PrintedPage.bySheet(pdfs.get(1));
        assertAcross(summary.get("Tổng hợp"), List.of("Nội dung", "Tăng/giảm (%)"));
        assertAcross(summary.get("Theo khối"), List.of("Mã khối", "Tăng/giảm (%)"));
        assertAcross(summary.get("Tình hình nộp báo cáo"), List.of("Mã đơn vị", "Thời điểm nộp"));
    }

    /**
     * Issue 11: the samples' PDF report, as consolidated (the names at their defaults), is an official
     * report: the letterhead, the motto, the date and the title on its first page, the signature on its
     * last, every page numbered, all in the shipped serif.
     */
    @Test
    void theReportIsAnAdministrativeDocument() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(work.resolve("out/2024/bao-cao-2024.pdf").toFile())) {
            int pages = pdf.getNumberOfPages();
            assertThat(PdfReportWriterTest.page(pdf, 1))
                    .contains("CÔNG AN TỈNH\n", "PHÒNG THAM MƯU\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
                            "Độc lập - Tự do - Hạnh phúc\n",
                            "BÁO CÁO\nKết quả phong trào thi đua “Vì an ninh Tổ quốc” – Tổng kết năm 2024\n")
                    .containsPattern("\nNgày \\d{2} tháng \\d{2} năm \\d{4}\n");
            assertThat(PdfReportWriterTest.page(pdf, pages)).contains("Nơi nhận:\n", "TRƯỞNG PHÒNG\n");
            for (int p = 1; p <= pages; p++) {
                assertThat(PdfReportWriterTest.page(pdf, p)).contains("Trang " + p + "/" + pages + "\n");
                PDResources resources = pdf.getPage(p - 1).getResources();
                for (COSName name : resources.getFontNames()) {
                    assertThat(resources.getFont(name).getName()).matches("[A-Z]{6}\\+LiberationSerif(-.*)?");
                }
            }
        }
    }

    /** Each page holds all the headers of one of {@code headerSets}, in type of 8 pt or more. */
    @SafeVarargs
    private static void assertAcross(List<PrintedPage> pages, List<String>... headerSets) {
        assertThat(pages).isNotEmpty();
        for (PrintedPage page : pages) {
            assertThat(headerSets).as("page %d of %s, one page across: %s", page.number(), page.sheet(), page.text())
                    .anyMatch(set -> set.stream().allMatch(page.text()::contains));
            assertThat(page.smallestType()).as("smallest type on page %d of %s (measured with Carlito, Calibri's metrics: "
                            + "apt-get install fonts-crosextra-carlito)", page.number(), page.sheet())
                    .isGreaterThanOrEqualTo(8f);
        }
    }

    /** Every output file under {@code dir}, by relative path; originals of rejected files are not outputs. */
    private static void dumpAll(Path dir, List<String> dump) throws IOException {
        List<Path> files;
        Path kept = FILES.resolve(dir.getFileName().toString());
        FileSystemUtils.deleteRecursively(kept);
        // A period's outputs are read through OUT/P, the link to the current version folder
        // (FolderSet), as a person opens them; the hidden version folders are not walked.
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> dir.relativize(p).toString().split("[/\\\\]")[0].charAt(0) != '.')
                    .filter(p -> !dir.getFileName().toString().equals("rejected")
                            || p.toString().endsWith(ErrorReportWriter.SUFFIX))
                    .sorted().toList();
        }
        for (Path file : files) {
            dump.add("");
            dump.add("################ " + dir.getFileName() + "/" + dir.relativize(file).toString().replace('\\', '/'));
            dump.addAll(OutputDump.of(file));
            Path copy = kept.resolve(dir.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
    }

    private String execute(String... args) {
        try {
            return TestCommands.run(context, args).output();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
