package thidua.samples;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import thidua.samples.SampleProvince.Criterion;
import thidua.samples.SampleProvince.Submission;

import static org.assertj.core.api.Assertions.assertThat;

class SampleGeneratorTest {

    @TempDir
    static Path out;

    @BeforeAll
    static void generate() throws IOException {
        SampleGenerator.generate(out);
    }

    @Test
    void schemeHasEverySheetWithItsHeader() throws IOException {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("Kỳ báo cáo", List.of("Mã kỳ", "Tên kỳ", "Từ ngày", "Đến ngày", "Hạn nộp"));
        headers.put("Khối", List.of("Mã khối", "Tên khối"));
        headers.put("Đơn vị", List.of("Mã đơn vị", "Tên đơn vị", "Loại", "Mã khối", "Email"));
        headers.put("Chỉ tiêu", List.of("Mã chỉ tiêu", "Nội dung", "Đơn vị tính", "Kiểu", "Áp dụng cho khối"));
        headers.put("Tiêu chí", List.of("Mã tiêu chí", "Nội dung", "Nhóm", "Cách tính", "Chỉ tiêu", "Mục tiêu (%)",
                "Điểm tối đa", "Áp dụng cho khối"));
        headers.put("Chỉ tiêu đăng ký", List.of("Mã đơn vị", "Mã tiêu chí", "Mục tiêu (%)"));
        headers.put("Xếp loại", List.of("Xếp loại", "Điểm từ"));
        headers.put("Khen thưởng", List.of("Hình thức", "Hạng tối đa", "Xếp loại tối thiểu"));

        try (Workbook wb = open(out.resolve(SampleProvince.SCHEME_FILE))) {
            Sheet general = wb.getSheet("Chung");
            assertThat(general).isNotNull();
            assertThat(column(general, 0)).containsExactly("Năm thi đua", "Tên phong trào", "Thang điểm",
                    "Điểm thưởng tối đa", "Điểm trừ tối đa", "Điểm trừ nộp muộn");
            assertThat(general.getRow(0).getCell(1).getNumericCellValue()).isEqualTo(2024);
            assertThat(general.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Vì an ninh Tổ quốc");

            headers.forEach((name, labels) -> {
                Sheet sheet = wb.getSheet(name);
                assertThat(sheet).as(name).isNotNull();
                assertThat(texts(sheet.getRow(0))).as(name).containsExactlyElementsOf(labels);
            });
            assertThat(wb.getSheet("Đơn vị").getLastRowNum()).isEqualTo(SampleProvince.units().size());
            assertThat(wb.getSheet("Tiêu chí").getLastRowNum()).isEqualTo(SampleProvince.criteria().size());
            // one period with date cells, the other with dd/mm/yyyy text
            assertThat(wb.getSheet("Kỳ báo cáo").getRow(1).getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(wb.getSheet("Kỳ báo cáo").getRow(2).getCell(4).getStringCellValue()).isEqualTo("20/06/2024");
        }
    }

    @Test
    void schemeIsConsistent() {
        for (Criterion c : SampleProvince.criteria()) {
            for (String code : c.indicatorCodes()) {
                SampleProvince.Indicator indicator = SampleProvince.indicator(code);
                for (SampleProvince.Block b : SampleProvince.blocks()) {
                    if (c.appliesTo(b.code())) {
                        assertThat(indicator.appliesTo(b.code())).as(c.code() + " in " + b.code()).isTrue();
                    }
                }
            }
        }
        for (SampleProvince.Block b : SampleProvince.blocks()) {
            assertThat(SampleProvince.criteriaFor(b.code()).stream()
                    .filter(c -> !c.rule().equals("THUONG") && !c.rule().equals("TRU")))
                    .as(b.code()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void manifestListsEverySubmissionFileOnce() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(out.resolve("2024"))) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).hasSize(SampleProvince.submissions().size()).hasSize(35);

        List<String> lines = Files.readAllLines(out.resolve(SampleProvince.MANIFEST_FILE));
        assertThat(lines.get(0)).isEqualTo("file\tarrival");
        List<String> listed = lines.subList(1, lines.size()).stream().map(l -> l.split("\t")[0]).toList();
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files);

        Map<String, OffsetDateTime> arrivals = ArrivalManifest.read(out.resolve(SampleProvince.MANIFEST_FILE));
        for (String file : files) {
            assertThat(Files.getLastModifiedTime(out.resolve("2024").resolve(file)).toInstant())
                    .as(file).isEqualTo(arrivals.get(file).toInstant());
        }
        assertThat(arrivals.get("PC02-2024.xlsx")).isBefore(arrivals.get("PC02-2024-lan2.xlsx"));
    }

    @Test
    void specialCasesArePresent() {
        assertThat(SampleProvince.missingUnits()).containsExactly("CAH.LG", "PV03");
        assertThat(SampleProvince.submissions().stream().filter(Submission::late).map(Submission::unitCode))
                .containsExactly("CAH.TK");
        assertThat(SampleProvince.submissions().stream().filter(s -> !s.valid()).map(Submission::unitCode))
                .containsExactlyInAnyOrder("PA05", "PC04");
        assertThat(SampleProvince.countedSubmissions().get("PC02").fileName()).isEqualTo("PC02-2024-lan2.xlsx");
    }

    @Test
    void validSamplesKeepEveryRateAtOrBelowHundredPercent() throws IOException {
        for (Submission s : SampleProvince.submissions()) {
            Map<String, BigDecimal[]> read = readFigures(out.resolve("2024").resolve(s.fileName()));
            assertThat(read.keySet()).as(s.fileName())
                    .containsAll(SampleProvince.indicatorsFor(SampleProvince.unit(s.unitCode()).blockCode())
                            .stream().map(SampleProvince.Indicator::code).toList());
            if (!s.valid()) {
                continue;
            }
            for (Criterion c : SampleProvince.criteria()) {
                if (!c.isRate() || !c.appliesTo(SampleProvince.unit(s.unitCode()).blockCode())) {
                    continue;
                }
                for (int column = 0; column < 2; column++) {
                    BigDecimal n = sum(read, c.numerator(), column);
                    BigDecimal d = sum(read, c.denominator(), column);
                    assertThat(n).as(s.fileName() + " " + c.code() + " column " + column).isLessThanOrEqualTo(d);
                }
            }
        }
    }

    @Test
    void writtenValuesMatchTheModel() throws IOException {
        for (Submission s : SampleProvince.submissions()) {
            Map<String, BigDecimal[]> read = readFigures(out.resolve("2024").resolve(s.fileName()));
            s.values().forEach((code, v) -> {
                assertThat(read.get(code)[0]).as(s.fileName() + " " + code).isEqualByComparingTo(orNull(v.current()));
                assertThat(read.get(code)[1]).as(s.fileName() + " " + code).isEqualByComparingTo(orNull(v.baseline()));
            });
        }
    }

    /** An independent scoring after SCORING.md, to keep the samples' classifications varied. */
    @Test
    void scoresSpreadOverClassifications() {
        Map<String, BigDecimal> totals = new TreeMap<>();
        SampleProvince.countedSubmissions().forEach((unit, s) -> totals.put(unit, SampleOracle.total(s)));
        assertThat(totals.values()).anyMatch(t -> t.compareTo(BigDecimal.valueOf(90)) >= 0);
        assertThat(totals.values()).anyMatch(t -> t.compareTo(BigDecimal.valueOf(70)) < 0);
        long middle = totals.values().stream()
                .filter(t -> t.compareTo(BigDecimal.valueOf(70)) >= 0 && t.compareTo(BigDecimal.valueOf(90)) < 0)
                .count();
        assertThat(middle).isGreaterThanOrEqualTo(totals.size() / 2);
        // a deliberate tie inside block K2
        assertThat(totals.get("PA02")).isEqualByComparingTo(totals.get("PA09"));
    }

    // ------------------------------------------------------------------ helpers

    private static final BigDecimal NULL = new BigDecimal("-1");

    private static BigDecimal orNull(BigDecimal v) {
        return v == null ? NULL : v;
    }

    private static BigDecimal sum(Map<String, BigDecimal[]> read, List<String> codes, int column) {
        return codes.stream().map(c -> read.get(c)[column]).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Workbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return WorkbookFactory.create(in);
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        for (Cell cell : row) {
            texts.add(f.formatCellValue(cell));
        }
        return texts;
    }

    private static List<String> column(Sheet sheet, int column) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            texts.add(row.getCell(column).getStringCellValue());
        }
        return texts;
    }

    /** Code to {Kỳ này, Cùng kỳ} read back from a submission; blank is {@link #NULL}, text is parsed. */
    static Map<String, BigDecimal[]> readFigures(Path file) throws IOException {
        Map<String, BigDecimal[]> figures = new HashMap<>();
        try (Workbook wb = open(file)) {
            Sheet sheet = wb.getSheet("Chỉ tiêu");
            assertThat(texts(sheet.getRow(3))).containsExactly(SubmissionWorkbookWriter.HEADER);
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Cell code = row.getCell(1);
                if (code == null || code.getCellType() == CellType.BLANK || code.getStringCellValue().isBlank()) {
                    continue;
                }
                figures.put(code.getStringCellValue(), new BigDecimal[] {number(row.getCell(4)), number(row.getCell(5))});
            }
        }
        return figures;
    }

    private static BigDecimal number(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return NULL;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return new BigDecimal(Double.toString(cell.getNumericCellValue()));
        }
        String text = cell.getStringCellValue().trim();
        return text.contains(",") ? new BigDecimal(text.replace(".", "").replace(',', '.'))
                : new BigDecimal(text.replace(".", ""));
    }
}
