package thidua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.report.PdfCanvas.Align;
import thidua.report.PdfCanvas.Box;
import thidua.report.PdfCanvas.Column;
import thidua.report.PdfCanvas.Line;
import thidua.report.PdfCanvas.Type;

/** How the canvas keeps the end of a table with what follows it. */
class PdfCanvasTest {

    @TempDir
    Path dir;

    private static final List<Column> COLUMNS = List.of(new Column("Hàng", 1, Align.LEFT));
    private static final List<Box> SIGNATURE = List.of(new Box(0, 300, Align.CENTER, List.of(
            Line.of("TRƯỞNG PHÒNG", Type.BOLD, 13).then(62), Line.of("Nguyễn Văn An", Type.BOLD, 13))));

    @Test
    void aTableThatFillsItsPageTakesItsLastTwoRowsOverToTheSignature() throws IOException {
        String[] pages = write(true);
        assertThat(pages).hasSize(2);
        assertThat(pages[1]).contains("TRƯỞNG PHÒNG").contains("Hàng", "dòng " + (rows() - 1) + "\n", "dòng " + rows() + "\n");
        assertThat(pages[0]).contains("dòng " + (rows() - 2) + "\n").doesNotContain("dòng " + (rows() - 1) + "\n");
    }

    @Test
    void withoutKeepingTheSignatureWouldOpenAPageAlone() throws IOException {
        String[] pages = write(false);
        assertThat(pages).hasSize(2);
        assertThat(pages[0]).contains("dòng " + rows() + "\n");
        assertThat(pages[1]).contains("TRƯỞNG PHÒNG").doesNotContain("dòng");
    }

    /** As many one-line rows as fill a page under their header, leaving less than a row. */
    private static int rows() throws IOException {
        try (PdfCanvas pdf = new PdfCanvas("")) {
            float header = pdf.tableHeight(COLUMNS, List.of());
            float row = pdf.tableHeight(COLUMNS, List.of(List.of("dòng 1"))) - header;
            return (int) ((pdf.pageRoom() - header) / row);
        }
    }

    private String[] write(boolean keep) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= rows(); i++) {
            rows.add(List.of("dòng " + i));
        }
        Path file;
        try (PdfCanvas pdf = new PdfCanvas("chân trang")) {
            pdf.table(COLUMNS, rows, keep ? pdf.boxesHeight(SIGNATURE) : 0);
            pdf.boxes(SIGNATURE);
            file = pdf.save(dir.resolve(keep ? "keep.pdf" : "alone.pdf"));
        }
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String[] pages = new String[doc.getNumberOfPages()];
            for (int p = 1; p <= pages.length; p++) {
                pages[p - 1] = PdfReportWriterTest.page(doc, p);
            }
            return pages;
        }
    }
}
