package thidua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.scheme.Scheme;
import thidua.scheme.Unit;
import thidua.scoring.PeriodResults;
import thidua.scoring.Standing;

class PdfReportWriterTest {

    @TempDir
    static Path dir;
    static Path file;
    static PDDocument pdf;
    static String text;

    @BeforeAll
    static void write() throws Exception {
        file = new PdfReportWriter(ReportFixture.NAMES).write(ReportFixture.results(), ReportFixture.INFO, dir.resolve("out"));
        pdf = Loader.loadPDF(file.toFile());
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setLineSeparator("\n");
        text = stripper.getText(pdf);
    }

    @AfterAll
    static void close() throws IOException {
        pdf.close();
    }

    @Test
    void writesTheNamedFileBesideTheWorkbooks() throws IOException {
        assertThat(file).isEqualTo(dir.resolve("out/bao-cao-2025-6T.pdf"));
        assertThat(names(file.getParent())).containsExactly("bao-cao-2025-6T.pdf");
    }

    @Test
    void theTitleMovementAndPeriodReadWithTheirDiacritics() {
        assertThat(text).contains("BÁO CÁO\nKết quả phong trào thi đua “Vì an ninh Tổ quốc” – Sơ kết 6 tháng năm 2025\n");
        assertThat(text).contains("Kỳ báo cáo: Sơ kết 6 tháng năm 2025 (2025-6T)");
        assertThat(text).contains("Lập lúc: 20/06/2025 08:30");
        assertThat(text).contains("Bộ tiêu chí: năm 2025, phiên bản 7");
        // Precomposed letters, as a search for the name would type them.
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
        assertThat(pdf.getDocumentInformation().getTitle())
                .isEqualTo("BÁO CÁO KẾT QUẢ THI ĐUA – Sơ kết 6 tháng năm 2025 (2025-6T)");
    }

    @Test
    void theFirstOfEveryBlockIsNamed() {
        PeriodResults results = ReportFixture.results();
        List<String> first = results.standings().stream()
                .filter(s -> s.ranked() && s.rank() == 1).map(s -> s.unit().name()).toList();
        // K1: PC02; K2: X02 and X03 tied.
        assertThat(first).containsExactlyInAnyOrder("Phòng Cảnh sát kinh tế", "Công an xã Tân Phú", "Công an xã Hòa Bình");
        for (String name : first) {
            assertThat(text).contains(name);
        }
        assertThat(text).contains("Khối K1 – Khối Cảnh sát", "Khối K2 – Khối Công an xã");
        assertThat(text).contains("Xếp hạng 2/3 đơn vị; điểm trung bình 90,11.");
        // Every unit is listed, the missing and returned ones with their grade.
        for (Standing s : results.standings()) {
            assertThat(text).contains(s.unit().code());
        }
        assertThat(text).contains("Chưa báo cáo");
        // … and its submission status, which tells a returned unit from one that sent nothing.
        assertThat(text).contains("Trạng thái nộp");
        assertThat(text.lines().filter(l -> l.contains("X04"))).anyMatch(l -> l.contains("Bị trả lại"));
        assertThat(text.lines().filter(l -> l.contains("PC08"))).anyMatch(l -> l.contains("Chưa nộp"));
        assertThat(text.lines().filter(l -> l.contains("PC02"))).anyMatch(l -> l.contains("Nộp muộn"));
        // A name that looks like a formula is just text here too.
        assertThat(text.replace("\n", "")).contains(ReportFixture.FORMULA_NAME); // in a cell, maybe wrapped
    }

    @Test
    void theProvincialSummaryHasItsHeadersAndFiguresTheVietnameseWay() {
        assertThat(text).contains("Mã", "Nội dung", "Kỳ này", "Cùng kỳ", "Tăng/giảm (%)");
        assertThat(text).contains("Số vụ phạm pháp hình sự được khám phá");
        assertThat(text).contains("88,18"); // the province rate 97/110
        assertThat(text).contains("Tỷ lệ khám phá án phạm pháp hình sự (%)");
        assertThat(text).contains("-40,00");
        assertThat(text).contains("Tổng số 7 đơn vị: 5 đơn vị có báo cáo được chấm điểm, xếp hạng (trong đó 1 nộp muộn); "
                + "1 đơn vị có báo cáo bị trả lại; 1 đơn vị chưa nộp.");
    }

    @Test
    void theChartsAreDrawnWithTheirTitlesAndLegends() {
        assertThat(text).contains("Chỉ tiêu chính: kỳ này so với cùng kỳ");
        assertThat(text).contains("Điểm trung bình theo khối thi đua");
        assertThat(text).contains("Điểm trung bình");
    }

    @Test
    void pagesAreA4LandscapeNumberedAndUseOnlyTheEmbeddedLiberationSerif() throws IOException {
        assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1);
        List<String> fonts = new ArrayList<>();
        int n = 0;
        for (PDPage page : pdf.getPages()) {
            n++;
            PDRectangle box = page.getMediaBox();
            assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.api.Assertions.within(0.5f));
            assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.api.Assertions.within(0.5f));
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2())
                        .as("TrueType program of %s", font.getName()).isNotNull();
                fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
            }
        }
        // The serif, in its four types: the body, the bold headings, the italic date, the bold italic "Nơi nhận:".
        assertThat(fonts).isNotEmpty().allMatch(f -> f.startsWith("LiberationSerif"))
                .contains("LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic");
        assertThat(n).isGreaterThan(1);
        for (int p = 1; p <= n; p++) {
            assertThat(page(pdf, p)).as("page %d", p).contains("Trang " + p + "/" + n);
        }
    }

    @Test
    void aCharacterTheFontLacksBecomesAQuestionMarkRatherThanAFailure() throws IOException {
        Scheme scheme = ReportFixture.scheme();
        List<Unit> units = scheme.units().stream()
                .map(u -> u.code().equals("PC01") ? new Unit("PC01", "Phòng 警察\u0007 hình sự", u.kind(), u.blockCode()) : u)
                .toList();
        Scheme renamed = new Scheme(scheme.year(), scheme.movement(), scheme.scale(), scheme.bonusCap(),
                scheme.deductionCap(), scheme.latePenalty(), scheme.periods(), scheme.blocks(), units,
                scheme.indicators(), scheme.criteria(), scheme.unitTargets(), scheme.grades(), scheme.awards());
        PeriodResults base = ReportFixture.results();
        PeriodResults results = new PeriodResults(renamed, base.period(),
                base.standings().stream().map(s -> s.unit().code().equals("PC01")
                        ? new Standing(renamed.unit("PC01").orElseThrow(), s.card(), s.rank(), s.grade(), s.award(),
                                s.status(), s.firstArrival())
                        : s).toList(),
                base.province(), base.byBlock(), base.blockAverages(), Map.of());
        Path written = new PdfReportWriter(ReportFixture.NAMES).write(results, ReportFixture.INFO, dir.resolve("lacking"));
        try (PDDocument doc = Loader.loadPDF(written.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Phòng ?? hình sự");
        }
    }

    @Test
    void regeneratingReplacesTheReportAndLeavesNoTemporaryFile() throws IOException {
        Path out = dir.resolve("again");
        PdfReportWriter writer = new PdfReportWriter(ReportFixture.NAMES);
        writer.write(ReportFixture.results(), ReportFixture.INFO, out);
        OutputInfo later = OutputInfo.of(ReportFixture.results(), 8, Instant.parse("2025-06-21T02:00:00Z"));
        Path second = writer.write(ReportFixture.results(), later, out);
        assertThat(names(out)).containsExactly("bao-cao-2025-6T.pdf");
        try (PDDocument doc = Loader.loadPDF(second.toFile())) {
            String again = new PDFTextStripper().getText(doc);
            assertThat(again).contains("Lập lúc: 21/06/2025 09:00").contains("phiên bản 8").doesNotContain("phiên bản 7");
        }
    }

    /** The text of page {@code p} (from 1). */
    static String page(PDDocument doc, int p) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setLineSeparator("\n");
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        return stripper.getText(doc);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
