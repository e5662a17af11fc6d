package thidua.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import thidua.scoring.PeriodResults;
import thidua.scoring.Ratio;
import thidua.scoring.Standing;
import thidua.scoring.SummaryRow;
import thidua.settings.ThiduaProperties;

/**
 * Writes the report the leaders read on paper and on their phones, {@code bao-cao-P.pdf}, as
 * an administrative document ({@link PdfLetterhead}): the letterhead and title, the provincial
 * summary, the key indicators against the same period last year, the block averages, the
 * ranking of every block, with the same figures and charts as the workbooks, then the
 * signature. Figures are written the Vietnamese way (1.060; 92,02).
 */
public final class PdfReportWriter {

    public static final String FILE_PREFIX = "bao-cao";
    static final String TITLE = "BÁO CÁO KẾT QUẢ THI ĐUA";
    static final List<PdfCanvas.Column> PROVINCE_COLUMNS = List.of(
            new PdfCanvas.Column("Mã", 1.3f, PdfCanvas.Align.LEFT),
            new PdfCanvas.Column("Nội dung", 5.2f, PdfCanvas.Align.LEFT),
            new PdfCanvas.Column("Kỳ này", 1f, PdfCanvas.Align.RIGHT),
            new PdfCanvas.Column("Cùng kỳ", 1f, PdfCanvas.Align.RIGHT),
            new PdfCanvas.Column("Tăng/giảm (%)", 1.1f, PdfCanvas.Align.RIGHT));
    /** Widths for the real texts: grades and awards run to 30–37 characters, unit names to about 30. */
    static final List<PdfCanvas.Column> RANKING_COLUMNS = List.of(
            new PdfCanvas.Column("Hạng", 0.6f, PdfCanvas.Align.CENTER),
            new PdfCanvas.Column("Mã đơn vị", 0.9f, PdfCanvas.Align.LEFT),
            new PdfCanvas.Column("Tên đơn vị", 2.7f, PdfCanvas.Align.LEFT),
            new PdfCanvas.Column("Tổng điểm", 1.0f, PdfCanvas.Align.RIGHT),
            new PdfCanvas.Column("Xếp loại", 2.5f, PdfCanvas.Align.LEFT),
            new PdfCanvas.Column("Đề nghị khen thưởng", 2.9f, PdfCanvas.Align.LEFT),
            // A returned unit and one that sent nothing both read `Chưa báo cáo`: this tells them apart.
            new PdfCanvas.Column("Trạng thái nộp", 1.4f, PdfCanvas.Align.LEFT));
    private static final float CHART_HEIGHT = 205f;
    /** Between the end of the body and the signature. */
    private static final float SIGNATURE_SPACE = 16f;

    private final PdfLetterhead letterhead;

    /** A writer of reports issued and signed under {@code names} ({@code thidua.report.*}). */
    public PdfReportWriter(ThiduaProperties.Report names) {
        this.letterhead = new PdfLetterhead(names);
    }

    /** Writes {@code outDir/bao-cao-P.pdf} atomically, creating the folder if missing, and returns its path. */
    public Path write(PeriodResults results, OutputInfo info, Path outDir) throws IOException {
        try (PdfCanvas pdf = new PdfCanvas(TITLE + " – " + info.period() + " – lập lúc " + info.generatedAtText())) {
            pdf.describe(TITLE + " – " + info.period(), info.movement(), info.generatedAt());
            letterhead.head(pdf, info);
            pdf.space(4);
            pdf.centered("Kỳ báo cáo: " + info.period(), false, 11, PdfCanvas.BLACK);
            pdf.centered(info.generatedLine() + " – " + info.schemeLine(), false, 8.5f, PdfCanvas.GREY);
            pdf.space(8);
            pdf.paragraph(reporting(results), false, 11);

            pdf.heading("I. TỔNG HỢP KẾT QUẢ TOÀN TỈNH", 12, 60);
            List<List<String>> province = new ArrayList<>();
            for (SummaryRow s : results.province()) {
                province.add(summaryRow(s));
            }
            pdf.table(PROVINCE_COLUMNS, province);

            List<SummaryRow> key = ReportCharts.keyIndicators(results);
            if (!key.isEmpty()) {
                pdf.heading("II. CHỈ TIÊU CHÍNH SO VỚI CÙNG KỲ NĂM TRƯỚC", 12, CHART_HEIGHT);
                PdfBarChart.draw(pdf, ReportCharts.INDICATOR_CHART_TITLE,
                        key.stream().map(SummaryRow::code).toList(), null,
                        List.of(new PdfBarChart.Bars("Kỳ này", ReportCharts.CURRENT_RGB,
                                        key.stream().map(s -> whole(s.current())).toList()),
                                new PdfBarChart.Bars("Cùng kỳ", ReportCharts.BASELINE_RGB,
                                        key.stream().map(s -> whole(s.baseline())).toList())),
                        CHART_HEIGHT);
            }

            pdf.heading("III. XẾP HẠNG THEO KHỐI THI ĐUA", 12, CHART_HEIGHT);
            List<ReportCharts.BlockAverage> blocks = ReportCharts.blockAverages(results);
            PdfBarChart.draw(pdf, ReportCharts.BLOCK_CHART_TITLE,
                    blocks.stream().map(b -> b.block().code()).toList(),
                    blocks.stream().map(b -> b.block().name()).toList(),
                    List.of(new PdfBarChart.Bars("Điểm trung bình", ReportCharts.CURRENT_RGB,
                            blocks.stream().map(ReportCharts.BlockAverage::average).toList())),
                    CHART_HEIGHT);
            List<PdfCanvas.Box> signature = letterhead.signature(pdf);
            float signatureRoom = SIGNATURE_SPACE + pdf.boxesHeight(signature);
            for (int i = 0; i < blocks.size(); i++) {
                ReportCharts.BlockAverage b = blocks.get(i);
                List<List<String>> rows = new ArrayList<>();
                for (Standing s : results.standingsOf(b.block().code())) {
                    rows.add(List.of(s.ranked() ? String.valueOf(s.rank()) : "",
                            s.unit().code(), s.unit().name(),
                            s.ranked() ? Figures.of(s.card().total(), true) : "",
                            nullToEmpty(s.grade()), nullToEmpty(s.award()), s.status().label()));
                }
                // A block's table starts on a new page rather than leave a few rows behind, if it fits on one.
                pdf.heading("Khối " + b.block().code() + " – " + b.block().name(), 11,
                        Math.min(pdf.tableHeight(RANKING_COLUMNS, rows) + 16, pdf.pageRoom() - 40));
                pdf.paragraph("Xếp hạng " + b.ranked() + "/" + b.units() + " đơn vị; điểm trung bình "
                        + (b.average() == null ? "–" : Figures.of(b.average(), true)) + ".", false, 9);
                pdf.space(3);
                // The last table keeps its last rows with the signature.
                pdf.table(RANKING_COLUMNS, rows, i == blocks.size() - 1 ? signatureRoom : 0);
            }
            pdf.space(SIGNATURE_SPACE);
            pdf.boxes(signature);
            return pdf.save(outDir.resolve(OutputFiles.name(FILE_PREFIX, results.period().code(), "pdf")));
        }
    }

    /** One sentence on who reported: counted, late, returned, missing. */
    static String reporting(PeriodResults results) {
        PeriodResults.Reporting who = results.reporting();
        return "Tổng số " + who.units() + " đơn vị: " + who.ranked()
                + " đơn vị có báo cáo được chấm điểm, xếp hạng (trong đó " + who.late() + " nộp muộn); "
                + who.returned() + " đơn vị có báo cáo bị trả lại; " + who.missing() + " đơn vị chưa nộp.";
    }

    /** As in {@code Tổng hợp}: sums whole, rates and changes with 2 decimals, a rate's name ending in (%). */
    private static List<String> summaryRow(SummaryRow s) {
        String current = s.rate() ? Figures.of(rounded(s.current()), true) : Figures.of(whole(s.current()), false);
        String baseline = s.rate() ? Figures.of(rounded(s.baseline()), true) : Figures.of(whole(s.baseline()), false);
        return List.of(s.code(), SummaryWriter.name(s), current, baseline, Figures.of(rounded(s.change()), true));
    }

    private static BigDecimal rounded(Ratio r) {
        return r == null ? null : r.rounded();
    }

    private static BigDecimal whole(Ratio r) {
        return r == null ? null : r.rounded().setScale(0, RoundingMode.HALF_UP);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
