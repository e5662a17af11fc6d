package thidua.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import thidua.files.SafeFiles;
import thidua.scheme.Period;

/**
 * The one way the PDF report is drawn: A4 landscape pages, the shipped Liberation Serif
 * embedded (every Vietnamese letter, the metrics of Times New Roman) in its regular, bold,
 * italic and bold italic types, wrapped paragraphs, boxes of lines side by side (the
 * letterhead and the signature of an administrative document), tables whose header
 * repeats on each page they run onto, and a footer with the page number; the drawing
 * primitives that {@link PdfBarChart} draws its charts with. Content flows down the
 * page; whatever does not fit starts a new one. Writers only decide what goes where.
 */
final class PdfCanvas implements AutoCloseable {

    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final String REGULAR_FONT = "/fonts/LiberationSerif-Regular.ttf";
    static final String BOLD_FONT = "/fonts/LiberationSerif-Bold.ttf";
    static final String ITALIC_FONT = "/fonts/LiberationSerif-Italic.ttf";
    static final String BOLD_ITALIC_FONT = "/fonts/LiberationSerif-BoldItalic.ttf";
    static final float MARGIN = 36f;
    private static final float FOOTER = 22f;
    private static final float PAD = 3f;
    /** The room a rule under a line of a box takes. */
    private static final float RULE_SPACE = 5f;
    /** How many last rows of a table go with what a table keeps after it. */
    private static final int KEPT_ROWS = 2;
    private static final float BODY = 9f;
    static final int BLACK = 0x000000;
    static final int GREY = 0x595959;
    static final int RULE = 0x808080;
    static final int GRID = 0xD9D9D9;
    private static final int HEADER_FILL = 0xD9D9D9;
    private static final int STRIPE_FILL = 0xF2F2F2;

    enum Align { LEFT, CENTER, RIGHT }

    /** The four types of the font. */
    enum Type { REGULAR, BOLD, ITALIC, BOLD_ITALIC }

    /**
     * A line of a {@link Box}: its text (a line break in it starts a new line; a line too long
     * for the box wraps), type and size; under it a rule {@code rule} times as long as the text
     * (0: none); then {@code after} points of space.
     */
    record Line(String text, Type type, float size, float rule, float after) {
        static Line of(String text, Type type, float size) {
            return new Line(text, type, size, 0, 0);
        }

        Line ruled(float share) {
            return new Line(text, type, size, share, after);
        }

        Line then(float points) {
            return new Line(text, type, size, rule, after + points);
        }
    }

    /** Lines in a box {@code width} points wide, {@code left} points from the left margin, aligned in it. */
    record Box(float left, float width, Align align, List<Line> lines) {
    }

    /** A table column: its header, its share of the page width and how its cells align. */
    record Column(String header, float weight, Align align) {
    }

    private final PDDocument doc = new PDDocument();
    private final PdfFace regular;
    private final PdfFace bold;
    private final PdfFace italic;
    private final PdfFace boldItalic;
    private final String footer;
    private PDPageContentStream cs;
    /** Words shaped once for the whole document ({@link PdfShapedStream}). */
    private final PdfShapedStream.Shapes shapes = new PdfShapedStream.Shapes();
    private float y;

    /** {@code footer} is printed at the bottom left of every page, the page number at the right. */
    PdfCanvas(String footer) throws IOException {
        this.footer = footer;
        regular = new PdfFace(load(REGULAR_FONT));
        bold = new PdfFace(load(BOLD_FONT));
        italic = new PdfFace(load(ITALIC_FONT));
        boldItalic = new PdfFace(load(BOLD_ITALIC_FONT));
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
        info.setAuthor(OutputInfo.AUTHOR);
        info.setCreator(OutputInfo.AUTHOR);
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
        cs = PdfShapedStream.install(new PDPageContentStream(doc, page), shapes);
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
        need(leading * bold.wrap(text, size, width()).size() + keep);
        space(size * 0.9f);
        lines(text, bold, size, BLACK, Align.LEFT);
        space(size * 0.3f);
    }

    /**
     * Boxes side by side from where the content is, kept together on one page; what follows
     * starts under the tallest.
     */
    void boxes(List<Box> boxes) throws IOException {
        need(boxesHeight(boxes));
        float top = y;
        float bottom = y;
        for (Box box : boxes) {
            float at = top;
            for (Line line : box.lines()) {
                PdfFace face = face(line.type());
                float leading = line.size() * 1.3f;
                float widest = 0;
                float x = MARGIN + box.left();
                for (String shown : boxLines(line, box.width())) {
                    float w = face.width(shown, line.size());
                    widest = Math.max(widest, w);
                    text(shown, face, line.size(), BLACK, aligned(x, box.width(), w, box.align()),
                            at - face.ascent(line.size()));
                    at -= leading;
                }
                if (line.rule() > 0) {
                    float length = widest * line.rule();
                    float from = aligned(x, box.width(), length, box.align());
                    lineWidth(0.6f);
                    line(from, at - 1, from + length, at - 1, BLACK);
                    at -= RULE_SPACE;
                }
                at -= line.after();
            }
            bottom = Math.min(bottom, at);
        }
        y = bottom;
    }

    /** The height {@link #boxes} takes: that of the tallest box. */
    float boxesHeight(List<Box> boxes) {
        float tallest = 0;
        for (Box box : boxes) {
            float height = 0;
            for (Line line : box.lines()) {
                height += boxLines(line, box.width()).size() * line.size() * 1.3f
                        + (line.rule() > 0 ? RULE_SPACE : 0) + line.after();
            }
            tallest = Math.max(tallest, height);
        }
        return tallest;
    }

    private List<String> boxLines(Line line, float width) {
        List<String> shown = new ArrayList<>();
        for (String part : line.text().split("\\R", -1)) {
            shown.addAll(face(line.type()).wrap(part, line.size(), width));
        }
        return shown;
    }

    private PdfFace face(Type type) {
        return switch (type) {
            case REGULAR -> regular;
            case BOLD -> bold;
            case ITALIC -> italic;
            case BOLD_ITALIC -> boldItalic;
        };
    }

    private void lines(String text, PdfFace face, float size, int rgb, Align align) throws IOException {
        float leading = size * 1.3f;
        for (String line : face.wrap(text, size, width())) {
            need(leading);
            float baseline = y - face.ascent(size);
            text(line, face, size, rgb, aligned(MARGIN, width(), face.width(line, size), align), baseline);
            y -= leading;
        }
    }

    /**
     * A table across the page width: a grey header row, thin borders, light stripes.
     * A row never splits; when the next one does not fit, the table goes on on a new
     * page under its header repeated.
     */
    void table(List<Column> columns, List<List<String>> rows) throws IOException {
        table(columns, rows, 0);
    }

    /**
     * A {@link #table} whose last rows keep {@code keep} points of what follows with them
     * (a signature never opens a page alone), when that fits on a page.
     */
    void table(List<Column> columns, List<List<String>> rows, float keep) throws IOException {
        float[] widths = widths(columns);
        List<String> headers = columns.stream().map(Column::header).toList();
        float headerHeight = rowHeight(headers, widths, bold);
        // The header and at least the first row stay together.
        need(headerHeight + (rows.isEmpty() ? 0 : rowHeight(rows.get(0), widths, regular)));
        row(headers, widths, columns, bold, HEADER_FILL, true);
        boolean stripe = false;
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            float height = rowHeight(cells, widths, regular);
            float last = 0;
            if (keep > 0 && i >= rows.size() - KEPT_ROWS) {
                for (List<String> rest : rows.subList(i, rows.size())) {
                    last += rowHeight(rest, widths, regular);
                }
            }
            boolean carry = last > 0 && y - last - keep < MARGIN + FOOTER && headerHeight + last + keep <= pageRoom();
            if (y - height < MARGIN + FOOTER || carry) {
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

    private float rowHeight(List<String> cells, float[] widths, PdfFace face) {
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            lines = Math.max(lines, face.wrap(cells.get(i), BODY, widths[i] - 2 * PAD).size());
        }
        return lines * BODY * 1.25f + 2 * PAD;
    }

    private void row(List<String> cells, float[] widths, List<Column> columns, PdfFace face, int fill, boolean header)
            throws IOException {
        float height = rowHeight(cells, widths, face);
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            if (fill >= 0) {
                fill(x, y - height, widths[i], height, fill);
            }
            strokeColour(RULE);
            cs.setLineWidth(0.5f);
            cs.addRect(x, y - height, widths[i], height);
            cs.stroke();
            float baseline = y - PAD - face.ascent(BODY);
            Align align = header ? Align.CENTER : columns.get(i).align();
            for (String line : face.wrap(cells.get(i), BODY, widths[i] - 2 * PAD)) {
                text(line, face, BODY, BLACK, aligned(x + PAD, widths[i] - 2 * PAD, face.width(line, BODY), align),
                        baseline);
                baseline -= BODY * 1.25f;
            }
            x += widths[i];
        }
        y -= height;
    }

    /** Writes the page footers and saves the document atomically at {@code target}. */
    Path save(Path target) throws IOException {
        cs.close();
        cs = null;
        int count = doc.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            try (PDPageContentStream foot = PdfShapedStream.install(new PDPageContentStream(doc, doc.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true), shapes)) {
                PDPageContentStream saved = cs;
                cs = foot;
                float base = MARGIN - 4;
                strokeColour(GRID);
                cs.setLineWidth(0.5f);
                cs.moveTo(MARGIN, base + 10);
                cs.lineTo(MARGIN + width(), base + 10);
                cs.stroke();
                String left = regular.clean(footer);
                float room = width() - 80;
                while (regular.width(left, 7.5f) > room && left.length() > 1) {
                    left = left.substring(0, left.length() - 2) + "…";
                }
                text(left, regular, 7.5f, GREY, MARGIN, base);
                String page = "Trang " + (i + 1) + "/" + count;
                text(page, regular, 7.5f, GREY, MARGIN + width() - regular.width(page, 7.5f), base);
                cs = saved;
            }
        }
        return SafeFiles.replace(target, doc::save);
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

    // ------------------------------------------------------------------ primitives (also for PdfBarChart)

    PdfFace regular() {
        return regular;
    }

    PdfFace bold() {
        return bold;
    }

    /** Where the next content starts, from the bottom of the page. */
    float y() {
        return y;
    }

    /** Content drawn at its own positions (a chart) ends at {@code below}: what follows starts there. */
    void moveDownTo(float below) {
        y = below;
    }

    /** One line of text, made drawable by the font, from {@code x} on the {@code baseline}. */
    void text(String text, PdfFace face, float size, int rgb, float x, float baseline) throws IOException {
        String shown = face.clean(text);
        if (shown.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(face.font(), size);
        fillColour(rgb);
        cs.newLineAtOffset(x, baseline);
        cs.showText(shown);
        cs.endText();
    }

    /** A filled rectangle. */
    void fill(float x, float y0, float w, float h, int rgb) throws IOException {
        fillColour(rgb);
        cs.addRect(x, y0, w, h);
        cs.fill();
    }

    /** The width of the lines drawn from now on. */
    void lineWidth(float width) throws IOException {
        cs.setLineWidth(width);
    }

    /** A straight line from {@code (x1, y1)} to {@code (x2, y2)}. */
    void line(float x1, float y1, float x2, float y2, int rgb) throws IOException {
        strokeColour(rgb);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    /** Text already made drawable ({@link PdfFace#clean}), turned {@code degrees} anticlockwise about its start. */
    void slantedText(String text, PdfFace face, float size, int rgb, float degrees, float x, float y0)
            throws IOException {
        cs.beginText();
        cs.setFont(face.font(), size);
        fillColour(rgb);
        cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(degrees), x, y0));
        cs.showText(text);
        cs.endText();
    }

    private void fillColour(int rgb) throws IOException {
        cs.setNonStrokingColor(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
    }

    private void strokeColour(int rgb) throws IOException {
        cs.setStrokingColor(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
    }

    static float aligned(float x, float room, float textWidth, Align align) {
        return switch (align) {
            case LEFT -> x;
            case CENTER -> x + (room - textWidth) / 2;
            case RIGHT -> x + room - textWidth;
        };
    }
}
