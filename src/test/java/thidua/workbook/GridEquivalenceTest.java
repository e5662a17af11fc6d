package thidua.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import thidua.corpus.Corpus;
import thidua.report.LibreOffice;
import thidua.submission.Readings;

/**
 * The streaming reader ({@link XlsxGrid}, the import's way) and POI's usermodel (the old
 * way, {@link Grid#of}) give the same grid for every file: the whole corpus, the samples
 * and the scheme, their copies saved again by LibreOffice, and cells written the ways the
 * XML allows and the writers rarely use. Same grid means the same sheets in the same order
 * and visibility, the same rows and cell ranges, the same merged regions and every cell's
 * same typed value (or the same finding when the file cannot be read), and so the same
 * submission as the import reads it (values, their cells, every finding). A file outside the
 * plain shape is read by POI on both sides; the samples, their LibreOffice copies and the
 * corpus' accepted files must be streamed, or the comparison would prove nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GridEquivalenceTest {
    private static final WorkbookLimits LIMITS = WorkbookLimits.ofFileSize(WorkbookFiles.DEFAULT_MAX_BYTES);
    private static final Path PC04 = Samples.submission("PC04-2024.xlsx");

    private Path dir;

    private final Map<String, Path> samples = new LinkedHashMap<>();
    private final Map<String, Path> libreOffice = new LinkedHashMap<>();
    private final Map<String, Path> corpus = new LinkedHashMap<>();
    private final Map<String, Path> crafted = new LinkedHashMap<>();
    private final List<String> streamed = new ArrayList<>();

    @BeforeAll
    void writeFiles(@TempDir Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        try (Stream<Path> files = Files.list(Samples.DIR.resolve("2024"))) {
            files.sorted().forEach(f -> samples.put("sample " + f.getFileName(), f));
        }
        samples.put("scheme " + Samples.SCHEME.getFileName(), Samples.SCHEME);
        Path saved = dir.resolve("libreoffice");
        List<Path> copies = LibreOffice.convert(saved, "xlsx", samples.values().toArray(Path[]::new));
        int i = 0;
        for (String name : samples.keySet()) {
            libreOffice.put("LibreOffice copy of " + name, copies.get(i++));
        }
        Path corpusDir = Files.createDirectories(dir.resolve("corpus"));
        for (Corpus.Case c : Corpus.cases()) {
            corpus.put("corpus " + c.name(), c.writeInto(corpusDir));
        }
        craft();
    }

    Stream<String> files() {
        Map<String, Path> all = all();
        return all.keySet().stream();
    }

    private Map<String, Path> all() {
        Map<String, Path> all = new LinkedHashMap<>();
        all.putAll(samples);
        all.putAll(libreOffice);
        all.putAll(corpus);
        all.putAll(crafted);
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void bothWaysReadTheSameGrid(String name) {
        Path file = all().get(name);
        Outcome poi = Outcome.of(() -> Grid.of(WorkbookFiles.open(file, LIMITS)));
        Outcome stream = Outcome.of(() -> WorkbookFiles.read(file, LIMITS));
        try {
            assertThat(stream.finding).as(name + ": the finding of a file that cannot be read").isEqualTo(poi.finding);
            if (poi.grid != null) {
                assertSameGrid(name, poi.grid, stream.grid);
                if (!name.startsWith("scheme") && !name.startsWith("LibreOffice copy of scheme")) {
                    // ... and so the same submission: values, their cells, every finding in order
                    assertThat(reading(stream.grid)).as(name + ": read as a submission").isEqualTo(reading(poi.grid));
                }
                if (stream.grid instanceof XlsxGrid) {
                    synchronized (streamed) {
                        streamed.add(name);
                    }
                }
            }
        } finally {
            poi.close();
            stream.close();
        }
    }

    @AfterAll
    void theUsualFilesWereStreamed() {
        // Run after every comparison above (PER_CLASS): the plain files must not have gone to POI.
        List<String> expected = new ArrayList<>();
        expected.addAll(samples.keySet());
        expected.addAll(libreOffice.keySet());
        // Accepted, but outside the plain shape (POI reads them): a chart, comments and an image; a
        // pivot table; a link to another workbook; and an .xls under an .xlsx name.
        List<String> toPoi = List.of("chart-comments-and-image", "pivot-table", "external-link", "xls-named-xlsx");
        Corpus.cases().stream().filter(c -> c.expected().accepted() && c.fileName().endsWith(".xlsx"))
                .filter(c -> !toPoi.contains(c.name()))
                .forEach(c -> expected.add("corpus " + c.name()));
        assertThat(streamed).as("read by the streaming reader").containsAll(expected);
        assertThat(streamed).as("crafted cells read by the streaming reader")
                .contains("crafted text number", "crafted inline string", "crafted boolean", "crafted error",
                        "crafted formula without value", "crafted date", "crafted custom date",
                        "crafted date by column style", "crafted 1904 date", "crafted not a number",
                        "crafted rich text", "crafted merged", "crafted hidden sheet");
    }

    @Test
    void aPartOutsideThePlainShapeIsLeftToPoi() throws IOException {
        byte[] xlsx = WorkbookBytes.addEntry(Files.readAllBytes(PC04), "xl/comments1.xml",
                "<comments xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>".getBytes());
        Path file = Files.write(dir.resolve("with-comments.xlsx"), xlsx);
        try (Grid grid = WorkbookFiles.read(file, LIMITS)) {
            assertThat(grid).isInstanceOf(PoiGrid.class);
        } catch (UnreadableWorkbookException e) {
            throw new AssertionError(e.finding().toString());
        }
        try (Grid grid = WorkbookFiles.read(PC04, LIMITS)) {
            assertThat(grid).isInstanceOf(XlsxGrid.class);
        } catch (UnreadableWorkbookException e) {
            throw new AssertionError(e.finding().toString());
        }
    }

    private static void assertSameGrid(String name, Grid expected, Grid actual) {
        assertThat(names(actual)).as(name + ": sheets").isEqualTo(names(expected));
        for (int i = 0; i < expected.sheets().size(); i++) {
            Grid.Sheet e = expected.sheets().get(i);
            Grid.Sheet a = actual.sheets().get(i);
            String where = name + ", sheet " + e.name();
            assertThat(a.hidden()).as(where + ": hidden").isEqualTo(e.hidden());
            assertThat(a.firstRowNum()).as(where + ": first row").isEqualTo(e.firstRowNum());
            assertThat(a.lastRowNum()).as(where + ": last row").isEqualTo(e.lastRowNum());
            assertThat(a.physicalRows()).as(where + ": rows").isEqualTo(e.physicalRows());
            assertThat(a.mergedRegions().stream().map(Object::toString).toList()).as(where + ": merged")
                    .isEqualTo(e.mergedRegions().stream().map(Object::toString).toList());
            for (int r = 0; r <= e.lastRowNum() + 1; r++) {
                assertThat(a.hasRow(r)).as(where + ": row " + (r + 1)).isEqualTo(e.hasRow(r));
                assertThat(a.firstCellNum(r)).as(where + ": first cell of row " + (r + 1)).isEqualTo(e.firstCellNum(r));
                assertThat(a.lastCellNum(r)).as(where + ": last cell of row " + (r + 1)).isEqualTo(e.lastCellNum(r));
                for (int c = 0; c <= Math.max(e.lastCellNum(r), 12); c++) {
                    assertThat(cell(a, r, c)).as(where + ": cell " + CellRef.of(r, c)).isEqualTo(cell(e, r, c));
                }
            }
        }
    }

    /** A cell's value, or what reading it throws (POI fails on some cells only when they are read). */
    private static Object cell(Grid.Sheet sheet, int r, int c) {
        try {
            return sheet.cell(r, c);
        } catch (RuntimeException e) {
            return "throws " + e.getClass().getName();
        }
    }

    /** What the import's reader makes of it, or what reading it throws (the import's E-FILE-CORRUPT). */
    private static String reading(Grid grid) {
        try {
            return Readings.reading(grid);
        } catch (RuntimeException e) {
            return "throws " + e.getClass().getName();
        }
    }

    private static List<String> names(Grid grid) {
        return grid.sheets().stream().map(Grid.Sheet::name).toList();
    }

    /** A grid, or the finding of a file that cannot be read. */
    private record Outcome(Grid grid, Finding finding) {
        interface Read {
            Grid read() throws UnreadableWorkbookException;
        }

        static Outcome of(Read read) {
            try {
                return new Outcome(read.read(), null);
            } catch (UnreadableWorkbookException e) {
                return new Outcome(null, e.finding());
            }
        }

        void close() {
            if (grid != null) {
                grid.close();
            }
        }
    }

    // ------------------------------------------------------------------ crafted cells

    private static final String SHEET = "xl/worksheets/sheet2.xml";
    /** PC04's `Kỳ này` of its first indicator, as POI wrote it. */
    private static final String E6 = "<c r=\"E6\" t=\"n\" s=\"5\"><v>0.0</v></c>";

    private void craft() throws IOException {
        byte[] pc04 = Files.readAllBytes(PC04);
        cell("text number", pc04, "<c r=\"E6\" t=\"str\"><v>12</v></c>");
        cell("inline string", pc04, "<c r=\"E6\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> 1.234 </t></is></c>");
        cell("inline rich string", pc04, "<c r=\"E6\" t=\"inlineStr\"><is><r><t>1</t></r><r><rPr><b/></rPr><t>2</t></r></is></c>");
        cell("inline value", pc04, "<c r=\"E6\" t=\"inlineStr\"><v>7</v></c>");
        cell("boolean", pc04, "<c r=\"E6\" t=\"b\"><v>1</v></c>");
        cell("boolean spelled", pc04, "<c r=\"E6\" t=\"b\"><v>true</v></c>");
        cell("error", pc04, "<c r=\"E6\" t=\"e\"><v>#DIV/0!</v></c>");
        cell("unknown error", pc04, "<c r=\"E6\" t=\"e\"><v>#FOO!</v></c>");
        cell("formula without value", pc04, "<c r=\"E6\" s=\"5\"><f>1+1</f></c>");
        cell("formula text", pc04, "<c r=\"E6\" t=\"str\"><f>\"a\"</f><v>a</v></c>");
        cell("formula error", pc04, "<c r=\"E6\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>");
        cell("shared formula", pc04, "<c r=\"E6\" s=\"5\"><f t=\"shared\" si=\"0\" ref=\"E6:E7\">1+1</f><v>2</v></c>");
        cell("array formula", pc04, "<c r=\"E6\" s=\"5\"><f t=\"array\" ref=\"E6\">1+1</f><v>2</v></c>");
        cell("iso date type", pc04, "<c r=\"E6\" t=\"d\"><v>2024-01-01</v></c>");
        cell("unknown type", pc04, "<c r=\"E6\" t=\"x\"><v>1</v></c>");
        cell("style out of range", pc04, "<c r=\"E6\" s=\"999\"><v>45000</v></c>");
        cell("not a number", pc04, "<c r=\"E6\" s=\"5\"><v>abc</v></c>");
        cell("infinite", pc04, "<c r=\"E6\" s=\"5\"><v>1E+400</v></c>");
        cell("empty value", pc04, "<c r=\"E6\" s=\"5\"><v></v></c>");
        cell("spaced value", pc04, "<c r=\"E6\" s=\"5\"><v> 5 </v></c>");
        cell("no value", pc04, "<c r=\"E6\" s=\"5\"/>");
        cell("shared string out of range", pc04, "<c r=\"E6\" t=\"s\"><v>999</v></c>");
        cell("shared string not an index", pc04, "<c r=\"E6\" t=\"s\"><v>x</v></c>");
        cell("cell without reference", pc04, "<c t=\"n\" s=\"5\"><v>3</v></c>");
        cell("cell with absolute reference", pc04, "<c r=\"$E$6\" t=\"n\" s=\"5\"><v>3</v></c>");
        cell("escaped string", pc04, "<c r=\"E6\" t=\"str\"><v>1_x0032_</v></c>");
        String dateXf = "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>";
        String customXf = "<xf numFmtId=\"200\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>";
        byte[] styled = WorkbookBytes.replaceEntry(pc04, "xl/styles.xml", x -> addXfs(x, dateXf + customXf));
        int date = xfCount(pc04);
        cell("date", styled, "<c r=\"E6\" s=\"" + date + "\"><v>45000</v></c>");
        cell("custom date", WorkbookBytes.replaceEntry(styled, "xl/styles.xml", x -> x.replaceFirst("</numFmts>",
                "<numFmt numFmtId=\"200\" formatCode=\"dd/mm/yyyy\"/></numFmts>")),
                "<c r=\"E6\" s=\"" + (date + 1) + "\"><v>45000.5</v></c>");
        cell("second number formats", WorkbookBytes.replaceEntry(styled, "xl/styles.xml", x -> x.replaceFirst(
                "<styleSheet([^>]*)>", "<styleSheet$1><numFmts count=\"1\"><numFmt numFmtId=\"200\" "
                        + "formatCode=\"dd/mm/yyyy\"/></numFmts>")), "<c r=\"E6\" s=\"" + (date + 1) + "\"><v>45000.5</v></c>");
        cell("date by column style", WorkbookBytes.replaceEntry(styled, SHEET,
                x -> x.replace("<col min=\"5\" max=\"5\" width=\"11.0\" customWidth=\"true\"/>",
                        "<col min=\"5\" max=\"5\" width=\"11.0\" customWidth=\"true\" style=\"" + date + "\"/>")),
                "<c r=\"E6\"><v>45000</v></c>");
        cell("1904 date", WorkbookBytes.replaceEntry(styled, "xl/workbook.xml",
                x -> x.replace("date1904=\"false\"", "date1904=\"1\"")), "<c r=\"E6\" s=\"" + date + "\"><v>45000</v></c>");
        cell("negative date", styled, "<c r=\"E6\" s=\"" + date + "\"><v>-3</v></c>");
        put("rich text", WorkbookBytes.replaceEntry(pc04, "xl/sharedStrings.xml", x -> x.replaceFirst(
                "<si><t>([^<]*)</t></si>", "<si><r><t>$1</t></r><r><rPr><i/></rPr><t xml:space=\"preserve\"> x</t></r>"
                        + "<rPh sb=\"0\" eb=\"1\"><t>ph</t></rPh></si>")));
        put("escaped shared string", WorkbookBytes.replaceEntry(pc04, "xl/sharedStrings.xml",
                x -> x.replaceFirst("<si><t>([^<]*)</t></si>", "<si><t>$1_x000D_</t></si>")));
        put("row without number", WorkbookBytes.replaceEntry(pc04, SHEET, x -> x.replace("<row r=\"6\">", "<row>")));
        put("rows out of order", WorkbookBytes.replaceEntry(pc04, SHEET, x -> x.replace("<row r=\"6\">", "<row r=\"2\">")));
        put("merged", WorkbookBytes.replaceEntry(pc04, SHEET, x -> x.replace("</mergeCells>",
                "<mergeCell ref=\"A1:G1\"/><mergeCell ref=\"E4:F4\"/></mergeCells>")));
        put("second merged cells", WorkbookBytes.replaceEntry(pc04, SHEET, x -> x.replace("</mergeCells>",
                "</mergeCells><mergeCells count=\"1\"><mergeCell ref=\"E4:F4\"/></mergeCells>")));
        put("hidden sheet", WorkbookBytes.replaceEntry(pc04, "xl/workbook.xml",
                x -> x.replace("<sheet name=\"Thông tin\"", "<sheet state=\"hidden\" name=\"Thông tin\"")));
        put("core date out of range", WorkbookBytes.replaceEntry(pc04, "docProps/core.xml",
                x -> x.replace("2024-11-30T17:00:00Z", "2024-13-45T17:00:00Z")));
        put("core date with offset", WorkbookBytes.replaceEntry(pc04, "docProps/core.xml",
                x -> x.replace("2024-11-30T17:00:00Z", "2024-11-30T17:00:00+07:00")));
        put("macro content type", WorkbookBytes.replaceEntry(pc04, "[Content_Types].xml",
                x -> x.replace("sheet.main+xml", "sheet.macroEnabled.main+xml")));
        put("sheet missing its part", WorkbookBytes.replaceEntry(pc04, "xl/_rels/workbook.xml.rels",
                x -> x.replace("worksheets/sheet1.xml", "worksheets/sheet9.xml")));
    }

    private void cell(String name, byte[] xlsx, String e6) {
        put(name, WorkbookBytes.replaceEntry(xlsx, SHEET, x -> {
            assertThat(x).contains(E6);
            return x.replace(E6, e6);
        }));
    }

    private void put(String name, byte[] xlsx) {
        try {
            crafted.put("crafted " + name, Files.write(dir.resolve("crafted-" + crafted.size() + ".xlsx"), xlsx));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String addXfs(String styles, String xfs) {
        return styles.replaceFirst("(<cellXfs[^>]*>.*?)</cellXfs>", "$1" + java.util.regex.Matcher.quoteReplacement(xfs)
                + "</cellXfs>").replaceFirst("<cellXfs count=\"[0-9]+\"", "<cellXfs");
    }

    private static int xfCount(byte[] xlsx) {
        UnaryOperator<String> keep = x -> x;
        String[] styles = new String[1];
        WorkbookBytes.replaceEntry(xlsx, "xl/styles.xml", x -> {
            styles[0] = x;
            return keep.apply(x);
        });
        String cellXfs = styles[0].replaceFirst("(?s).*<cellXfs[^>]*>(.*?)</cellXfs>.*", "$1");
        return cellXfs.split("<xf ", -1).length - 1;
    }
}
