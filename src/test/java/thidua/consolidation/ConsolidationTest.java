package thidua.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.batch.BatchRuns;
import thidua.batch.RunResult;
import thidua.job.ExitCode;
import thidua.samples.SampleProvince;
import thidua.scheme.SchemeStore;
import thidua.testing.LateReturnedMissing;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaSpringTest;

/**
 * The period-end consolidation of a period with a unit on time, a late one, a returned one and
 * 33 that sent nothing: what its summary counts, what it records (the consolidation with its
 * scheme version, last submission and job; each unit's status, total, rank and grade), the
 * three outputs it writes, and when the period needs consolidating again.
 */
@ThiduaSpringTest
class ConsolidationTest {
    private static final String DATA_DIR = ThiduaSpringTest.DATA_DIR;
    private static final Path OUT = Path.of(DATA_DIR, "out").toAbsolutePath();

    @Autowired
    BatchRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsolidationStore store;
    @Autowired
    SchemeStore schemes;

    @BeforeEach
    void lateReturnedMissing() throws Exception {
        LateReturnedMissing.load(runs, jdbc, DATA_DIR);
    }

    @Test
    void theSummaryCountsRankedLateReturnedAndMissingUnitsAndEachUnitsStandIsRecorded() throws Exception {
        RunResult result = runs.consolidate("2024", OUT);

        assertThat(result.exitCode()).as(result.summary()).isEqualTo(ExitCode.COMPLETED);
        // A late unit has an accepted report: it is ranked (with its penalty) and counted as late too.
        assertThat(result.summary()).contains(
                "consolidate: 2024: 2 of 36 units ranked (1 late), 1 returned, 33 missing; outputs in ");
        assertThat(Files.list(OUT.resolve("2024")).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("bang-diem-2024.xlsx", "bao-cao-2024.pdf", "tong-hop-2024.xlsx");

        // The consolidation: its period, the scheme version that scored it, the last accepted file it saw, its job.
        long version = schemes.currentForPeriod("2024").orElseThrow().versionId();
        long lastAccepted = jdbc.sql("SELECT max(id) FROM submission WHERE status = 'ACCEPTED'").query(Long.class)
                .single();
        assertThat(jdbc.sql("""
                SELECT period_code || ' v' || scheme_version_id || ' last #' || last_submission_id || ' job '
                    || job_execution_id || ' ' || out_dir FROM consolidation""").query(String.class).list())
                .containsExactly("2024 v" + version + " last #" + lastAccepted + " job " + result.execution().getId()
                        + " " + OUT.resolve("2024"));

        // Every unit of the scheme, with the stand the rules give it.
        Map<String, String> stand = jdbc.sql("""
                SELECT unit_code, status || ' ' || coalesce(rank::text, '-') || ' ' || grade || ' '
                    || CASE WHEN total IS NULL THEN 'no total' ELSE 'total' END
                FROM unit_result""").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(stand).hasSize(LateReturnedMissing.UNITS)
                .containsOnlyKeys(SampleProvince.units().stream().map(u -> u.code()).toList());
        // Alone in their blocks, the two units that reported rank first there.
        assertThat(stand.get("PA01")).startsWith("SUBMITTED 1 ").endsWith(" total");
        assertThat(stand.get("PC08")).startsWith("LATE 1 ").endsWith(" total");
        assertThat(stand.get("PA05")).isEqualTo("RETURNED - Chưa báo cáo no total");
        assertThat(stand.values()).filteredOn(s -> s.equals("MISSING - Chưa báo cáo no total")).hasSize(33);
        assertThat(jdbc.sql("SELECT block_code FROM unit_result WHERE unit_code = 'PC08'").query(String.class).single())
                .isEqualTo(SampleProvince.unit("PC08").blockCode());
    }

    @Test
    void aPeriodIsStaleUntilConsolidatedAndAgainOnceAnotherReportIsAccepted() throws Exception {
        long version = schemes.currentForPeriod("2024").orElseThrow().versionId();
        assertThat(store.isStale("2024", version)).as("never consolidated").isTrue();
        assertThat(runs.consolidate("2024", OUT).ok()).isTrue();
        assertThat(store.isStale("2024", version)).as("just consolidated").isFalse();

        // PC01 reports, on time: the recorded consolidation no longer says how things stand.
        Path inbox = Files.createDirectories(Path.of(DATA_DIR).toAbsolutePath().resolve("inbox-2"));
        LateReturnedMissing.copy("PC01-2024.xlsx", inbox, TestSubmissions.ON_TIME);
        assertThat(runs.importInbox(inbox).summary()).isEqualTo("import: 1 accepted, 0 rejected, 0 duplicate");
        assertThat(store.isStale("2024", version)).as("a report accepted since").isTrue();

        RunResult again = runs.consolidate("2024", OUT);
        assertThat(again.summary()).contains("3 of 36 units ranked (1 late), 1 returned, 32 missing");
        assertThat(store.isStale("2024", version)).isFalse();
        // Both consolidations are kept, each with its own standings; the latest is the one shown.
        List<Long> ids = jdbc.sql("SELECT id FROM consolidation ORDER BY id").query(Long.class).list();
        assertThat(ids).hasSize(2);
        assertThat(store.last("2024").orElseThrow().id()).isEqualTo(ids.get(1));
        assertThat(jdbc.sql("SELECT status FROM unit_result WHERE unit_code = 'PC01' ORDER BY consolidation_id")
                .query(String.class).list()).containsExactly("MISSING", "SUBMITTED");
    }

    /**
     * Unchanged data gives the same outputs, "Lập lúc" included, however much later it is
     * consolidated again: so they are the same files, and delivery sends nothing new (OPERATIONS.md,
     * Distribution). A file that arrives since, even a returned one (it changes the submissions
     * sheet), makes the next consolidation a new one with its own time.
     */
    @Test
    void unchangedDataIsConsolidatedWithTheSameTimeAndAnyNewFileGivesANewOne() throws Exception {
        assertThat(runs.consolidate("2024", OUT).ok()).isTrue();
        String first = madeAt();
        assertThat(runs.consolidate("2024", OUT).ok()).isTrue();
        List<java.sql.Timestamp> times = generatedAt();
        assertThat(times).hasSize(2);
        assertThat(times.get(1)).as("unchanged: the first consolidation's time").isEqualTo(times.get(0));
        assertThat(madeAt()).isEqualTo(first);

        Path inbox = Files.createDirectories(Path.of(DATA_DIR).toAbsolutePath().resolve("inbox-3"));
        // A duplicate of a file already in changes nothing.
        LateReturnedMissing.copy("PA05-2024.xlsx", inbox, TestSubmissions.ON_TIME);
        assertThat(runs.importInbox(inbox).summary()).isEqualTo("import: 0 accepted, 0 rejected, 1 duplicate");
        assertThat(runs.consolidate("2024", OUT).ok()).isTrue();
        assertThat(generatedAt().get(2)).as("a duplicate arrived since").isEqualTo(times.get(0));
        // PC04's file, returned: the submissions sheet changes.
        LateReturnedMissing.copy("PC04-2024.xlsx", inbox, TestSubmissions.ON_TIME);
        assertThat(runs.importInbox(inbox).summary()).isEqualTo(
                "import: 0 accepted, 1 rejected, 0 duplicate; error reports: 1 to unit outboxes");
        assertThat(runs.consolidate("2024", OUT).ok()).isTrue();
        times = generatedAt();
        assertThat(times).hasSize(4);
        assertThat(times.get(3)).as("a returned file arrived since").isAfter(times.get(0));
    }

    private List<java.sql.Timestamp> generatedAt() {
        return jdbc.sql("SELECT generated_at FROM consolidation ORDER BY id").query(java.sql.Timestamp.class).list();
    }

    /** The "Lập lúc" line of the ranking sheet's information header, as the reader sees it. */
    private static String madeAt() throws Exception {
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                OUT.resolve("2024/bang-diem-2024.xlsx").toFile(), null, true)) {
            var sheet = wb.getSheet("Xếp hạng");
            for (var row : sheet) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().contains("Lập lúc")) {
                        return cell.getStringCellValue();
                    }
                }
            }
        }
        throw new AssertionError("no Lập lúc in the ranking sheet");
    }
}
