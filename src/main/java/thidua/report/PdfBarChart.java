package thidua.report;

import static thidua.report.PdfCanvas.BLACK;
import static thidua.report.PdfCanvas.GREY;
import static thidua.report.PdfCanvas.GRID;
import static thidua.report.PdfCanvas.MARGIN;
import static thidua.report.PdfCanvas.RULE;
import static thidua.report.PdfCanvas.aligned;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import thidua.report.PdfCanvas.Align;

/**
 * The bar charts of the PDF report, drawn on its {@link PdfCanvas} with lines and
 * rectangles (the same numbers as the workbooks' native charts, see {@link ReportCharts}).
 */
final class PdfBarChart {

    /** A series: its name in the legend, its colour and one value per category (null: no bar). */
    record Bars(String name, int rgb, List<BigDecimal> values) {
    }

    private PdfBarChart() {
    }

    /**
     * A clustered bar chart {@code height} points tall across the page width, drawn
     * with lines and rectangles: a title, a value axis from zero with gridlines at
     * round steps, one group of bars per category with its value above each bar where
     * it fits, the category labels (slanted when they are too wide) with an optional
     * second line, and a legend.
     */
    static void draw(PdfCanvas pdf, String title, List<String> categories, List<String> notes,
                     List<Bars> series, float height) throws IOException {
        pdf.need(height);
        PdfFace regular = pdf.regular();
        PdfFace bold = pdf.bold();
        float top = pdf.y();
        float bottom = pdf.y() - height;
        float titleSize = 10.5f;
        pdf.text(title, bold, titleSize, BLACK,
                aligned(MARGIN, pdf.width(), bold.width(bold.clean(title), titleSize), Align.CENTER),
                top - bold.ascent(titleSize));

        float labelSize = 7.5f;
        float valueSize = 7f;
        double max = 0;
        for (Bars s : series) {
            for (BigDecimal v : s.values()) {
                if (v != null) {
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        double step = niceStep(max <= 0 ? 1 : max, 5);
        double axisMax = Math.ceil((max <= 0 ? 1 : max) / step) * step;
        if (axisMax - max < step * 0.15) {
            axisMax += step; // room for the value written above the tallest bar
        }
        float axisLabelWidth = regular.width(number(axisMax, step), labelSize) + 6;
        float plotLeft = MARGIN + axisLabelWidth;
        float plotRight = MARGIN + pdf.width() - 6;
        int n = Math.max(1, categories.size());
        float group = (plotRight - plotLeft) / n;

        float widest = 0;
        for (String c : categories) {
            widest = Math.max(widest, regular.width(regular.clean(c), labelSize));
        }
        boolean slanted = widest > group - 4;
        boolean withNotes = notes != null && !slanted;
        float labelArea = slanted ? widest * 0.71f + labelSize + 4
                : labelSize * 1.3f * (withNotes ? 3 : 1) + 4;
        float legendArea = 16;
        float plotTop = top - titleSize * 1.6f - 6;
        float plotBottom = bottom + legendArea + labelArea;

        // Gridlines and the value axis.
        pdf.lineWidth(0.4f);
        for (double v = 0; v <= axisMax + step / 2; v += step) {
            float gy = plotBottom + (float) (v / axisMax) * (plotTop - plotBottom);
            pdf.line(plotLeft, gy, plotRight, gy, v == 0 ? RULE : GRID);
            String label = number(v, step);
            pdf.text(label, regular, labelSize, GREY, plotLeft - 4 - regular.width(label, labelSize),
                    gy - labelSize * 0.35f);
        }
        pdf.line(plotLeft, plotBottom, plotLeft, plotTop, RULE);

        // Bars, with their values.
        float barArea = group * 0.75f;
        float bar = barArea / Math.max(1, series.size());
        for (int c = 0; c < categories.size(); c++) {
            float gx = plotLeft + c * group + (group - barArea) / 2;
            for (int s = 0; s < series.size(); s++) {
                BigDecimal v = c < series.get(s).values().size() ? series.get(s).values().get(c) : null;
                if (v == null) {
                    continue;
                }
                float h = (float) (Math.max(0, v.doubleValue()) / axisMax) * (plotTop - plotBottom);
                float bx = gx + s * bar;
                pdf.fill(bx + 0.5f, plotBottom, bar - 1, h, series.get(s).rgb());
                String label = Figures.of(v, v.scale() > 0);
                float lw = regular.width(label, valueSize);
                if (lw <= bar + 6) {
                    pdf.text(label, regular, valueSize, BLACK, bx + (bar - lw) / 2, plotBottom + h + 2);
                }
            }
            // The category's label under its group.
            String label = regular.clean(categories.get(c));
            float cx = plotLeft + c * group + group / 2;
            if (slanted) {
                float lw = regular.width(label, labelSize);
                float ox = cx - lw * 0.71f;
                float oy = plotBottom - 4 - lw * 0.71f;
                pdf.slantedText(label, regular, labelSize, BLACK, 45, ox, oy);
            } else {
                float ly = plotBottom - 4 - regular.ascent(labelSize);
                pdf.text(label, regular, labelSize, BLACK, cx - regular.width(label, labelSize) / 2, ly);
                if (withNotes && c < notes.size()) {
                    for (String line : regular.wrap(notes.get(c), labelSize - 0.5f, group - 4).stream().limit(2)
                            .toList()) {
                        ly -= labelSize * 1.3f;
                        pdf.text(line, regular, labelSize - 0.5f, GREY,
                                cx - regular.width(line, labelSize - 0.5f) / 2, ly);
                    }
                }
            }
        }

        // Legend, centred under everything.
        float legendWidth = 0;
        for (Bars s : series) {
            legendWidth += 14 + regular.width(regular.clean(s.name()), labelSize) + 14;
        }
        float lx = MARGIN + (pdf.width() - legendWidth) / 2;
        float ly = bottom + 4;
        for (Bars s : series) {
            pdf.fill(lx, ly, 9, 9, s.rgb());
            String name = regular.clean(s.name());
            pdf.text(name, regular, labelSize, BLACK, lx + 13, ly + 1.5f);
            lx += 14 + regular.width(name, labelSize) + 14;
        }
        pdf.moveDownTo(bottom - 6);
    }

    /** A round step (1, 2, 2.5 or 5 times a power of ten) giving about {@code ticks} gridlines up to {@code max}. */
    static double niceStep(double max, int ticks) {
        double raw = max / ticks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / magnitude;
        double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** An axis label: whole when the steps are whole. */
    private static String number(double v, double step) {
        boolean whole = step >= 1 && Math.abs(step - Math.rint(step)) < 1e-9;
        return Figures.of(BigDecimal.valueOf(v), !whole);
    }
}
