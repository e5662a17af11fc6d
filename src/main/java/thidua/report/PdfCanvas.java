package thidua.report;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import thidua.scheme.Period;

/**
 * The one way the PDF report is drawn: A4 landscape pages, the shipped DejaVu Sans
 * embedded (it has every Vietnamese letter), wrapped paragraphs, tables whose header
 * repeats on each page they run onto, bar charts from drawing primitives, and a
 * footer with the page number. Content flows down the page; whatever does not fit
 * starts a new one. Writers only decide what goes where.
 */
final class PdfCanvas implements AutoCloseable {

    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final String REGULAR_FONT = "/fonts/DejaVuSans.ttf";
    static final String BOLD_FONT = "/fonts/DejaVuSans-Bold.ttf";
    private static final float MARGIN = 36f;
    private static final float FOOTER = 22f;
    private static final float PAD = 3f;
    private static final float BODY = 9f;
    private static final int BLACK = 0x000000;
    private static final int GREY = 0x595959;
    private static final int RULE = 0x808080;
    private static final int GRID = 0xD9D9D9;
    private static final int HEADER_FILL = 0xD9D9D9;
    private static final int STRIPE_FILL = 0xF2F2F2;

    enum Align { LEFT, CENTER, RIGHT }

    /** A table column: its header, its share of the page width and how its cells align. */
    record Column(String header, float weight, Align align) {
    }

    /** A bar chart's series: its name in the legend, its colour and one value per category (null: no bar). */
    record Bars(String name, int rgb, List<BigDecimal> values) {
    }

    /** A font with the code points it cannot draw, found once. */
    private static final class Face {
        final PDType0Font font;
        final Map<Integer, Boolean> drawable = new HashMap<>();

        Face(PDType0Font font) {
            this.font = font;
        }

        boolean canDraw(int codePoint) {
            return drawable.computeIfAbsent(codePoint, cp -> {
                try {
                    font.encode(new String(Character.toChars(cp)));
                    return true;
                } catch (IllegalArgumentException | IOException e) {
                    return false;
                }
            });
        }

        float width(String text, float size) {
            try {
                return font.getStringWidth(text) / 1000f * size;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        float ascent(float size) {
            return font.getFontDescriptor().getAscent() / 1000f * size;
        }
    }

    private final PDDocument doc = new PDDocument();
    private final Face regular;
    private final Face bold;
    private final String footer;
    private PDPageContentStream cs;
    private float y;

    /** {@code footer} is printed at the bottom left of every page, the page number at the right. */
    PdfCanvas(String footer) throws IOException {
        this.footer = footer;
        regular = new Face(load(REGULAR_FONT));
        bold = new Face(load(BOLD_FONT));
        newPage();
    }

    private PDType0Font load(String resource) throws IOException {
        try (InputStream in = PdfCanvas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Thiếu phông chữ " + resource + " trong chương trình");
            }
            // Embedded as a subset: only the glyphs the report uses travel with it.
            return PDType0Font.load(doc, in, true);
        }
    }

    /** Title, subject, author, creation time (Vietnamese time) and language of the document. */
    void describe(String title, String subject, LocalDateTime created) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setAuthor(OutputWorkbook.AUTHOR);
        info.setCreator(OutputWorkbook.AUTHOR);
        GregorianCalendar when = GregorianCalendar.from(created.atZone(Period.ZONE));
        when.setTimeZone(TimeZone.getTimeZone(Period.ZONE));
        info.setCreationDate(when);
        doc.getDocumentCatalog().setLanguage("vi-VN");
    }

    float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    void need(float height) throws IOException {
        if (y - height < MARGIN + FOOTER) {
            newPage();
        }
    }

    void space(float height) {
        y -= height;
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** A centred line (wrapped if it must) in bold or regular type. */
    void centered(String text, boolean isBold, float size, int rgb) throws IOException {
        lines(text, isBold ? bold : regular, size, rgb, Align.CENTER);
    }

    /** A paragraph across the page width, wrapped at spaces. */
    void paragraph(String text, boolean isBold, float size) throws IOException {
        lines(text, isBold ? bold : regular, size, BLACK, Align.LEFT);
    }

    /** A section heading, kept with at least {@code keep} points of what follows it. */
    void heading(String text, float size, float keep) throws IOException {
        float leading = size * 1.3f;
        need(leading * wrap(text, bold, size, width()).size() + keep);
        space(size * 0.9f);
        lines(text, bold, size, BLACK, Align.LEFT);
        space(size * 0.3f);
    }

    private void lines(String text, Face face, float size, int rgb, Align align) throws IOException {
        float leading = size * 1.3f;
        for (String line : wrap(text, face, size, width())) {
            need(leading);
            float baseline = y - face.ascent(size);
            draw(line, face, size, rgb, aligned(MARGIN, width(), face.width(line, size), align), baseline);
            y -= leading;
        }
    }

    /**
     * A table across the page width: a grey header row, thin borders, light stripes.
     * A row never splits; when the next one does not fit, the table goes on on a new
     * page under its header repeated.
     */
    void table(List<Column> columns, List<List<String>> rows) throws IOException {
        float[] widths = widths(columns);
        List<String> headers = columns.stream().map(Column::header).toList();
        float headerHeight = rowHeight(headers, widths, bold);
        // The header and at least the first row stay together.
        need(headerHeight + (rows.isEmpty() ? 0 : rowHeight(rows.get(0), widths, regular)));
        row(headers, widths, columns, bold, HEADER_FILL, true);
        boolean stripe = false;
        for (List<String> cells : rows) {
            float height = rowHeight(cells, widths, regular);
            if (y - height < MARGIN + FOOTER) {
                newPage();
                row(headers, widths, columns, bold, HEADER_FILL, true);
            }
            row(cells, widths, columns, regular, stripe ? STRIPE_FILL : -1, false);
            stripe = !stripe;
        }
    }

    /** The height {@link #table} needs for these rows on one page, header included. */
    float tableHeight(List<Column> columns, List<List<String>> rows) {
        float[] widths = widths(columns);
        float height = rowHeight(columns.stream().map(Column::header).toList(), widths, bold);
        for (List<String> cells : rows) {
            height += rowHeight(cells, widths, regular);
        }
        return height;
    }

    /** The height a new page offers between its top and bottom margins. */
    float pageRoom() {
        return PAGE.getHeight() - 2 * MARGIN - FOOTER;
    }

    private float[] widths(List<Column> columns) {
        float total = 0;
        for (Column c : columns) {
            total += c.weight();
        }
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width() * columns.get(i).weight() / total;
        }
        return widths;
    }

    private float rowHeight(List<String> cells, float[] widths, Face face) {
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            lines = Math.max(lines, wrap(cells.get(i), face, BODY, widths[i] - 2 * PAD).size());
        }
        return lines * BODY * 1.25f + 2 * PAD;
    }

    private void row(List<String> cells, float[] widths, List<Column> columns, Face face, int fill, boolean header)
            throws IOException {
        float height = rowHeight(cells, widths, face);
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            if (fill >= 0) {
                rect(x, y - height, widths[i], height, fill);
            }
            strokeColour(RULE);
            cs.setLineWidth(0.5f);
            cs.addRect(x, y - height, widths[i], height);
            cs.stroke();
            float baseline = y - PAD - face.ascent(BODY);
            Align align = header ? Align.CENTER : columns.get(i).align();
            for (String line : wrap(cells.get(i), face, BODY, widths[i] - 2 * PAD)) {
                draw(line, face, BODY, BLACK, aligned(x + PAD, widths[i] - 2 * PAD, face.width(line, BODY), align),
                        baseline);
                baseline -= BODY * 1.25f;
            }
            x += widths[i];
        }
        y -= height;
    }

    /**
     * A clustered bar chart {@code height} points tall across the page width, drawn
     * with lines and rectangles: a title, a value axis from zero with gridlines at
     * round steps, one group of bars per category with its value above each bar where
     * it fits, the category labels (slanted when they are too wide) with an optional
     * second line, and a legend.
     */
    void barChart(String title, List<String> categories, List<String> notes, List<Bars> series, float height)
            throws IOException {
        need(height);
        float top = y;
        float bottom = y - height;
        float titleSize = 10.5f;
        draw(title, bold, titleSize, BLACK, aligned(MARGIN, width(), bold.width(clean(title, bold), titleSize),
                Align.CENTER), top - bold.ascent(titleSize));

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
        float plotRight = MARGIN + width() - 6;
        int n = Math.max(1, categories.size());
        float group = (plotRight - plotLeft) / n;

        float widest = 0;
        for (String c : categories) {
            widest = Math.max(widest, regular.width(clean(c, regular), labelSize));
        }
        boolean slanted = widest > group - 4;
        boolean withNotes = notes != null && !slanted;
        float labelArea = slanted ? widest * 0.71f + labelSize + 4
                : labelSize * 1.3f * (withNotes ? 3 : 1) + 4;
        float legendArea = 16;
        float plotTop = top - titleSize * 1.6f - 6;
        float plotBottom = bottom + legendArea + labelArea;

        // Gridlines and the value axis.
        cs.setLineWidth(0.4f);
        for (double v = 0; v <= axisMax + step / 2; v += step) {
            float gy = plotBottom + (float) (v / axisMax) * (plotTop - plotBottom);
            strokeColour(v == 0 ? RULE : GRID);
            cs.moveTo(plotLeft, gy);
            cs.lineTo(plotRight, gy);
            cs.stroke();
            String label = number(v, step);
            draw(label, regular, labelSize, GREY, plotLeft - 4 - regular.width(label, labelSize),
                    gy - labelSize * 0.35f);
        }
        strokeColour(RULE);
        cs.moveTo(plotLeft, plotBottom);
        cs.lineTo(plotLeft, plotTop);
        cs.stroke();

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
                rect(bx + 0.5f, plotBottom, bar - 1, h, series.get(s).rgb());
                String label = PdfReportWriter.figure(v, v.scale() > 0);
                float lw = regular.width(label, valueSize);
                if (lw <= bar + 6) {
                    draw(label, regular, valueSize, BLACK, bx + (bar - lw) / 2, plotBottom + h + 2);
                }
            }
            // The category's label under its group.
            String label = clean(categories.get(c), regular);
            float cx = plotLeft + c * group + group / 2;
            if (slanted) {
                float lw = regular.width(label, labelSize);
                float ox = cx - lw * 0.71f;
                float oy = plotBottom - 4 - lw * 0.71f;
                cs.beginText();
                cs.setFont(regular.font, labelSize);
                fillColour(BLACK);
                cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(45), ox, oy));
                cs.showText(label);
                cs.endText();
            } else {
                float ly = plotBottom - 4 - regular.ascent(labelSize);
                draw(label, regular, labelSize, BLACK, cx - regular.width(label, labelSize) / 2, ly);
                if (withNotes && c < notes.size()) {
                    for (String line : wrap(notes.get(c), regular, labelSize - 0.5f, group - 4).stream().limit(2)
                            .toList()) {
                        ly -= labelSize * 1.3f;
                        draw(line, regular, labelSize - 0.5f, GREY,
                                cx - regular.width(line, labelSize - 0.5f) / 2, ly);
                    }
                }
            }
        }

        // Legend, centred under everything.
        float legendWidth = 0;
        for (Bars s : series) {
            legendWidth += 14 + regular.width(clean(s.name(), regular), labelSize) + 14;
        }
        float lx = MARGIN + (width() - legendWidth) / 2;
        float ly = bottom + 4;
        for (Bars s : series) {
            rect(lx, ly, 9, 9, s.rgb());
            String name = clean(s.name(), regular);
            draw(name, regular, labelSize, BLACK, lx + 13, ly + 1.5f);
            lx += 14 + regular.width(name, labelSize) + 14;
        }
        y = bottom - 6;
    }

    /** Writes the page footers and saves the document atomically at {@code target}. */
    Path save(Path target) throws IOException {
        cs.close();
        cs = null;
        int count = doc.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                PDPageContentStream saved = cs;
                cs = foot;
                float base = MARGIN - 4;
                strokeColour(GRID);
                cs.setLineWidth(0.5f);
                cs.moveTo(MARGIN, base + 10);
                cs.lineTo(MARGIN + width(), base + 10);
                cs.stroke();
                String left = clean(footer, regular);
                float room = width() - 80;
                while (regular.width(left, 7.5f) > room && left.length() > 1) {
                    left = left.substring(0, left.length() - 2) + "…";
                }
                draw(left, regular, 7.5f, GREY, MARGIN, base);
                String page = "Trang " + (i + 1) + "/" + count;
                draw(page, regular, 7.5f, GREY, MARGIN + width() - regular.width(page, 7.5f), base);
                cs = saved;
            }
        }
        return thidua.files.SafeFiles.replace(target, doc::save);
    }

    @Override
    public void close() throws IOException {
        try {
            if (cs != null) {
                cs.close();
            }
        } finally {
            doc.close();
        }
    }

    // ------------------------------------------------------------------ primitives

    private void draw(String text, Face face, float size, int rgb, float x, float baseline) throws IOException {
        String shown = clean(text, face);
        if (shown.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(face.font, size);
        fillColour(rgb);
        cs.newLineAtOffset(x, baseline);
        cs.showText(shown);
        cs.endText();
    }

    private void rect(float x, float y0, float w, float h, int rgb) throws IOException {
        fillColour(rgb);
        cs.addRect(x, y0, w, h);
        cs.fill();
    }

    private void fillColour(int rgb) throws IOException {
        cs.setNonStrokingColor(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
    }

    private void strokeColour(int rgb) throws IOException {
        cs.setStrokingColor(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
    }

    private static float aligned(float x, float room, float textWidth, Align align) {
        return switch (align) {
            case LEFT -> x;
            case CENTER -> x + (room - textWidth) / 2;
            case RIGHT -> x + room - textWidth;
        };
    }

    /**
     * Text as the font can draw it: composed (NFC, so a Vietnamese letter is one glyph
     * of the font), line breaks and other controls as spaces, and any character the
     * font lacks as a question mark rather than a failed report.
     */
    private static String clean(String text, Face face) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (face.canDraw(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** Lines of at most {@code width} points, broken at spaces, or inside a word longer than a line. */
    private static List<String> wrap(String text, Face face, float size, float width) {
        String shown = clean(text, face).strip();
        List<String> lines = new ArrayList<>();
        if (shown.isEmpty()) {
            lines.add("");
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : shown.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (face.width(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // A word wider than the line is cut where it must be.
            String rest = word;
            while (face.width(rest, size) > width && rest.codePointCount(0, rest.length()) > 1) {
                int cut = rest.offsetByCodePoints(0, 1);
                while (cut < rest.length()
                        && face.width(rest.substring(0, rest.offsetByCodePoints(cut, 1)), size) <= width) {
                    cut = rest.offsetByCodePoints(cut, 1);
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    /** A round step (1, 2, 2.5 or 5 times a power of ten) giving about {@code ticks} gridlines up to {@code max}. */
    static double niceStep(double max, int ticks) {
        double raw = max / ticks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / magnitude;
        double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static String number(double v, double step) {
        boolean whole = step >= 1 && Math.abs(step - Math.rint(step)) < 1e-9;
        return PdfReportWriter.figure(BigDecimal.valueOf(v), !whole);
    }
}
