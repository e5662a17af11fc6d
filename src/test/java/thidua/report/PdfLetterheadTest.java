package thidua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.settings.ThiduaProperties;

/** The PDF report as an administrative document: letterhead, date, title, signature, with the configured names. */
class PdfLetterheadTest {

    @TempDir
    Path dir;

    /** A line of text as the page shows it: where it starts, left to right, and its text. */
    record Shown(float x, float y, String text) {
    }

    @Test
    void theFirstPageIsHeadedLikeAnAdministrativeDocumentWithTheDefaultNames() throws IOException {
        try (PDDocument doc = write(ReportFixture.NAMES, "defaults")) {
            String first = PdfReportWriterTest.page(doc, 1);
            assertThat(first).contains("CÔNG AN TỈNH\n", "PHÒNG THAM MƯU\n",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "Độc lập - Tự do - Hạnh phúc\n",
                    // Made 08:30 on 20/06/2025 in Hà Nội; no place configured.
                    "Ngày 20 tháng 06 năm 2025\n",
                    "BÁO CÁO\nKết quả phong trào thi đua “Vì an ninh Tổ quốc” – Sơ kết 6 tháng năm 2025\n");
            assertThat(first).doesNotContain("Số:");
            // The bodies on the left half, the motto and the date on the right, the title across the middle.
            float half = doc.getPage(0).getMediaBox().getWidth() / 2;
            List<Shown> lines = shown(doc, 1);
            assertThat(at(lines, "PHÒNG THAM MƯU").x()).isLessThan(half / 2);
            assertThat(at(lines, "CÔNG AN TỈNH").x()).isLessThan(half / 2);
            assertThat(at(lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").x()).isGreaterThan(half);
            assertThat(at(lines, "Độc lập - Tự do - Hạnh phúc").x()).isGreaterThan(half);
            assertThat(at(lines, "Ngày 20 tháng 06 năm 2025").x()).isGreaterThan(half);
            assertThat(at(lines, "BÁO CÁO").x()).isBetween(half * 0.8f, half);
            // Side by side, each under its own: the parent body level with the motto's first line, then the
            // date under the motto, then the title under both.
            assertThat(at(lines, "CÔNG AN TỈNH").y()).isCloseTo(at(lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").y(), within(1f));
            assertThat(at(lines, "Ngày 20 tháng 06 năm 2025").y()).isGreaterThan(at(lines, "Độc lập - Tự do - Hạnh phúc").y());
            assertThat(at(lines, "BÁO CÁO").y()).isGreaterThan(at(lines, "Ngày 20 tháng 06 năm 2025").y());
            assertThat(at(lines, "BÁO CÁO").y()).isLessThan(at(lines, "I. TỔNG HỢP KẾT QUẢ TOÀN TỈNH").y());

            // The signature ends the last page, on the right, with the recipients on the left.
            int pages = doc.getNumberOfPages();
            String last = PdfReportWriterTest.page(doc, pages);
            assertThat(last).contains("TRƯỞNG PHÒNG\n", "Nơi nhận:\n",
                    "- Ban Giám đốc Công an tỉnh (để báo cáo);\n", "- Lưu: VT.\n");
            List<Shown> end = shown(doc, pages);
            assertThat(at(end, "TRƯỞNG PHÒNG").x()).isGreaterThan(half);
            assertThat(at(end, "Nơi nhận:").x()).isLessThan(half / 2);
            assertThat(at(end, "TRƯỞNG PHÒNG").y()).isCloseTo(at(end, "Nơi nhận:").y(), within(1f));
            // … under the last block's table, not alone on a page.
            assertThat(at(end, "TRƯỞNG PHÒNG").y()).isGreaterThan(at(end, "X04").y());
            for (int p = 1; p < pages; p++) {
                assertThat(PdfReportWriterTest.page(doc, p)).doesNotContain("TRƯỞNG PHÒNG", "Nơi nhận:");
            }
        }
    }

    @Test
    void theConfiguredNamesAppearInUpperCaseWhereTheLayoutWantsIt() throws IOException {
        ThiduaProperties.Report names = ReportFixture.names(Map.of(
                "thidua.report.parent-body", "Công an tỉnh Lạng Sơn",
                // Decomposed (NFD), as some keyboards type it: shown composed.
                "thidua.report.issuing-body", Normalizer.normalize("Thường trực Hội đồng Thi đua - Khen thưởng",
                        Normalizer.Form.NFD),
                "thidua.report.number", "125/BC-PV01",
                "thidua.report.place", "Lạng Sơn",
                "thidua.report.signer-title", "KT. Giám đốc\nPhó Giám đốc",
                "thidua.report.signer-name", "Đại tá Nguyễn Văn Bình",
                "thidua.report.recipients[0]", "- Cục Công tác đảng và công tác chính trị, Bộ Công an;",
                "thidua.report.recipients[1]", "Đồng chí Giám đốc",
                "thidua.report.recipients[2]", "Lưu: VT, PV01."));
        try (PDDocument doc = write(names, "configured")) {
            String first = PdfReportWriterTest.page(doc, 1);
            assertThat(first).contains("CÔNG AN TỈNH LẠNG SƠN\n", "THƯỜNG TRỰC HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG\n",
                    // The number left and the date right, on one line.
                    "Số: 125/BC-PV01 Lạng Sơn, ngày 20 tháng 06 năm 2025\n");
            assertThat(first).doesNotContain("CÔNG AN TỈNH\n", "PHÒNG THAM MƯU");
            assertThat(Normalizer.isNormalized(first, Normalizer.Form.NFC)).isTrue();
            List<Shown> lines = shown(doc, 1);
            float half = doc.getPage(0).getMediaBox().getWidth() / 2;
            assertThat(at(lines, "Số: 125/BC-PV01").x()).isLessThan(half / 2);
            assertThat(at(lines, "Lạng").x()).isGreaterThan(half);

            String last = PdfReportWriterTest.page(doc, doc.getNumberOfPages());
            assertThat(last).contains("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n", "Đại tá Nguyễn Văn Bình\n",
                    "- Cục Công tác đảng và công tác chính trị, Bộ Công an;\n", "- Đồng chí Giám đốc;\n",
                    "- Lưu: VT, PV01.\n");
            assertThat(last).doesNotContain("TRƯỞNG PHÒNG", "Ban Giám đốc");
            // The name under the room to sign.
            List<Shown> end = shown(doc, doc.getNumberOfPages());
            assertThat(at(end, "Đại tá Nguyễn Văn Bình").y() - at(end, "PHÓ GIÁM ĐỐC").y()).isGreaterThan(50);
        }
    }

    @Test
    void withoutRecipientsThereIsNoNoiNhanList() throws IOException {
        ThiduaProperties.Report names = ReportFixture.names(Map.of("thidua.report.recipients", ""));
        assertThat(names.recipients()).isEmpty();
        try (PDDocument doc = write(names, "none")) {
            String last = PdfReportWriterTest.page(doc, doc.getNumberOfPages());
            assertThat(last).contains("TRƯỞNG PHÒNG").doesNotContain("Nơi nhận");
        }
    }

    @Test
    void theDateIsWrittenAsTheDecreeSays() {
        // The day and the month on two digits (the decree asks it of days below 10, January and February).
        assertThat(PdfLetterhead.dateLine("Lạng Sơn", LocalDate.of(2025, 2, 5))).isEqualTo("Lạng Sơn, ngày 05 tháng 02 năm 2025");
        assertThat(PdfLetterhead.dateLine("Lạng Sơn", LocalDate.of(2025, 1, 31))).isEqualTo("Lạng Sơn, ngày 31 tháng 01 năm 2025");
        assertThat(PdfLetterhead.dateLine(" Hà Giang ", LocalDate.of(2024, 3, 9))).isEqualTo("Hà Giang, ngày 09 tháng 03 năm 2024");
        assertThat(PdfLetterhead.dateLine("", LocalDate.of(2024, 12, 14))).isEqualTo("Ngày 14 tháng 12 năm 2024");
        assertThat(PdfLetterhead.dateLine(null, LocalDate.of(2024, 12, 14))).isEqualTo("Ngày 14 tháng 12 năm 2024");
    }

    @Test
    void eachRecipientIsADashedLineEndingWithASemicolonTheLastWithAFullStop() {
        assertThat(PdfLetterhead.recipient("Ban Giám đốc", false)).isEqualTo("- Ban Giám đốc;");
        assertThat(PdfLetterhead.recipient("- Ban Giám đốc;", false)).isEqualTo("- Ban Giám đốc;");
        assertThat(PdfLetterhead.recipient("Lưu: VT", true)).isEqualTo("- Lưu: VT.");
        assertThat(PdfLetterhead.recipient("– Lưu: VT, PV01;", true)).isEqualTo("- Lưu: VT, PV01.");
    }

    private PDDocument write(ThiduaProperties.Report names, String folder) throws IOException {
        Path file = new PdfReportWriter(names).write(ReportFixture.results(), ReportFixture.INFO, dir.resolve(folder));
        return Loader.loadPDF(file.toFile());
    }

    /** The lines of page {@code p}, then its words, with where each starts (y from the top of the page). */
    private static List<Shown> shown(PDDocument doc, int p) throws IOException {
        List<Shown> lines = new ArrayList<>();
        List<Shown> words = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            private final StringBuilder line = new StringBuilder();
            private TextPosition start;

            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                if (!positions.isEmpty()) {
                    words.add(new Shown(positions.get(0).getXDirAdj(), positions.get(0).getYDirAdj(), text));
                    if (start == null) {
                        start = positions.get(0);
                    }
                }
                line.append(text);
                super.writeString(text, positions);
            }

            @Override
            protected void writeWordSeparator() throws IOException {
                line.append(' ');
                super.writeWordSeparator();
            }

            @Override
            protected void writeLineSeparator() throws IOException {
                if (start != null) {
                    lines.add(new Shown(start.getXDirAdj(), start.getYDirAdj(), line.toString()));
                }
                line.setLength(0);
                start = null;
                super.writeLineSeparator();
            }
        };
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        stripper.getText(doc);
        lines.addAll(words);
        return lines;
    }

    /** The first line or word that reads {@code text} (or a line that starts with it: a table row with its first cell). */
    private static Shown at(List<Shown> lines, String text) {
        return lines.stream().filter(l -> l.text().equals(text) || l.text().startsWith(text + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line \"" + text + "\" in " + lines));
    }
}
