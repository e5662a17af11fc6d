package thidua.consolidation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import thidua.files.DiskFull;
import thidua.files.FileNames;
import thidua.files.FolderSet;
import thidua.job.Failure;
import thidua.report.OutputInfo;
import thidua.report.PdfReportWriter;
import thidua.report.ScoringTableWriter;
import thidua.report.SummaryWriter;
import thidua.scheme.Block;
import thidua.scheme.Period;
import thidua.scheme.SchemeStore;
import thidua.scheme.StoredScheme;
import thidua.scoring.PeriodResults;
import thidua.scoring.Standing;
import thidua.settings.ThiduaProperties;
import thidua.submission.PeriodReports;
import thidua.submission.SubmissionStore;
import thidua.job.Parallel;

/** Period-end consolidation: score and rank every unit, roll up, write the outputs, record the result. */
@Component
class Consolidator {
    private static final Logger log = LoggerFactory.getLogger("thidua.consolidate");
    private final SchemeStore schemes;
    private final PeriodReports reports;
    private final SubmissionStore submissions;
    private final ConsolidationStore store;
    /** The time the outputs say they were made ("Lập lúc"); fixed in tests that compare two runs. */
    private final Clock clock;
    /** Who issues and signs the PDF report ({@code thidua.report.*}). */
    private final ThiduaProperties.Report reportNames;

    public Consolidator(SchemeStore schemes, PeriodReports reports, SubmissionStore submissions,
                        ConsolidationStore store, ObjectProvider<Clock> clock, ThiduaProperties settings) {
        this.schemes = schemes;
        this.reports = reports;
        this.submissions = submissions;
        this.store = store;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.reportNames = settings.report();
    }

    /** What one consolidation produced, for the command's summary. */
    public record Outcome(PeriodResults results, List<Path> files, String summary) {
    }

    public Outcome consolidate(String periodCode, Path outRoot, long jobExecutionId) {
        StoredScheme stored = schemes.currentForPeriod(periodCode).orElseThrow(() ->
                new IllegalArgumentException("Kỳ báo cáo \"" + periodCode + "\" không có trong bộ tiêu chí nào đã nạp."));
        Period period = stored.scheme().period(periodCode).orElseThrow();
        Instant now = clock.instant(); // before the data is read: a file recorded after it is a change
        Long lastSubmission = submissions.lastAcceptedId(periodCode).orElse(null);
        PeriodResults results = PeriodResults.of(stored.scheme(), period, reports.of(stored.scheme(), period));
        Path out = outRoot.toAbsolutePath().normalize().resolve(FileNames.segment(periodCode));
        // Every output of this consolidation carries the same header: movement, period, time, scheme version.
        // The time is the last consolidation's while its data is unchanged: the same data gives the same
        // files, which are then not delivered again; a minute later they would differ by their "Lập lúc".
        Instant generatedAt = store.unchangedSince(periodCode, stored.versionId()).orElse(now);
        OutputInfo info = OutputInfo.of(results, stored.versionId(), generatedAt);
        List<Path> files = new ArrayList<>();
        // All three into a hidden version folder, then switched in as one set (FolderSet).
        Path version = null;
        try {
            version = FolderSet.newVersion(out);
            for (Path written : writeOutputs(results, info, version)) {
                files.add(out.resolve(written.getFileName()));
            }
            FolderSet.switchTo(out, version);
        } catch (IOException | RuntimeException e) {
            boolean full = DiskFull.causes(e, out); // before the discard frees what was written
            log.error("outputs of {} not written to {}", periodCode, out, e);
            if (version != null) {
                FolderSet.discard(out, version);
            }
            throw new Failure(full
                    ? "Hết dung lượng đĩa: không ghi được kết quả kỳ " + periodCode + " vào thư mục " + out
                    + "; kết quả trước đó vẫn giữ nguyên. Giải phóng chỗ trống rồi chạy lại lần chạy #" + jobExecutionId
                    : "Không ghi được kết quả kỳ " + periodCode + " vào thư mục " + out
                    + "; kết quả trước đó vẫn giữ nguyên. Chạy lại lần chạy #" + jobExecutionId
                    + " sau khi sửa lỗi (chi tiết trong tệp nhật ký)", e);
        }
        store.record(results, stored.versionId(), out.toString(), lastSubmission, jobExecutionId, generatedAt);
        logBlocks(results);
        files.forEach(f -> log.info("đã ghi {}", f));
        return new Outcome(results, files, summary(results, out));
    }

    /**
     * The three outputs into {@code folder}, in their order (scoring table, summary, PDF):
     * the scoring table on this thread, the summary and the PDF meanwhile on another (they
     * read the same results and nothing else; at thousands of units the scoring table alone
     * takes as long as the other two, and the machine has two cores). Returns when both are
     * done, whatever happened; the first failure is thrown as it was thrown.
     */
    private List<Path> writeOutputs(PeriodResults results, OutputInfo info, Path folder) throws IOException {
        Path[] others = new Path[2];
        Throwable[] otherFailure = new Throwable[1];
        Thread other = new Thread(() -> {
            try {
                others[0] = new SummaryWriter().write(results, info, folder);
                others[1] = new PdfReportWriter(reportNames).write(results, info, folder);
            } catch (Throwable t) { // handed to the consolidating thread, which throws it
                otherFailure[0] = t;
            }
        }, Thread.currentThread().getName() + "-outputs");
        other.start();
        Path scoring;
        try {
            scoring = new ScoringTableWriter().write(results, info, folder);
        } finally {
            joinUninterruptibly(other); // never leave it writing into a folder that may be discarded
        }
        if (otherFailure[0] != null) {
            Parallel.rethrow(otherFailure[0]);
        }
        return List.of(scoring, others[0], others[1]);
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void logBlocks(PeriodResults results) {
        for (Block block : results.scheme().blocks().stream()
                .sorted(Comparator.comparing(Block::code)).toList()) {
            List<Standing> standings = results.standingsOf(block.code());
            long ranked = standings.stream().filter(Standing::ranked).count();
            BigDecimal average = results.blockAverages().get(block.code());
            String first = standings.stream().filter(s -> s.ranked() && s.rank() == 1)
                    .map(s -> s.unit().code() + " " + s.card().total().toPlainString())
                    .reduce((a, b) -> a + ", " + b).orElse("-");
            log.info("{} {}: {}/{} đơn vị được xếp hạng, điểm trung bình {}, đứng đầu {}", block.code(), block.name(), ranked,
                    standings.size(), average == null ? "-" : average.toPlainString(), first);
        }
    }

    private static String summary(PeriodResults results, Path out) {
        PeriodResults.Reporting who = results.reporting();
        return String.format("consolidate: %s: %d of %d units ranked (%d late), %d returned, %d missing; outputs in %s",
                results.period().code(), who.ranked(), who.units(), who.late(), who.returned(), who.missing(), out);
    }
}
