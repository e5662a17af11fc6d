package thidua.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.testing.ChildJvm;
import thidua.workbook.UnreadableWorkbookException;
import thidua.workbook.WorkbookLimits;

/** One costly file is rejected with its own code, and leaves the budget as it found it for the next files. */
class ParseBudgetTest {
    private static final Path SAMPLE = Path.of("input-samples", "2024", "CAH.AT-2024.xlsx");
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aFileThatWouldNotFitTheHeapShareIsRejectedUnreadAndTheNextFileIsRead() throws Exception {
        // 1 MB of sheet XML: about 19 MB of heap, over this budget of 16 MB
        Path costly = CostlyWorkbooks.write(dir.resolve("costly.xlsx"), 1, 2_000, 30);
        ParseBudget budget = new ParseBudget(16 * MIB, Duration.ofSeconds(60));

        assertThatThrownBy(() -> budget.open(costly, WorkbookLimits.DEFAULT))
                .isInstanceOfSatisfying(UnreadableWorkbookException.class, e -> {
                    assertThat(e.finding().code()).isEqualTo("E-FILE-TOO-COSTLY");
                    assertThat(e.finding().message()).contains("bộ nhớ").doesNotContain("Exception");
                });
        assertThat(budget.tooCostlyCount()).isEqualTo(1);
        try (ParseBudget.Opened sample = budget.open(SAMPLE, WorkbookLimits.DEFAULT)) {
            assertThat(sample.workbook().sheets()).isNotEmpty();
        }
    }

    @Test
    void aFileThatTakesLongerThanItsTimeIsRejectedAndItsParseGivesItsMemoryBackWhenItEnds() throws Exception {
        Path slow = CostlyWorkbooks.write(dir.resolve("slow.xlsx"), 1, 5_000, 20);
        ParseBudget budget = new ParseBudget(Long.MAX_VALUE, Duration.ofMillis(1));

        assertThatThrownBy(() -> budget.open(slow, WorkbookLimits.DEFAULT))
                .isInstanceOfSatisfying(UnreadableWorkbookException.class, e -> {
                    assertThat(e.finding().code()).isEqualTo("E-FILE-TIMEOUT");
                    assertThat(e.finding().message()).contains("giây").doesNotContain("Exception");
                });
        assertThat(budget.timedOutCount()).isEqualTo(1);
        // POI cannot be stopped: the parse ends on its own, then closes its workbook and frees its share
        ChildJvm.await("the abandoned parse ended", Duration.ofMinutes(2), () -> budget.overrunning() == 0);
        assertThat(budget.reserved()).isZero();
    }

    @Test
    void filesWaitForRoomAndEachClosedWorkbookGivesItsShareBack() throws Exception {
        ParseBudget sized = new ParseBudget(Long.MAX_VALUE, Duration.ofMinutes(1));
        long oneFile = sized.cost(SAMPLE, WorkbookLimits.DEFAULT);
        ParseBudget budget = new ParseBudget(oneFile + oneFile / 2, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) { // room for one at a time: a share not given back would block the second
            try (ParseBudget.Opened read = budget.open(SAMPLE, WorkbookLimits.DEFAULT)) {
                assertThat(budget.reserved()).isEqualTo(oneFile);
            }
        }
        assertThat(budget.reserved()).isZero();
    }

    /**
     * A parse that ends just as its time runs out: once a parse ended between its own last look at
     * the flag and the caller's timeout, the caller's cancel succeeded and nobody closed the workbook
     * or gave its memory back (seen as a test that waited forever for overrunning() to reach 0).
     * Timeouts from 1 to 40 ms around the parse time of a file that takes about that long (the
     * samples are read in well under a millisecond now) make that moment come up.
     */
    @Test
    void aParseEndingJustAsItsTimeRunsOutIsCleanedUpExactlyOnce() throws Exception {
        Path dense = CostlyWorkbooks.write(dir.resolve("dense.xlsx"), 1, 200, 10);
        java.util.List<ParseBudget> budgets = new java.util.ArrayList<>();
        int timedOut = 0;
        for (int ms = 1; ms <= 40; ms++) {
            ParseBudget budget = new ParseBudget(Long.MAX_VALUE, Duration.ofMillis(ms));
            budgets.add(budget);
            try (ParseBudget.Opened read = budget.open(dense, WorkbookLimits.DEFAULT)) {
                assertThat(read.workbook().sheets()).isNotEmpty();
            } catch (UnreadableWorkbookException e) {
                assertThat(e.finding().code()).isEqualTo("E-FILE-TIMEOUT");
                timedOut++;
            }
        }
        System.err.printf("%d of 40 parses timed out%n", timedOut);
        assertThat(timedOut).as("some parses timed out").isPositive();
        ChildJvm.await("every abandoned parse ended", Duration.ofMinutes(1),
                () -> budgets.stream().allMatch(b -> b.overrunning() == 0));
        assertThat(budgets).allSatisfy(b -> assertThat(b.reserved()).isZero());
        budgets.forEach(ParseBudget::stop);
    }
}
