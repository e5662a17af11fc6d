package thidua.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * One page of a printed workbook ({@link LibreOffice}): its text, the sheet it belongs to
 * (named in the page header, "title – sheet", as {@link SheetPrint} sets it) and the
 * smallest type on it, in points as printed.
 */
record PrintedPage(int number, String sheet, String text, float smallestType) {

    /** The pages of {@code pdf} by sheet, in the order the sheets print. */
    static Map<String, List<PrintedPage>> bySheet(Path pdf) throws IOException {
        Map<String, List<PrintedPage>> pages = new LinkedHashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int n = 1; n <= doc.getNumberOfPages(); n++) {
                Stripper stripper = new Stripper();
                stripper.setStartPage(n);
                stripper.setEndPage(n);
                String text = stripper.getText(doc);
                String header = text.strip().lines().findFirst().orElse("");
                String sheet = header.substring(header.lastIndexOf(" – ") + 3).strip();
                pages.computeIfAbsent(sheet, s -> new ArrayList<>())
                        .add(new PrintedPage(n, sheet, text, stripper.smallest));
            }
        }
        return pages;
    }

    private static final class Stripper extends PDFTextStripper {
        float smallest = Float.MAX_VALUE;

        Stripper() throws IOException {
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            for (TextPosition p : positions) {
                if (!p.getUnicode().isBlank()) {
                    smallest = Math.min(smallest, p.getFontSizeInPt());
                }
            }
            super.writeString(text, positions);
        }
    }
}
