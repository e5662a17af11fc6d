package thidua.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import thidua.scheme.AwardRule;
import thidua.scheme.Block;
import thidua.scheme.BlockScope;
import thidua.scheme.Criterion;
import thidua.scheme.CriterionGroup;
import thidua.scheme.Grade;
import thidua.scheme.Indicator;
import thidua.scheme.IndicatorType;
import thidua.scheme.Period;
import thidua.scheme.Rule;
import thidua.scheme.Scheme;
import thidua.scheme.Unit;
import thidua.scheme.UnitKind;
import thidua.scheme.UnitTarget;

/**
 * Small schemes, criteria, values and reports for the scoring tests. Numbers are
 * given as decimal strings so they read like the workbook cells.
 */
final class SchemeFixtures {

    static final Period PERIOD = new Period("2025-Q1", "Quý I/2025",
            LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 5));
    static final Instant ARRIVAL = Instant.parse("2025-04-03T02:00:00Z");

    private SchemeFixtures() {
    }

    // ---- numbers --------------------------------------------------------------------------

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /** The exact fraction n/d, written out by hand in the test. */
    static Ratio frac(long n, long d) {
        return Ratio.of(BigInteger.valueOf(n), BigInteger.valueOf(d));
    }

    /** The exact value of a decimal literal. */
    static Ratio exact(String decimal) {
        return Ratio.of(new BigDecimal(decimal));
    }

    // ---- criteria -------------------------------------------------------------------------

    /** {@code TY_LE} of {@code "A+B/C+D"}, group I. */
    static Criterion tyLe(String code, String fraction, String target, String max) {
        String[] sides = fraction.split("/");
        return new Criterion(code, "Tỷ lệ " + code, CriterionGroup.I, Rule.TY_LE, null,
                List.of(sides[0].split("\\+")), List.of(sides[1].split("\\+")),
                target == null ? null : dec(target), dec(max), BlockScope.ALL);
    }

    static Criterion giam(String code, String indicator, String target, String max) {
        return single(code, CriterionGroup.II, Rule.GIAM, indicator, target, max);
    }

    static Criterion tang(String code, String indicator, String target, String max) {
        return single(code, CriterionGroup.II, Rule.TANG, indicator, target, max);
    }

    static Criterion bang0(String code, String indicator, String max) {
        return single(code, CriterionGroup.III, Rule.BANG_0, indicator, null, max);
    }

    static Criterion tuCham(String code, String indicator, String max) {
        return single(code, CriterionGroup.III, Rule.TU_CHAM, indicator, null, max);
    }

    static Criterion thuong(String code, String indicator, String perCount) {
        return single(code, CriterionGroup.BONUS, Rule.THUONG, indicator, null, perCount);
    }

    static Criterion tru(String code, String indicator, String perCount) {
        return single(code, CriterionGroup.DEDUCTION, Rule.TRU, indicator, null, perCount);
    }

    /** The same criterion, applied only to the listed blocks. */
    static Criterion onlyFor(Criterion c, String... blockCodes) {
        return new Criterion(c.code(), c.name(), c.group(), c.rule(), c.indicator(), c.numerator(),
                c.denominator(), c.target(), c.maxPoints(), BlockScope.of(Set.of(blockCodes)));
    }

    private static Criterion single(String code, CriterionGroup group, Rule rule, String indicator,
                                    String target, String max) {
        return new Criterion(code, code, group, rule, indicator, null, null,
                target == null ? null : dec(target), dec(max), BlockScope.ALL);
    }

    // ---- reported values and reports ------------------------------------------------------

    /** One indicator row: {@code Kỳ này} = current, {@code Cùng kỳ} = baseline (null = blank). */
    static ReportedValue val(String indicator, String current, String baseline) {
        return new ReportedValue(indicator, dec(current), baseline == null ? null : dec(baseline));
    }

    static ReportedValue val(String indicator, String current) {
        return val(indicator, current, "0");
    }

    static Map<String, ReportedValue> values(ReportedValue... rows) {
        Map<String, ReportedValue> map = new LinkedHashMap<>();
        for (ReportedValue row : rows) {
            map.put(row.indicator(), row);
        }
        return map;
    }

    static UnitReport report(String unitCode, SubmissionStatus status, ReportedValue... rows) {
        boolean accepted = status == SubmissionStatus.SUBMITTED || status == SubmissionStatus.LATE;
        return new UnitReport(unitCode, status, accepted ? ARRIVAL : null, accepted ? values(rows) : Map.of());
    }

    static UnitReport submitted(String unitCode, ReportedValue... rows) {
        return report(unitCode, SubmissionStatus.SUBMITTED, rows);
    }

    static Map<String, UnitReport> reports(UnitReport... reports) {
        Map<String, UnitReport> map = new LinkedHashMap<>();
        for (UnitReport r : reports) {
            map.put(r.unitCode(), r);
        }
        return map;
    }

    // ---- schemes --------------------------------------------------------------------------

    static SchemeBuilder scheme(Criterion... criteria) {
        return new SchemeBuilder(Arrays.asList(criteria));
    }

    /**
     * Defaults: scale 100, bonus cap 5, deduction cap 10, late penalty 2, one period,
     * no grades or awards. Blocks are created from the units' block codes; indicators
     * from the criteria ({@code Điểm} for TU_CHAM, {@code Số nguyên} otherwise).
     */
    static final class SchemeBuilder {
        private final List<Criterion> criteria;
        private int scale = 100;
        private BigDecimal bonusCap = dec("5");
        private BigDecimal deductionCap = dec("10");
        private BigDecimal latePenalty = dec("2");
        private final List<Block> blocks = new ArrayList<>();
        private final List<Unit> units = new ArrayList<>();
        private final Map<UnitTarget.Key, BigDecimal> unitTargets = new LinkedHashMap<>();
        private final List<Grade> grades = new ArrayList<>();
        private final List<AwardRule> awards = new ArrayList<>();

        private SchemeBuilder(List<Criterion> criteria) {
            this.criteria = List.copyOf(criteria);
        }

        SchemeBuilder scale(int value) {
            scale = value;
            return this;
        }

        SchemeBuilder bonusCap(String value) {
            bonusCap = dec(value);
            return this;
        }

        SchemeBuilder deductionCap(String value) {
            deductionCap = dec(value);
            return this;
        }

        SchemeBuilder latePenalty(String value) {
            latePenalty = dec(value);
            return this;
        }

        SchemeBuilder unit(String code, String blockCode) {
            if (blocks.stream().noneMatch(b -> b.code().equals(blockCode))) {
                blocks.add(new Block(blockCode, "Khối " + blockCode));
            }
            units.add(new Unit(code, "Đơn vị " + code, UnitKind.COMMUNE, blockCode));
            return this;
        }

        /** A row of `Chỉ tiêu đăng ký`. */
        SchemeBuilder unitTarget(String unitCode, String criterionCode, String target) {
            unitTargets.put(new UnitTarget.Key(unitCode, criterionCode), dec(target));
            return this;
        }

        /** A row of `Xếp loại`, in sheet order. */
        SchemeBuilder grade(String label, String minScore) {
            grades.add(new Grade(label, dec(minScore)));
            return this;
        }

        /** A row of `Khen thưởng`, in sheet order. */
        SchemeBuilder award(String title, int maxRank, String minGrade) {
            awards.add(new AwardRule(title, maxRank, minGrade));
            return this;
        }

        Scheme build() {
            Map<String, Indicator> indicators = new LinkedHashMap<>();
            for (Criterion c : criteria) {
                IndicatorType type = c.rule() == Rule.TU_CHAM ? IndicatorType.POINTS : IndicatorType.INTEGER;
                for (String code : c.indicatorCodes()) {
                    indicators.putIfAbsent(code, new Indicator(code, "Chỉ tiêu " + code, "vụ", type, BlockScope.ALL));
                }
            }
            return new Scheme(2025, "Vì an ninh Tổ quốc", scale, bonusCap, deductionCap, latePenalty,
                    List.of(PERIOD), List.copyOf(blocks), List.copyOf(units), List.copyOf(indicators.values()),
                    criteria, Map.copyOf(unitTargets), List.copyOf(grades), List.copyOf(awards));
        }
    }
}
