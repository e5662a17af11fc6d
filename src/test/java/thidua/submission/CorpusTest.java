package thidua.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import thidua.corpus.Corpus;
import thidua.corpus.Corpus.Case;
import thidua.corpus.Corpus.Outcome;
import thidua.corpus.Corpus.Problem;
import thidua.corpus.Corpus.Value;
import thidua.files.Sha256;
import thidua.scoring.ReportedValue;
import thidua.workbook.Grid;
import thidua.workbook.Samples;
import thidua.workbook.UnreadableWorkbookException;
import thidua.workbook.WorkbookFiles;
import thidua.workbook.WorkbookLimits;

/**
 * Every case of the {@link Corpus}, one test each: the file is written to a temporary
 * folder, opened the way the import opens it ({@link WorkbookFiles#read} with the default
 * limits, which the over-limit cases exceed) and read against the sample scheme by
 * {@link SubmissionReader} (hence in its package; CorpusImportTest imports the same cases).
 */
class CorpusTest {
    /** The same bounds as the import's (thidua.max-file-bytes, thidua.max-rows). */
    private static final WorkbookLimits LIMITS = WorkbookLimits.DEFAULT;
    /** What a message must never show: "NumberFormatException", "POIXMLException", "java.io…". */
    static final java.util.regex.Pattern JAVA_CLASS =
            java.util.regex.Pattern.compile("[A-Za-z]+(Exception|Error)\\b|\\bjava\\.|\\borg\\.apache");

    /** The errors of FORMATS.md §2, each of which some case must produce. */
    private static final List<String> REQUIRED_CODES = List.of(
            "E-UNIT-UNKNOWN", "E-PERIOD-UNKNOWN", "E-SHEET-MISSING", "E-HEADER-MISSING",
            "E-INDICATOR-UNKNOWN", "E-INDICATOR-DUPLICATE", "E-INDICATOR-MISSING",
            "E-VALUE-BLANK", "E-VALUE-NEGATIVE", "E-VALUE-NOT-INTEGER", "E-VALUE-NOT-NUMBER", "E-VALUE-ERROR-CELL",
            "E-VALUE-NO-CACHED", "E-RATE-NUMERATOR-GT", "E-POINTS-RANGE",
            "E-FILE-NOT-SPREADSHEET", "E-FILE-ENCRYPTED", "E-FILE-TOO-LARGE", "E-FILE-TOO-MANY-ROWS",
            "E-FILE-UNSAFE", "E-FILE-EMPTY", "E-FILE-MACRO",
            "W-INDICATOR-NOT-APPLICABLE", "W-VALUE-JUMP");

    /** The situations the issue names, each of which must be a case of its own. */
    private static final List<String> REQUIRED_CASES = List.of(
            "rate-above-100-current", "rate-above-100-baseline", "points-above-max", "points-below-zero",
            "csv-named-xlsx", "pdf-named-xlsx", "html-table-named-xls", "password-protected-xlsx",
            "over-size-limit", "too-many-rows-xlsx", "zip-bomb", "external-entity", "duplicate-zip-entry",
            "empty-file", "macro-enabled-xlsm", "error-cell-div0", "formula-without-cached-value",
            "labels-without-diacritics", "labels-in-nfd", "labels-in-other-case", "header-in-row-30",
            "merged-header-cells", "section-title-and-footer-rows", "extra-columns", "hidden-and-extra-sheets",
            "formula-cached-values", "thousands-with-dot", "thousands-with-comma", "thousands-with-space",
            "thousands-with-no-break-space", "legacy-xls", "xlsx-named-xls", "xlsx-named-dat",
            "indicator-of-another-block", "tenfold-jump", "every-value-error-at-once");

    @TempDir
    Path dir;

    static Stream<Case> cases() {
        return Corpus.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseGivesExactlyItsOutcome(Case c) throws IOException {
        Path file = c.writeInto(dir);
        assertOutcome(read(file), c);
    }

    /** Reads a file the way the import does; an unreadable file gives its one finding. */
    static ParsedSubmission read(Path file) throws IOException {
        try (Grid workbook = WorkbookFiles.read(file, LIMITS)) {
            return SubmissionReader.read(workbook, Samples.schemes());
        } catch (UnreadableWorkbookException e) {
            return ParsedSubmission.unreadable(e.finding());
        }
    }

    static void assertOutcome(ParsedSubmission parsed, Case c) {
        Outcome expected = c.expected();
        String name = c.name() + " (" + c.fileName() + ")";
        assertThat(parsed.findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank()
                .as(name + ": a sentence, never a Java class name").doesNotContainPattern(JAVA_CLASS));
        assertThat(parsed.findings()).as(name + ": findings (errors and warnings)")
                .extracting(f -> new Problem(f.code(), f.sheet(), f.cell()))
                .containsExactlyInAnyOrderElementsOf(expected.findings());
        assertThat(parsed.accepted()).as(name + ": accepted").isEqualTo(expected.accepted());
        if (expected.accepted()) {
            assertThat(parsed.warnings()).hasSameSizeAs(parsed.findings());
            assertThat(parsed.unitCode()).isEqualTo("PC08");
            assertThat(parsed.periodCode()).isEqualTo("2024");
            Map<String, Value> values = Corpus.expectedValues(expected);
            assertThat(parsed.values().keySet()).containsExactlyInAnyOrderElementsOf(values.keySet());
            values.forEach((code, v) -> {
                ReportedValue r = parsed.values().get(code);
                assertThat(r.current()).as(name + ": " + code + " Kỳ này").isEqualByComparingTo(v.current());
                if (v.baseline() == null) {
                    assertThat(r.baseline()).as(name + ": " + code + " Cùng kỳ").isNull();
                } else {
                    assertThat(r.baseline()).as(name + ": " + code + " Cùng kỳ").isEqualByComparingTo(v.baseline());
                }
            });
        } else {
            assertThat(parsed.errors()).hasSameSizeAs(parsed.findings());
        }
    }

    // ------------------------------------------------------------------ the catalogue itself

    @Test
    void theCorpusHasAtLeast40CasesWithUniqueNamesAndFileNames() {
        List<Case> cases = Corpus.cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases).extracting(Case::name).doesNotHaveDuplicates();
        assertThat(cases).extracting(Case::fileName).doesNotHaveDuplicates()
                // written beside the samples by the import test: no name may clash
                .doesNotContainAnyElementsOf(sampleFileNames());
        assertThat(cases).filteredOn(c -> c.expected().accepted()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(cases).filteredOn(c -> !c.expected().accepted()).hasSizeGreaterThanOrEqualTo(25)
                .allSatisfy(c -> assertThat(c.expected().findings()).isNotEmpty());
    }

    @Test
    void everyErrorAndWarningOfTheFormatAppearsInSomeCase() {
        Set<String> codes = Corpus.cases().stream().flatMap(c -> c.expected().findings().stream())
                .map(Problem::code).collect(Collectors.toSet());
        assertThat(codes).containsAll(REQUIRED_CODES);
        assertThat(Corpus.cases()).extracting(Case::name).containsAll(REQUIRED_CASES);
    }

    @Test
    void acceptedCasesArriveBeforeTheRealSampleAndRejectedOnesAfterIt() {
        var sample = Corpus.sample().arrival();
        assertThat(Corpus.cases()).allSatisfy(c -> {
            if (c.expected().accepted()) {
                assertThat(c.arrival()).as(c.name()).isBefore(sample);
            } else {
                assertThat(c.arrival()).as(c.name()).isAfter(sample);
            }
        });
    }

    @Test
    void noTwoFilesOfTheCorpusAreByteIdentical() throws IOException {
        Set<String> hashes = new HashSet<>();
        for (Path file : Corpus.writeInbox(dir, true)) {
            assertThat(hashes.add(Sha256.of(file))).as("%s is a copy of another file", file.getFileName())
                    .isTrue();
        }
        assertThat(hashes).hasSize(Corpus.cases().size() + sampleFileNames().size());
    }

    private static List<String> sampleFileNames() {
        try (Stream<Path> list = Files.list(Samples.DIR.resolve("2024"))) {
            return list.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
