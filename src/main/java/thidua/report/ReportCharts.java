package thidua.report;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import thidua.scheme.Block;
import thidua.scheme.Rule;
import thidua.scoring.PeriodResults;
import thidua.scoring.Standing;
import thidua.scoring.SummaryRow;

/**
 * What the charts show, decided once for the workbooks and the PDF so both draw the
 * same numbers: the average total of each block, and the key indicators of the
 * province this period against the same period last year.
 */
final class ReportCharts {

    /** Kỳ này, the average total: a dark blue. */
    static final int CURRENT_RGB = 0x2F5597;
    /** Cùng kỳ: an orange that stays apart from the blue in grey print and for red-green colour blindness. */
    static final int BASELINE_RGB = 0xED7D31;

    static final String BLOCK_CHART_TITLE = "Điểm trung bình theo khối thi đua";
    static final String INDICATOR_CHART_TITLE = "Chỉ tiêu chính: kỳ này so với cùng kỳ";
    static final String UNIT_CHART_TITLE = "Tổng điểm của các đơn vị";

    private ReportCharts() {
    }

    /** One block's line: its units, how many are ranked, the average, best and worst total (null when none ranked). */
    record BlockAverage(Block block, int units, int ranked, BigDecimal average, BigDecimal best, BigDecimal worst) {
    }

    /** Every block by code, with the average of {@link PeriodResults#blockAverages()}. */
    static List<BlockAverage> blockAverages(PeriodResults results) {
        return results.scheme().blocks().stream()
                .sorted(Comparator.comparing(Block::code))
                .map(block -> {
                    List<Standing> standings = results.standingsOf(block.code());
                    List<BigDecimal> totals = standings.stream().filter(Standing::ranked)
                            .map(s -> s.card().total()).toList();
                    return new BlockAverage(block, standings.size(), totals.size(),
                            results.blockAverages().get(block.code()),
                            totals.stream().max(Comparator.naturalOrder()).orElse(null),
                            totals.stream().min(Comparator.naturalOrder()).orElse(null));
                })
                .toList();
    }

    /**
     * The province's key indicators: the integer indicators that a {@code GIAM} or
     * {@code TANG} criterion compares with the same period last year (the ones the
     * scheme scores on their change), in the order of {@code Tổng hợp}; all integer
     * indicators when the scheme has no such criterion. Being of one kind, they share
     * a scale, which the bars of very different indicators would not.
     */
    static List<SummaryRow> keyIndicators(PeriodResults results) {
        Set<String> compared = results.scheme().criteria().stream()
                .filter(c -> c.rule() == Rule.GIAM || c.rule() == Rule.TANG)
                .map(c -> c.indicator())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<SummaryRow> sums = results.province().stream().filter(r -> !r.rate()).toList();
        List<SummaryRow> key = sums.stream().filter(r -> compared.contains(r.code())).toList();
        return key.isEmpty() ? sums : key;
    }
}
