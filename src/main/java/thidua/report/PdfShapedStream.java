package thidua.report;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.fontbox.ttf.gsub.GsubWorker;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.fontbox.ttf.model.ScriptFeature;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text shaped (GSUB) once per word and font for the whole PDF. PDFBox shapes every word
 * of every {@code showText} again, compiling regular expressions each time: with thousands
 * of units that was most of the PDF's time. PDFBox keeps, per content stream, the GSUB
 * worker of each font it was set to ({@code gsubWorkers}, private, no setter; the class is
 * final); {@link #install} hands it a map that remembers each worker's answers. A worker's
 * answer depends only on the glyphs it is given, so the bytes written are the same; if a
 * later PDFBox no longer has the field, text is shaped as before, only slower.
 */
final class PdfShapedStream {
    private static final Logger log = LoggerFactory.getLogger(PdfShapedStream.class);
    private static final Field WORKERS = workersField();

    /** The words already shaped, per font, for one document. */
    static final class Shapes {
        private final Map<PDType0Font, Remembering> fonts = new IdentityHashMap<>();

        private GsubWorker of(PDType0Font font, GsubWorker worker) {
            // Every worker PDFBox makes for a font answers alike: the first one made does the work.
            return fonts.computeIfAbsent(font, f -> new Remembering(worker, f.getGsubData()));
        }
    }

    /**
     * A font's GSUB worker that remembers its answer for each word's glyphs, and passes a
     * word none of whose glyphs any substitution of the font involves as it is: the worker
     * replaces only runs of such glyphs and keeps every other glyph in its place, so its
     * answer would be the word itself (most words: numbers, codes, names).
     */
    private static final class Remembering implements GsubWorker {
        private final GsubWorker worker;
        /** Every glyph of every substitution of every feature of the font (a superset of what the worker applies). */
        private final Set<Integer> substituted = new HashSet<>();
        private final Map<List<Integer>, List<Integer>> answers = new HashMap<>();

        Remembering(GsubWorker worker, GsubData gsub) {
            this.worker = worker;
            for (String feature : featuresOf(worker, gsub)) {
                ScriptFeature f = gsub.isFeatureSupported(feature) ? gsub.getFeature(feature) : null;
                if (f != null) {
                    f.getAllGlyphIdsForSubstitution().forEach(substituted::addAll);
                }
            }
        }

        @Override
        public List<Integer> applyTransforms(List<Integer> originalGlyphIds) {
            boolean untouched = true;
            for (Integer glyph : originalGlyphIds) {
                if (substituted.contains(glyph)) {
                    untouched = false;
                    break;
                }
            }
            if (untouched) {
                return List.copyOf(originalGlyphIds);
            }
            List<Integer> known = answers.get(originalGlyphIds);
            if (known == null) {
                known = List.copyOf(worker.applyTransforms(originalGlyphIds));
                answers.put(List.copyOf(originalGlyphIds), known);
            }
            return known;
        }
    }

    /**
     * The features {@code worker} applies: the Latin worker's own list ({@code FEATURES_IN_ORDER},
     * read where PDFBox keeps it), or, for any other worker or if it cannot be read, every
     * feature of the font, a superset.
     */
    private static Iterable<String> featuresOf(GsubWorker worker, GsubData gsub) {
        try {
            Field field = worker.getClass().getDeclaredField("FEATURES_IN_ORDER");
            field.setAccessible(true);
            if (worker.getClass().getSimpleName().equals("GsubWorkerForLatin")
                    && field.get(null) instanceof List<?> features) {
                return features.stream().map(String::valueOf).toList();
            }
        } catch (NoSuchFieldException | IllegalAccessException | RuntimeException e) {
            log.debug("GSUB features of {} not known: every feature of the font counts", worker.getClass(), e);
        }
        return gsub.getSupportedFeatures();
    }

    /** The map PDFBox puts a font's worker in when the font is set: it gets the remembering one. */
    private static final class Workers extends HashMap<PDType0Font, GsubWorker> {
        private final transient Shapes shapes;

        Workers(Shapes shapes) {
            this.shapes = shapes;
        }

        @Override
        public GsubWorker put(PDType0Font font, GsubWorker worker) {
            return super.put(font, worker instanceof Remembering ? worker : shapes.of(font, worker));
        }
    }

    private PdfShapedStream() {
    }

    /** {@code stream}, its text shaped through {@code shapes}; call before any text is written. */
    static PDPageContentStream install(PDPageContentStream stream, Shapes shapes) {
        if (WORKERS != null) {
            try {
                WORKERS.set(stream, new Workers(shapes));
            } catch (IllegalAccessException | RuntimeException e) {
                log.debug("PDFBox text shaping not remembered", e);
            }
        }
        return stream;
    }

    private static Field workersField() {
        try {
            // declared by PDPageContentStream's package-private superclass
            Field field = PDPageContentStream.class.getSuperclass().getDeclaredField("gsubWorkers");
            field.setAccessible(true);
            return Map.class.isAssignableFrom(field.getType()) ? field : null;
        } catch (NoSuchFieldException | RuntimeException e) {
            log.debug("PDFBox text shaping not remembered: no field gsubWorkers", e);
            return null;
        }
    }
}
