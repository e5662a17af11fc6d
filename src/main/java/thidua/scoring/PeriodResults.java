package thidua.scoring;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import thidua.scheme.Block;
import thidua.scheme.Period;
import thidua.scheme.Scheme;

/** Everything the outputs for one period show: standings, block and province summaries. */
public record PeriodResults(
        Scheme scheme,
        Period period,
        List<Standing> standings,
        List<SummaryRow> province,
        Map<String, List<SummaryRow>> byBlock,
        Map<String, BigDecimal> blockAverages,
        Map<String, List<String>> warnings) {

    /** Scores, ranks and rolls up one period from each unit's report (units absent from the map are missing). */
    public static PeriodResults of(Scheme scheme, Period period, Map<String, UnitReport> reports) {
        List<Standing> standings = Ranking.standings(scheme, reports);
        Map<String, List<SummaryRow>> byBlock = new LinkedHashMap<>();
        Map<String, BigDecimal> averages = new LinkedHashMap<>();
        for (Block block : scheme.blocks().stream().sorted(Comparator.comparing(Block::code)).toList()) {
            List<UnitReport> blockReports = reports.values().stream()
                    .filter(r -> scheme.unit(r.unitCode()).map(u -> u.blockCode().equals(block.code())).orElse(false))
                    .toList();
            byBlock.put(block.code(), RollUp.summarize(scheme, blockReports));
            averages.put(block.code(), average(standings, block.code()));
        }
        Map<String, List<String>> warnings = new LinkedHashMap<>();
        reports.forEach((unit, report) -> warnings.put(unit, report.warnings()));
        return new PeriodResults(scheme, period, standings, RollUp.summarize(scheme, reports.values()),
                byBlock, averages, warnings);
    }

    /** Mean of T over the block's ranked units; null when none is ranked. */
    private static BigDecimal average(List<Standing> standings, String blockCode) {
        List<Standing> ranked = standings.stream()
                .filter(s -> s.ranked() && s.unit().blockCode().equals(blockCode)).toList();
        if (ranked.isEmpty()) {
            return null;
        }
        Ratio sum = Ratio.ZERO;
        for (Standing s : ranked) {
            sum = sum.plus(Ratio.of(s.card().total()));
        }
        return sum.dividedBy(Ratio.of(ranked.size())).rounded();
    }

    /**
     * Who reported, counted once for every output and summary: of {@code units} units,
     * {@code ranked} have a scored report ({@code late} of them late), {@code returned}
     * have only returned reports, {@code missing} sent nothing.
     */
    public record Reporting(int units, int ranked, int late, int returned, int missing) {
    }

    public Reporting reporting() {
        return new Reporting(standings.size(), count(Standing::ranked),
                count(s -> s.status() == SubmissionStatus.LATE), count(s -> s.status() == SubmissionStatus.RETURNED),
                count(s -> s.status() == SubmissionStatus.MISSING));
    }

    private int count(Predicate<Standing> which) {
        return (int) standings.stream().filter(which).count();
    }

    /** The warnings of a unit's latest file, empty when none. */
    public List<String> warningsOf(String unitCode) {
        return warnings.getOrDefault(unitCode, List.of());
    }

    public List<Standing> standingsOf(String blockCode) {
        return standings.stream().filter(s -> s.unit().blockCode().equals(blockCode)).toList();
    }
}
