package thidua.scheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    public Optional<Period> period(String code) {
        return periods.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public Optional<Unit> unit(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst();
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
