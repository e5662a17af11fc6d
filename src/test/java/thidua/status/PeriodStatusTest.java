package thidua.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.batch.BatchRuns;
import thidua.samples.SampleProvince;
import thidua.scoring.SubmissionStatus;
import thidua.submission.ImportStatus;
import thidua.testing.LateReturnedMissing;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaSpringTest;

/**
 * Where each unit stands for a period with a unit on time, a late one, a returned one and 33
 * that sent nothing: the board the console and the API show ({@link PeriodBoard}), for
 * headquarters and for one unit, and the lines `status` prints ({@link StatusReport}).
 */
@ThiduaSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodStatusTest {
    private static final String DATA_DIR = ThiduaSpringTest.DATA_DIR;

    @Autowired
    BatchRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PeriodBoard board;
    @Autowired
    StatusReport report;

    @BeforeAll
    void lateReturnedMissing() throws Exception {
        LateReturnedMissing.load(runs, jdbc, DATA_DIR);
    }

    @Test
    void theBoardGivesEveryUnitItsStandWithCountsPerStatusAndPerBlock() {
        PeriodBoard.Board b = board.of("2024", null).orElseThrow();

        assertThat(b.counts()).extracting(c -> c.label() + " " + c.count())
                .containsExactly("Đã nộp 1", "Nộp muộn 1", "Bị trả lại 1", "Chưa nộp 33");
        assertThat(b.units()).hasSize(LateReturnedMissing.UNITS);
        Map<String, PeriodBoard.Row> rows = b.units().stream()
                .collect(Collectors.toMap(PeriodBoard.Row::unitCode, r -> r));
        assertThat(rows.get("PA01").statusLabel()).isEqualTo("Đã nộp");
        assertThat(rows.get("PA01").arrivedAt()).isEqualTo(TestSubmissions.ON_TIME.toInstant());
        assertThat(rows.get("PC08").status()).isEqualTo(SubmissionStatus.LATE);
        assertThat(rows.get("PC08").arrivedAt()).isEqualTo(LateReturnedMissing.LATE.toInstant());
        // The returned unit: its latest file, rejected, with its one error.
        PeriodBoard.Row pa05 = rows.get("PA05");
        assertThat(pa05.statusLabel()).isEqualTo("Bị trả lại");
        assertThat(pa05.latestImportStatus()).isEqualTo(ImportStatus.REJECTED);
        assertThat(pa05.errors()).isEqualTo(1);
        assertThat(pa05.latestImportId()).isNotNull();
        PeriodBoard.Row missing = rows.get("PC01");
        assertThat(missing.statusLabel()).isEqualTo("Chưa nộp");
        assertThat(missing.arrivedAt()).isNull();
        assertThat(missing.latestImportId()).isNull();

        // Per block: PA01 and PA05 share theirs; PC08 is alone in its stand in its block.
        String pa = SampleProvince.unit("PA01").blockCode();
        String pc = SampleProvince.unit("PC08").blockCode();
        assertThat(SampleProvince.unit("PA05").blockCode()).isEqualTo(pa);
        Map<String, PeriodBoard.BlockCount> blocks = b.blocks().stream()
                .collect(Collectors.toMap(PeriodBoard.BlockCount::code, c -> c));
        PeriodBoard.BlockCount paBlock = blocks.get(pa);
        assertThat(List.of(paBlock.submitted(), paBlock.late(), paBlock.returned(), paBlock.missing()))
                .containsExactly(1, 0, 1, paBlock.units() - 2);
        PeriodBoard.BlockCount pcBlock = blocks.get(pc);
        assertThat(List.of(pcBlock.submitted(), pcBlock.late(), pcBlock.returned(), pcBlock.missing()))
                .containsExactly(0, 1, 0, pcBlock.units() - 1);
        assertThat(b.blocks().stream().mapToInt(PeriodBoard.BlockCount::units).sum()).isEqualTo(36);
        assertThat(b.lastConsolidatedAt()).as("never consolidated").isNull();
    }

    @Test
    void aUnitsBoardHasItsOwnUnitOnlyAndAnUnknownPeriodNoBoard() {
        PeriodBoard.Board own = board.of("2024", "PA05").orElseThrow();
        assertThat(own.units()).extracting(PeriodBoard.Row::unitCode).containsExactly("PA05");
        assertThat(own.counts()).extracting(c -> c.label() + " " + c.count())
                .containsExactly("Đã nộp 0", "Nộp muộn 0", "Bị trả lại 1", "Chưa nộp 0");
        assertThat(board.of("2099", null)).isEmpty();
    }

    @Test
    void theStatusReportPrintsEachUnitsStandItsArrivalAndItsErrors() {
        List<String> lines = report.lines("2024");

        assertThat(lines.get(0)).startsWith("Kỳ 2024 — ").endsWith("(hạn nộp 20/12/2024)");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("  \\S+ +PA01 +Đã nộp +18/12/2024 09:00 .*"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("  \\S+ +PC08 +Nộp muộn +21/12/2024 00:01 .*"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("  \\S+ +PC01 +Chưa nộp +\\S.*"));
        // The returned unit's line is followed by its error, with the cell.
        int pa05 = indexOf(lines, "PA05");
        assertThat(lines.get(pa05)).contains("Bị trả lại");
        assertThat(lines.get(pa05 + 1)).contains("E-VALUE-BLANK Chỉ tiêu!E6");
        assertThat(lines).filteredOn(l -> l.contains("Chưa nộp")).hasSize(33);
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("status: 2024: 1 đã nộp, 1 nộp muộn, 1 bị trả lại, 33 chưa nộp");
    }

    private static int indexOf(List<String> lines, String unit) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("  \\S+ +" + java.util.regex.Pattern.quote(unit) + " .*")) {
                return i;
            }
        }
        throw new AssertionError("no line for " + unit + " in " + lines);
    }
}
