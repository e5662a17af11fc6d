package thidua.workbook;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * An {@code .xlsx} read in one streaming pass over the parts {@link CheckedZip} inflated,
 * giving exactly the values POI's usermodel gives through {@link CellReader} (the
 * import's old way, 10–20 times slower: it builds XMLBeans objects for every part).
 *
 * <p>It reads only the plain shape that Excel, LibreOffice and POI write: the usual parts
 * under their usual names, each with its standard content type and relationship, rows
 * and cells numbered in order, the usual cell types. Anything else (a chart sheet, a
 * drawing, comments, an array formula, a row without its number, a string with
 * {@code _xHHHH_} escapes, a style index out of range…) is left to POI
 * ({@link #read} is empty), so a file outside the plain shape reads as it always did:
 * GridEquivalenceTest holds the two ways to the same values on the corpus, the samples
 * and their LibreOffice-saved copies.
 */
final class XlsxGrid implements Grid {
    private static final XMLInputFactory XML = StaxParsers.FACTORY;
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static final String SML = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    /** The parts the plain shape may hold, by name. */
    private static final Pattern PLAIN_PART = Pattern.compile("\\[Content_Types]\\.xml|_rels/\\.rels"
            + "|docProps/(core|app|custom)\\.xml|xl/workbook\\.xml|xl/_rels/workbook\\.xml\\.rels|xl/styles\\.xml"
            + "|xl/sharedStrings\\.xml|xl/theme/theme[0-9]{1,3}\\.xml|xl/calcChain\\.xml"
            + "|xl/worksheets/sheet[0-9]{1,4}\\.xml|xl/worksheets/_rels/sheet[0-9]{1,4}\\.xml\\.rels"
            + "|xl/printerSettings/printerSettings[0-9]{1,4}\\.bin");
    /** The content type each plain part must have (POI finds parts by it). */
    private static final Map<String, String> CONTENT_TYPE = Map.of(
            "rels", "application/vnd.openxmlformats-package.relationships+xml",
            "core", "application/vnd.openxmlformats-package.core-properties+xml",
            "app", "application/vnd.openxmlformats-officedocument.extended-properties+xml",
            "custom", "application/vnd.openxmlformats-officedocument.custom-properties+xml",
            "workbook", SML + "sheet.main+xml",
            "styles", SML + "styles+xml",
            "sharedStrings", SML + "sharedStrings+xml",
            "theme", "application/vnd.openxmlformats-officedocument.theme+xml",
            "calcChain", SML + "calcChain+xml",
            "sheet", SML + "worksheet+xml");
    private static final Pattern CELL_REF = Pattern.compile("([A-Z]{1,3})([1-9][0-9]{0,6})");
    private static final Pattern RANGE = Pattern.compile("[A-Z]{1,3}[1-9][0-9]{0,6}:[A-Z]{1,3}[1-9][0-9]{0,6}");
    /** A date of the document properties as Excel writes it (to the second, in UTC); any other form goes to POI. */
    private static final Pattern W3CDTF = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
    /** The worksheet elements of the plain shape; any other (a drawing, comments, a table…) goes to POI. */
    private static final Set<String> SHEET_PARTS = Set.of("sheetPr", "dimension", "sheetViews",
            "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "autoFilter",
            "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "printOptions", "pageMargins",
            "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "ignoredErrors", "extLst");

    private final List<Grid.Sheet> sheets;
    private final Set<String> readWhole;

    private XlsxGrid(List<Grid.Sheet> sheets, Set<String> readWhole) {
        this.sheets = sheets;
        this.readWhole = Set.copyOf(readWhole);
    }

    /**
     * The parts read to their end under the pre-check's rules (no DTD, no Strict namespace,
     * rows, cells and strings within the limits): {@link OoxmlPrecheck#parts} need not read them again.
     */
    Set<String> readWhole() {
        return readWhole;
    }

    @Override
    public List<Grid.Sheet> sheets() {
        return sheets;
    }

    @Override
    public void close() {
        // nothing held open
    }

    /**
     * The grid of an .xlsx whose parts' names passed the pre-check, or empty when the file is
     * not of the plain shape, or breaks one of the pre-check's rules in a part it reads (the
     * whole pre-check and POI read it then, and say what they say).
     */
    static Optional<XlsxGrid> read(CheckedZip zip, WorkbookLimits limits) {
        try {
            return Optional.of(new Reader(zip, limits).read());
        } catch (NotPlain | XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A part breaks a rule of the pre-check: left to it, which says which. */
    private static final class Unchecked extends XMLStreamException {
        Unchecked() {
            super("");
        }
    }

    /** The file is outside the plain shape: POI reads it. */
    private static final class NotPlain extends Exception {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static NotPlain notPlain() {
        return new NotPlain();
    }

    /** One relationship of a part. */
    private record Rel(String type, String target) {
    }

    /** One reading of one file. */
    private static final class Reader {
        private final Map<String, byte[]> parts = new HashMap<>();
        private final List<String> strings = new ArrayList<>();
        /** The number format (id, code) of each cellXfs entry. */
        private final List<Integer> xfFormats = new ArrayList<>();
        private final Map<Integer, String> numFmts = new HashMap<>();
        private final Map<byte[], String> names = new IdentityHashMap<>();
        private final Set<String> readWhole = new HashSet<>();
        private final WorkbookLimits limits;
        private boolean date1904;

        Reader(CheckedZip zip, WorkbookLimits limits) throws NotPlain {
            this.limits = limits;
            for (CheckedZip.Part part : zip.parts()) {
                if (!PLAIN_PART.matcher(part.name()).matches() || parts.put(part.name(), part.content()) != null) {
                    throw notPlain();
                }
                names.put(part.content(), part.name());
            }
        }

        XlsxGrid read() throws NotPlain, XMLStreamException {
            contentTypes();
            Map<String, Rel> root = rels("_rels/.rels", "");
            String workbook = null;
            for (Rel rel : root.values()) {
                switch (rel.type()) {
                    case OFFICE_REL + "officeDocument" -> {
                        if (workbook != null || !rel.target().equals("xl/workbook.xml")) {
                            throw notPlain();
                        }
                        workbook = rel.target();
                    }
                    case "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" ->
                            coreProperties(rel.target());
                    case OFFICE_REL + "extended-properties", OFFICE_REL + "custom-properties" -> {
                        if (!rel.target().startsWith("docProps/")) {
                            throw notPlain();
                        }
                    }
                    default -> throw notPlain();
                }
            }
            if (workbook == null) {
                throw notPlain();
            }
            Map<String, Rel> rels = rels("xl/_rels/workbook.xml.rels", "xl/");
            boolean styles = false;
            for (Rel rel : rels.values()) {
                switch (rel.type()) {
                    case OFFICE_REL + "styles" -> {
                        if (styles) {
                            throw notPlain();
                        }
                        styles = true;
                        styles(part(rel.target()));
                    }
                    case OFFICE_REL + "sharedStrings" -> {
                        if (!strings.isEmpty()) {
                            throw notPlain();
                        }
                        sharedStrings(part(rel.target()));
                    }
                    case OFFICE_REL + "theme" -> root(part(rel.target()),
                            "http://schemas.openxmlformats.org/drawingml/2006/main", "theme");
                    case OFFICE_REL + "calcChain" -> root(part(rel.target()), MAIN, "calcChain");
                    case OFFICE_REL + "worksheet" -> part(rel.target());
                    default -> throw notPlain();
                }
            }
            if (!styles) {
                throw notPlain();
            }
            return new XlsxGrid(workbook(part("xl/workbook.xml"), rels), readWhole);
        }

        private byte[] part(String name) throws NotPlain {
            byte[] content = parts.get(name);
            if (content == null) {
                throw notPlain();
            }
            return content;
        }

        /** Every part has its standard content type, from an Override or its extension's Default. */
        private void contentTypes() throws NotPlain, XMLStreamException {
            Map<String, String> defaults = new HashMap<>();
            Map<String, String> overrides = new HashMap<>();
            XMLStreamReader xml = open(part("[Content_Types].xml"), TYPES, "Types");
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String type = xml.getAttributeValue(null, "ContentType");
                    switch (xml.getLocalName()) {
                        case "Default" -> defaults.put(attribute(xml, "Extension").toLowerCase(Locale.ROOT), type);
                        case "Override" -> overrides.put(attribute(xml, "PartName"), type);
                        default -> throw notPlain();
                    }
                }
            } finally {
                xml.close();
            }
            for (String name : parts.keySet()) {
                if (name.equals("[Content_Types].xml")) {
                    continue;
                }
                String type = overrides.get("/" + name);
                if (type == null) {
                    int dot = name.lastIndexOf('.');
                    type = defaults.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
                }
                String expected = CONTENT_TYPE.get(kind(name));
                if (type == null || (expected != null && !expected.equals(type))) {
                    throw notPlain();
                }
            }
        }

        /** The key of {@link #CONTENT_TYPE} for a plain part's name (null: a printer's settings, any type). */
        private static String kind(String name) {
            if (name.endsWith(".rels")) {
                return "rels";
            }
            if (name.startsWith("docProps/")) {
                return name.substring("docProps/".length(), name.length() - ".xml".length());
            }
            if (name.startsWith("xl/worksheets/")) {
                return "sheet";
            }
            if (name.startsWith("xl/theme/")) {
                return "theme";
            }
            if (name.startsWith("xl/printerSettings/")) {
                return null;
            }
            return name.substring("xl/".length(), name.length() - ".xml".length());
        }

        /** A relationships part (absent: none); targets resolved against {@code base}, plain relative names only. */
        private Map<String, Rel> rels(String name, String base) throws NotPlain, XMLStreamException {
            Map<String, Rel> rels = new HashMap<>();
            byte[] content = parts.get(name);
            if (content == null) {
                return rels;
            }
            XMLStreamReader xml = open(content, RELS, "Relationships");
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if (!xml.getLocalName().equals("Relationship") || xml.getAttributeValue(null, "TargetMode") != null) {
                        throw notPlain();
                    }
                    String target = attribute(xml, "Target");
                    if (target.startsWith("/")) {
                        target = target.substring(1);
                    } else {
                        target = base + target;
                    }
                    if (!PLAIN_PART.matcher(target).matches()) {
                        throw notPlain();
                    }
                    if (rels.put(attribute(xml, "Id"), new Rel(attribute(xml, "Type"), target)) != null) {
                        throw notPlain();
                    }
                }
            } finally {
                xml.close();
            }
            return rels;
        }

        /**
         * The document properties POI checks when it opens the package: only the usual
         * elements, no language attributes, dates in the W3CDTF form with their type.
         */
        private void coreProperties(String name) throws NotPlain, XMLStreamException {
            if (!name.equals("docProps/core.xml")) {
                throw notPlain();
            }
            XMLStreamReader xml = open(part(name),
                    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties", "coreProperties");
            try {
                for (int i = 0; i < xml.getNamespaceCount(); i++) {
                    if ("http://schemas.openxmlformats.org/markup-compatibility/2006".equals(xml.getNamespaceURI(i))) {
                        throw notPlain();
                    }
                }
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String local = xml.getLocalName();
                    if (xml.getNamespaceCount() > 0 || xml.getAttributeCount() > (isDate(local) ? 1 : 0)) {
                        throw notPlain();
                    }
                    switch (local) {
                        case "created", "modified" -> {
                            if (!"dcterms:W3CDTF".equals(xml.getAttributeValue(
                                    "http://www.w3.org/2001/XMLSchema-instance", "type"))
                                    || !date(xml.getElementText())) {
                                throw notPlain();
                            }
                        }
                        case "lastPrinted" -> {
                            if (!date(xml.getElementText())) {
                                throw notPlain();
                            }
                        }
                        case "category", "contentStatus", "creator", "description", "identifier", "keywords",
                             "language", "lastModifiedBy", "revision", "subject", "title", "version" -> {
                            if (xml.getAttributeCount() > 0) {
                                throw notPlain();
                            }
                            xml.getElementText(); // text only, no child elements
                        }
                        default -> throw notPlain();
                    }
                }
            } finally {
                xml.close();
            }
        }

        /** A date POI reads as surely as we do. */
        private static boolean date(String text) {
            if (!W3CDTF.matcher(text).matches()) {
                return false;
            }
            try {
                Instant.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        private static boolean isDate(String local) {
            return local.equals("created") || local.equals("modified");
        }

        /** A part whose root must be {@code ns}:{@code local}; its content is not needed. */
        private void root(byte[] content, String ns, String local) throws NotPlain, XMLStreamException {
            open(content, ns, local).close();
        }

        /** The number format of each cell format ({@code cellXfs}) and the custom formats. */
        private void styles(byte[] content) throws NotPlain, XMLStreamException {
            XMLStreamReader xml = open(content, MAIN, "styleSheet");
            Set<String> sections = new HashSet<>();
            try {
                String section = "";
                int depth = 1;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                        if (depth == 1) {
                            section = "";
                        }
                        continue;
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    depth++;
                    if (depth == 2) {
                        section = xml.getLocalName();
                        if (!sections.add(section)) {
                            throw notPlain(); // a second <numFmts> or <cellXfs>: POI reads the first only
                        }
                    } else if (depth == 3 && section.equals("numFmts") && xml.getLocalName().equals("numFmt")) {
                        int id = smallInt(attribute(xml, "numFmtId"));
                        if (numFmts.put(id, attribute(xml, "formatCode")) != null) {
                            throw notPlain();
                        }
                    } else if (depth == 3 && section.equals("cellXfs") && xml.getLocalName().equals("xf")) {
                        String id = xml.getAttributeValue(null, "numFmtId");
                        xfFormats.add(id == null ? 0 : smallInt(id));
                    }
                }
            } finally {
                xml.close();
            }
        }

        /** A number POI keeps in a {@code short}: 0…32767, digits only. */
        private static int smallInt(String text) throws NotPlain {
            if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
                throw notPlain();
            }
            int n = Integer.parseInt(text);
            if (n > Short.MAX_VALUE) {
                throw notPlain();
            }
            return n;
        }

        /** The shared strings: a plain text, or rich text runs (their phonetic guides are not text). */
        private void sharedStrings(byte[] content) throws NotPlain, XMLStreamException {
            XMLStreamReader xml = open(content, MAIN, "sst");
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        if (!xml.getLocalName().equals("si")) {
                            throw notPlain();
                        }
                        strings.add(richText(xml));
                    }
                }
            } finally {
                xml.close();
            }
        }

        /**
         * The text of a string item ({@code <si>} or a cell's {@code <is>}) as POI gives it: its
         * {@code <t>}, or its runs' texts one after the other. One {@code <t>} or runs, never
         * both, never none; an {@code _xHHHH_} escape is left to POI.
         */
        private static String richText(XMLStreamReader xml) throws NotPlain, XMLStreamException {
            String plain = null;
            StringBuilder runs = null;
            int depth = 0;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String local = xml.getLocalName();
                if (depth == 0 && local.equals("t")) {
                    if (plain != null || runs != null) {
                        throw notPlain();
                    }
                    plain = xml.getElementText();
                } else if (depth == 0 && local.equals("r")) {
                    if (plain != null) {
                        throw notPlain();
                    }
                    if (runs == null) {
                        runs = new StringBuilder();
                    }
                    runs.append(run(xml));
                } else if (depth == 0 && (local.equals("rPh") || local.equals("phoneticPr"))) {
                    skip(xml);
                } else {
                    throw notPlain();
                }
            }
            String text = plain != null ? plain : runs == null ? null : runs.toString();
            if (text == null || text.contains("_x")) {
                throw notPlain();
            }
            return text;
        }

        /** One rich text run: its formatting skipped, its one {@code <t>} read. */
        private static String run(XMLStreamReader xml) throws NotPlain, XMLStreamException {
            String text = null;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getLocalName().equals("t") && text == null) {
                    text = xml.getElementText();
                } else if (xml.getLocalName().equals("rPr")) {
                    skip(xml);
                } else {
                    throw notPlain();
                }
            }
            if (text == null) {
                throw notPlain();
            }
            return text;
        }

        /** Skips the element the reader is on, with its content. */
        private static void skip(XMLStreamReader xml) throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        /** The sheets of workbook.xml, in order, each read from its part. */
        private List<Grid.Sheet> workbook(byte[] content, Map<String, Rel> rels) throws NotPlain, XMLStreamException {
            record Entry(String name, boolean hidden, String part) {
            }
            List<Entry> entries = new ArrayList<>();
            Set<String> sections = new HashSet<>();
            XMLStreamReader xml = open(content, MAIN, "workbook");
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if ((xml.getLocalName().equals("workbookPr") || xml.getLocalName().equals("sheets"))
                            && !sections.add(xml.getLocalName())) {
                        throw notPlain(); // POI reads the first only
                    }
                    switch (xml.getLocalName()) {
                        case "workbookPr" -> date1904 = bool(xml.getAttributeValue(null, "date1904"));
                        case "sheet" -> {
                            String state = xml.getAttributeValue(null, "state");
                            if (state != null && !state.equals("visible") && !state.equals("hidden")
                                    && !state.equals("veryHidden")) {
                                throw notPlain();
                            }
                            String id = xml.getAttributeValue(REL, "id");
                            Rel rel = id == null ? null : rels.get(id);
                            if (rel == null || !rel.type().equals(OFFICE_REL + "worksheet")) {
                                throw notPlain(); // a chart sheet, or a sheet POI would skip
                            }
                            entries.add(new Entry(attribute(xml, "name"), state != null && !state.equals("visible"),
                                    rel.target()));
                        }
                        case "externalReferences", "pivotCaches" -> throw notPlain();
                        default -> {
                        }
                    }
                }
            } finally {
                xml.close();
            }
            List<Grid.Sheet> sheets = new ArrayList<>();
            for (Entry e : entries) {
                Map<String, Rel> sheetRels = rels(e.part().replace("xl/worksheets/", "xl/worksheets/_rels/") + ".rels",
                        "xl/worksheets/");
                for (Rel rel : sheetRels.values()) {
                    if (!rel.type().equals(OFFICE_REL + "printerSettings")) {
                        throw notPlain();
                    }
                }
                sheets.add(sheet(e.name(), e.hidden(), part(e.part())));
            }
            return sheets;
        }

        /** XMLBeans' boolean: absent or 0/false is false, 1/true is true. */
        private static boolean bool(String text) throws NotPlain {
            if (text == null || text.equals("0") || text.equals("false")) {
                return false;
            }
            if (text.equals("1") || text.equals("true")) {
                return true;
            }
            throw notPlain();
        }

        private Sheet sheet(String name, boolean hidden, byte[] content) throws NotPlain, XMLStreamException {
            TreeMap<Integer, TreeMap<Integer, CellValue>> rows = new TreeMap<>();
            List<CellRangeAddress> merged = new ArrayList<>();
            List<int[]> colStyles = new ArrayList<>();
            List<RawCell> raw = new ArrayList<>();
            XMLStreamReader xml = open(content, MAIN, "worksheet");
            Set<String> seen = new HashSet<>();
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String local = xml.getLocalName();
                    // A second <sheetData> or <mergeCells>: POI reads the first only; left to it.
                    if (!SHEET_PARTS.contains(local) || (!local.equals("conditionalFormatting") && !seen.add(local))) {
                        throw notPlain();
                    }
                    switch (local) {
                        case "cols" -> cols(xml, colStyles);
                        case "sheetData" -> sheetData(xml, rows, raw);
                        case "mergeCells" -> mergeCells(xml, merged);
                        default -> skip(xml);
                    }
                }
            } finally {
                xml.close();
            }
            // Values need the column styles, which may come before or after the data.
            for (RawCell c : raw) {
                rows.get(c.row).put(c.column, value(c, colStyles));
            }
            return new Sheet(name, hidden, rows, merged);
        }

        /** Column ranges and their styles ({@code min}, {@code max}, 1-based; {@code style}). */
        private static void cols(XMLStreamReader xml, List<int[]> colStyles) throws NotPlain, XMLStreamException {
            int lastMax = 0;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("cols")) {
                        return;
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!xml.getLocalName().equals("col")) {
                    throw notPlain();
                }
                int min = positive(attribute(xml, "min"));
                int max = positive(attribute(xml, "max"));
                if (min > max || min <= lastMax || max > 16384) {
                    throw notPlain(); // overlapping or unordered ranges: POI's ColumnHelper merges them its own way
                }
                lastMax = max;
                String style = xml.getAttributeValue(null, "style");
                colStyles.add(new int[] {min, max, style == null ? 0 : smallInt(style)});
            }
        }

        private static int positive(String text) throws NotPlain {
            if (text.isEmpty() || text.length() > 7 || !text.chars().allMatch(Character::isDigit)) {
                throw notPlain();
            }
            int n = Integer.parseInt(text);
            if (n < 1) {
                throw notPlain();
            }
            return n;
        }

        private static void mergeCells(XMLStreamReader xml, List<CellRangeAddress> merged)
                throws NotPlain, XMLStreamException {
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("mergeCells")) {
                        return;
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String ref = attribute(xml, "ref");
                if (!xml.getLocalName().equals("mergeCell") || !RANGE.matcher(ref).matches()) {
                    throw notPlain();
                }
                merged.add(CellRangeAddress.valueOf(ref));
            }
        }

        /** A cell as the file has it, typed later (the column styles may follow the data). */
        private record RawCell(int row, int column, String type, Integer style, boolean formula, String v,
                               String inline) {
        }

        private void sheetData(XMLStreamReader xml, TreeMap<Integer, TreeMap<Integer, CellValue>> rows,
                               List<RawCell> raw) throws NotPlain, XMLStreamException {
            int lastRow = -1;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return; // </sheetData>: rows are read whole below
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!xml.getLocalName().equals("row")) {
                    throw notPlain();
                }
                String r = xml.getAttributeValue(null, "r");
                if (r == null) {
                    throw notPlain(); // POI numbers such rows itself
                }
                int row = positive(r) - 1;
                if (row <= lastRow || row > 1_048_575) {
                    throw notPlain();
                }
                lastRow = row;
                rows.put(row, new TreeMap<>());
                row(xml, row, raw);
            }
        }

        private void row(XMLStreamReader xml, int row, List<RawCell> raw) throws NotPlain, XMLStreamException {
            int lastColumn = -1;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return; // </row>
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!xml.getLocalName().equals("c")) {
                    throw notPlain();
                }
                String ref = xml.getAttributeValue(null, "r");
                var m = ref == null ? null : CELL_REF.matcher(ref);
                if (m == null || !m.matches()) {
                    throw notPlain(); // POI numbers such cells itself
                }
                int column = column(m.group(1));
                if (column <= lastColumn || column > 16383) {
                    throw notPlain();
                }
                lastColumn = column;
                String type = xml.getAttributeValue(null, "t");
                String s = xml.getAttributeValue(null, "s");
                Integer style = s == null ? null : smallInt(s);
                boolean formula = false;
                String v = null;
                String inline = null;
                while (true) {
                    int e = xml.next();
                    if (e == XMLStreamConstants.END_ELEMENT) {
                        break; // </c>
                    }
                    if (e != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    switch (xml.getLocalName()) {
                        case "f" -> {
                            String t = xml.getAttributeValue(null, "t");
                            if (formula || (t != null && !t.equals("normal") && !t.equals("shared"))) {
                                throw notPlain(); // array and data-table formulas: POI's own rules
                            }
                            formula = true;
                            xml.getElementText();
                        }
                        case "v" -> {
                            if (v != null) {
                                throw notPlain();
                            }
                            v = xml.getElementText();
                        }
                        case "is" -> {
                            if (inline != null) {
                                throw notPlain();
                            }
                            inline = richText(xml);
                        }
                        case "extLst" -> skip(xml);
                        default -> throw notPlain();
                    }
                }
                raw.add(new RawCell(row, column, type, style, formula, v, inline));
            }
        }

        private static int column(String letters) {
            int n = 0;
            for (int i = 0; i < letters.length(); i++) {
                n = n * 26 + (letters.charAt(i) - 'A' + 1);
            }
            return n - 1;
        }

        /** What {@link CellReader#read(org.apache.poi.ss.usermodel.Cell, int, int)} gives for this cell. */
        private CellValue value(RawCell c, List<int[]> colStyles) throws NotPlain {
            String ref = CellRef.of(c.row, c.column);
            String t = c.type == null ? "n" : c.type;
            if (!t.equals("n") && !t.equals("s") && !t.equals("str") && !t.equals("inlineStr") && !t.equals("b")
                    && !t.equals("e")) {
                throw notPlain(); // "d" and unknown types: POI fails on them its own way
            }
            if (c.inline != null && !t.equals("inlineStr")) {
                throw notPlain();
            }
            if (c.formula && c.v == null) {
                return new CellValue(CellValue.Kind.NO_CACHED_VALUE, null, "", null, ref);
            }
            return switch (t) {
                case "n" -> {
                    if (c.v == null) {
                        yield new CellValue(CellValue.Kind.BLANK, null, "", null, ref);
                    }
                    double d;
                    try {
                        d = c.v.isEmpty() ? 0.0 : Double.parseDouble(c.v);
                    } catch (NumberFormatException e) {
                        d = Double.NaN;
                    }
                    if (!Double.isFinite(d)) {
                        yield new CellValue(CellValue.Kind.TEXT, null, c.v.strip(), null, ref);
                    }
                    if (isDate(d, c, colStyles)) {
                        LocalDateTime date = DateUtil.getLocalDateTime(d, date1904);
                        if (date == null) {
                            throw notPlain();
                        }
                        yield new CellValue(CellValue.Kind.DATE, null, "", date.toLocalDate(), ref);
                    }
                    yield new CellValue(CellValue.Kind.NUMBER, CellReader.number(d), "", null, ref);
                }
                case "s" -> new CellValue(CellValue.Kind.TEXT, null, shared(c.v), null, ref);
                case "str" -> new CellValue(CellValue.Kind.TEXT, null, decoded(c.v == null ? "" : c.v), null, ref);
                case "inlineStr" -> new CellValue(CellValue.Kind.TEXT, null,
                        c.inline != null ? c.inline : decoded(c.v == null ? "" : c.v), null, ref);
                case "b" -> new CellValue(CellValue.Kind.BOOLEAN, null, String.valueOf("1".equals(c.v)), null, ref);
                default -> new CellValue(CellValue.Kind.ERROR, null, error(c.v), null, ref);
            };
        }

        /** A shared string by its index; an index POI cannot follow reads as "" there too. */
        private String shared(String v) {
            if (v == null) {
                return "";
            }
            try {
                int i = Integer.parseInt(v);
                return i >= 0 && i < strings.size() ? strings.get(i) : "";
            } catch (NumberFormatException e) {
                return "";
            }
        }

        private static String decoded(String text) throws NotPlain {
            if (text.contains("_x")) {
                throw notPlain();
            }
            return text;
        }

        private static String error(String v) throws NotPlain {
            if (v == null) {
                return FormulaError.forInt(0).getString();
            }
            try {
                return FormulaError.forInt(FormulaError.forString(v).getCode()).getString();
            } catch (IllegalArgumentException e) {
                throw notPlain(); // POI fails on an unknown error code
            }
        }

        /**
         * Whether POI's {@code DateUtil.isCellDateFormatted} says so: the cell's own format, or
         * (without one, or one out of range) its column's, or the first; none when there is none.
         */
        private boolean isDate(double d, RawCell c, List<int[]> colStyles) throws NotPlain {
            if (!DateUtil.isValidExcelDate(d)) {
                return false;
            }
            Integer xf = null;
            if (!xfFormats.isEmpty() && c.style != null && c.style < xfFormats.size()) {
                xf = c.style;
            }
            if (xf == null) {
                int column = 0;
                for (int[] col : colStyles) {
                    if (col[0] <= c.column + 1 && c.column + 1 <= col[1]) {
                        column = col[2];
                    }
                }
                xf = column < xfFormats.size() ? column : null;
            }
            if (xf == null) {
                return false;
            }
            int format = xfFormats.get(xf);
            String code = numFmts.containsKey(format) ? numFmts.get(format) : BuiltinFormats.getBuiltinFormat(format);
            return DateUtil.isADateFormat(format, code);
        }

        /** A reader on {@code content}, moved to its root element, which must be {@code ns}:{@code local}. */
        private XMLStreamReader open(byte[] content, String ns, String local) throws NotPlain, XMLStreamException {
            XMLStreamReader xml = new Checked(XML.createXMLStreamReader(new ByteArrayInputStream(content)),
                    names.get(content));
            while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                if (xml.getEventType() == XMLStreamConstants.DTD) {
                    throw notPlain();
                }
            }
            if (!xml.isStartElement() || !ns.equals(xml.getNamespaceURI()) || !local.equals(xml.getLocalName())) {
                xml.close();
                throw notPlain();
            }
            return xml;
        }

        /**
         * A part read under the pre-check's rules ({@link OoxmlPrecheck}), as it would count them:
         * any DTD, any element of a Strict namespace, or more rows, cells or strings of
         * SpreadsheetML than the limits, and the file is left to the pre-check; a part read to its
         * end is one it need not read again.
         */
        private final class Checked extends StreamReaderDelegate {
            private final String part;
            private int rows;
            private int cells;
            private int strings;

            Checked(XMLStreamReader reader, String part) {
                super(reader);
                this.part = part;
            }

            @Override
            public int next() throws XMLStreamException {
                int event = super.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String ns = getNamespaceURI();
                    if (ns != null && ns.startsWith(OoxmlPrecheck.STRICT)) {
                        throw new Unchecked();
                    }
                    if (OoxmlPrecheck.MAIN.equals(ns)) {
                        switch (getLocalName()) {
                            case "row" -> over(++rows > limits.maxRows());
                            case "c" -> over(++cells > limits.maxCells());
                            case "si" -> over(++strings > limits.maxSharedStrings());
                            default -> {
                            }
                        }
                    }
                } else if (event == XMLStreamConstants.DTD) {
                    throw new Unchecked();
                } else if (event == XMLStreamConstants.END_DOCUMENT && part != null) {
                    readWhole.add(part);
                }
                return event;
            }

            private void over(boolean over) throws Unchecked {
                if (over) {
                    throw new Unchecked();
                }
            }
        }

        private static String attribute(XMLStreamReader xml, String name) throws NotPlain {
            String value = xml.getAttributeValue(null, name);
            if (value == null) {
                throw notPlain();
            }
            return value;
        }
    }

    /** One sheet read: its rows (each a map of column to value) and merged ranges. */
    private record Sheet(String name, boolean hidden, TreeMap<Integer, TreeMap<Integer, CellValue>> rows,
                         List<CellRangeAddress> mergedRegions) implements Grid.Sheet {
        @Override
        public int firstRowNum() {
            return rows.isEmpty() ? -1 : rows.firstKey();
        }

        @Override
        public int lastRowNum() {
            return rows.isEmpty() ? -1 : rows.lastKey();
        }

        @Override
        public int physicalRows() {
            return rows.size();
        }

        @Override
        public boolean hasRow(int row) {
            return rows.containsKey(row);
        }

        @Override
        public int firstCellNum(int row) {
            TreeMap<Integer, CellValue> cells = rows.get(row);
            return cells == null || cells.isEmpty() ? -1 : cells.firstKey();
        }

        @Override
        public int lastCellNum(int row) {
            TreeMap<Integer, CellValue> cells = rows.get(row);
            return cells == null || cells.isEmpty() ? -1 : cells.lastKey() + 1;
        }

        @Override
        public CellValue cell(int row, int column) {
            TreeMap<Integer, CellValue> cells = rows.get(row);
            CellValue value = cells == null ? null : cells.get(column);
            return value != null ? value : new CellValue(CellValue.Kind.BLANK, null, "", null, CellRef.of(row, column));
        }
    }
}
