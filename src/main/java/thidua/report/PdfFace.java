package thidua.report;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A font of the PDF report with what text needs from it: the code points it can draw
 * (found once each), widths and ascent at a size, text made drawable, and text
 * wrapped into lines of a width.
 */
final class PdfFace {

    private final PDType0Font font;
    private final Map<Integer, Boolean> drawable = new HashMap<>();
    /**
     * Each text's width in the font's units, measured once: a table's cells are measured to
     * size their rows, then again to draw them, and wrapping measures a line as it grows.
     */
    private final Map<String, Float> widths = new HashMap<>();

    PdfFace(PDType0Font font) {
        this.font = font;
    }

    PDType0Font font() {
        return font;
    }

    private boolean canDraw(int codePoint) {
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
        Float known = widths.get(text);
        if (known == null) {
            try {
                known = font.getStringWidth(text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            widths.put(text, known);
        }
        return known / 1000f * size;
    }

    float ascent(float size) {
        return font.getFontDescriptor().getAscent() / 1000f * size;
    }

    /**
     * Text as the font can draw it: composed (NFC, so a Vietnamese letter is one glyph
     * of the font), line breaks and other controls as spaces, and any character the
     * font lacks as a question mark rather than a failed report.
     */
    String clean(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (canDraw(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** A text wrapped at a size into a width: a table's cells are wrapped to measure the table, its rows, then drawn. */
    private record Wrapping(String text, float size, float width) {
    }

    private final Map<Wrapping, List<String>> wrapped = new HashMap<>();

    /** Lines of at most {@code width} points, broken at spaces, or inside a word longer than a line. */
    List<String> wrap(String text, float size, float width) {
        Wrapping key = new Wrapping(text == null ? "" : text, size, width);
        List<String> lines = wrapped.get(key);
        if (lines == null) {
            lines = List.copyOf(wrapOnce(text, size, width));
            wrapped.put(key, lines);
        }
        return lines;
    }

    private List<String> wrapOnce(String text, float size, float width) {
        String shown = clean(text).strip();
        List<String> lines = new ArrayList<>();
        if (shown.isEmpty()) {
            lines.add("");
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : shown.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= width) {
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
            while (width(rest, size) > width && rest.codePointCount(0, rest.length()) > 1) {
                int cut = rest.offsetByCodePoints(0, 1);
                while (cut < rest.length()
                        && width(rest.substring(0, rest.offsetByCodePoints(cut, 1)), size) <= width) {
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
}
