package thidua.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import thidua.consolidation.ConsolidationStore;
import thidua.scheme.Block;
import thidua.scheme.Period;
import thidua.scheme.SchemeStore;
import thidua.scheme.StoredScheme;
import thidua.scheme.Unit;
import thidua.scoring.SubmissionStatus;
import thidua.scoring.UnitReport;
import thidua.submission.ImportStatus;
import thidua.submission.PeriodReports;
import thidua.submission.SubmissionStore;
import thidua.text.Labels;

/**
 * The submission board of a period, as the console's overview and the API's status show
 * it: every unit with its status (the rules' own, {@link PeriodReports}), when its report
 * arrived and how many errors and warnings its latest file has; counts per status and per
 * block; the deadline and the last consolidation. A UNIT user's board has its own unit
 * only, and its counts count that unit only.
 */
@Component
public class PeriodBoard {
    private final SchemeStore schemes;
    private final SubmissionStore submissions;
    private final PeriodReports reports;
    private final ConsolidationStore consolidations;

    public PeriodBoard(SchemeStore schemes, SubmissionStore submissions, PeriodReports reports,
                       ConsolidationStore consolidations) {
        this.schemes = schemes;
        this.submissions = submissions;
        this.reports = reports;
        this.consolidations = consolidations;
    }

    /** A period one may pick: of a current scheme, with its year. */
    public record Choice(String code, String name, int year, LocalDate deadline) {
    }

    /**
     * One unit's line. {@code arrivedAt} is the arrival of its first accepted file (which
     * decides lateness), or of its latest file when none was accepted; {@code errors} and
     * {@code warnings} count the findings of its latest file ({@code latestImportId}).
     */
    public record Row(String unitCode, String unitName, String blockCode, String blockName, SubmissionStatus status,
                      String statusLabel, Instant arrivedAt, Long latestImportId, ImportStatus latestImportStatus,
                      int errors, int warnings) {
    }

    public record StatusCount(SubmissionStatus status, String label, int count) {
    }

    public record BlockCount(String code, String name, int units, int submitted, int late, int returned, int missing) {
    }

    /**
     * @param deadlineEnds the end of the deadline day, Vietnamese time: a report arriving
     *                     from then on is late
     */
    public record Board(String period, String name, int year, LocalDate deadline, Instant deadlineEnds,
                        List<StatusCount> counts, List<BlockCount> blocks, List<Row> units,
                        Instant lastConsolidatedAt) {
    }

    /** The periods of every current scheme, newest year first, each scheme's in its own order. */
    public List<Choice> periods() {
        List<Choice> all = new ArrayList<>();
        for (StoredScheme s : schemes.current()) {
            for (Period p : s.scheme().periods()) {
                all.add(new Choice(p.code(), p.name(), s.scheme().year(), p.deadline()));
            }
        }
        return all;
    }

    /** The period people most likely mean now: the next deadline still ahead, else the latest one passed. */
    public Optional<String> defaultPeriod(Instant now) {
        List<Choice> all = periods();
        return all.stream().filter(c -> end(c.deadline()).isAfter(now)).min(Comparator.comparing(Choice::deadline))
                .or(() -> all.stream().max(Comparator.comparing(Choice::deadline))).map(Choice::code);
    }

    /** The board of a period; empty when no current scheme defines it. {@code scopeUnit} null: every unit. */
    public Optional<Board> of(String periodCode, String scopeUnit) {
        String code = Labels.code(periodCode);
        Optional<StoredScheme> stored = schemes.currentForPeriod(code);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        var scheme = stored.get().scheme();
        Period period = scheme.period(code).orElseThrow();
        Map<String, UnitReport> byUnit = reports.of(scheme, period);
        Map<String, SubmissionStore.UnitSubmissions> files = submissions.forPeriod(code);
        Map<Long, SubmissionStore.Listed> listed = new HashMap<>();
        for (SubmissionStore.Listed l : submissions.list(code, null, null, scopeUnit, 100_000)) {
            listed.put(l.id(), l);
        }
        List<Row> rows = new ArrayList<>();
        for (Unit unit : scheme.units()) {
            if (scopeUnit != null && !scopeUnit.equals(unit.code())) {
                continue;
            }
            UnitReport report = byUnit.get(unit.code());
            SubmissionStore.UnitSubmissions f = files.get(unit.code());
            SubmissionStore.Listed latest = f == null ? null : listed.get(f.latestId());
            Instant arrived = report.firstArrival() != null ? report.firstArrival()
                    : latest == null ? null : latest.arrivedAt();
            rows.add(new Row(unit.code(), unit.name(), unit.blockCode(),
                    scheme.block(unit.blockCode()).map(Block::name).orElse(unit.blockCode()), report.status(),
                    report.status().label(), arrived, latest == null ? null : latest.id(),
                    latest == null ? null : latest.status(), latest == null ? 0 : latest.errors(),
                    latest == null ? 0 : latest.warnings()));
        }
        Map<SubmissionStatus, Integer> counts = new EnumMap<>(SubmissionStatus.class);
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        List<StatusCount> statusCounts = new ArrayList<>();
        for (SubmissionStatus s : SubmissionStatus.values()) {
            statusCounts.add(new StatusCount(s, s.label(), counts.getOrDefault(s, 0)));
        }
        List<BlockCount> blocks = new ArrayList<>();
        for (Block block : scheme.blocks()) {
            List<Row> of = rows.stream().filter(r -> r.blockCode().equals(block.code())).toList();
            if (!of.isEmpty()) {
                blocks.add(new BlockCount(block.code(), block.name(), of.size(), count(of, SubmissionStatus.SUBMITTED),
                        count(of, SubmissionStatus.LATE), count(of, SubmissionStatus.RETURNED),
                        count(of, SubmissionStatus.MISSING)));
            }
        }
        Instant last = consolidations.last(code).map(ConsolidationStore.Last::at).orElse(null);
        return Optional.of(new Board(code, period.name(), scheme.year(), period.deadline(), end(period.deadline()),
                statusCounts, blocks, rows, last));
    }

    private static int count(List<Row> rows, SubmissionStatus status) {
        return (int) rows.stream().filter(r -> r.status() == status).count();
    }

    /** The end of a deadline day, as {@link Period#isLate} counts it. */
    private static Instant end(LocalDate deadline) {
        return deadline.plusDays(1).atStartOfDay(Period.ZONE).toInstant();
    }
}
