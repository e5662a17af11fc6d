package thidua.scheme;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * One emulation year's rules, as loaded from the scheme workbook (FORMATS.md §1).
 * Immutable; lists keep the workbook's order, which matters for awards.
 */
public record Scheme(
        int year,
        String movement,
        int scale,
        BigDecimal bonusCap,
        BigDecimal deductionCap,
        BigDecimal latePenalty,
        List<Period> periods,
        List<Block> blocks,
        List<Unit> units,
        List<Indicator> indicators,
        List<Criterion> criteria,
        Map<UnitTarget.Key, BigDecimal> unitTargets,
        List<Grade> grades,
        List<AwardRule> awards) {

    public Scheme {
        units = new Units(units);
    }

    /**
     * The units in the workbook's order, also found by code at once: a national scheme has
     * thousands, and scoring and summing look a unit up for every report.
     */
    private static final class Units extends AbstractList<Unit> implements RandomAccess {
        private final List<Unit> units;
        private final Map<String, Unit> byCode = new HashMap<>();

        Units(List<Unit> units) {
            this.units = units instanceof Units known ? known.units : List.copyOf(units);
            for (Unit u : this.units) {
                byCode.putIfAbsent(u.code(), u); // the first of a code, as a search in order finds
            }
        }

        @Override
        public Unit get(int index) {
            return units.get(index);
        }

        @Override
        public int size() {
            return units.size();
        }
    }

    public Optional<Period> period(String code) {
        return periods.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(((Units) units).byCode.get(code));
    }

    public Optional<Block> block(String code) {
        return blocks.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public List<Unit> unitsOf(String blockCode) {
        return units.stream().filter(u -> u.blockCode().equals(blockCode)).toList();
    }

    public List<Indicator> indicatorsFor(String blockCode) {
        return indicators.stream().filter(i -> i.appliesTo().includes(blockCode)).toList();
    }

    public List<Criterion> criteriaFor(String blockCode) {
        return criteria.stream().filter(c -> c.appliesTo().includes(blockCode)).toList();
    }

    /** The target in percent for this unit: its registered one where it has one, else the scheme's. */
    public BigDecimal targetFor(String unitCode, Criterion criterion) {
        BigDecimal own = unitTargets.get(new UnitTarget.Key(unitCode, criterion.code()));
        return own != null ? own : criterion.target();
    }

    /** Position of a grade label in the descending grade order, or -1. */
    public int gradeIndex(String label) {
        for (int i = 0; i < grades.size(); i++) {
            if (grades.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }
}
