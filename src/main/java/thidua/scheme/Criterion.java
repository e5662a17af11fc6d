package thidua.scheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/**
 * A scored criterion (tiêu chí). {@code indicators} holds the one indicator for
 * every rule but {@code TY_LE}, which uses {@code numerator}/{@code denominator}
 * sums instead. {@code target} is null for rules without one.
 */
public record Criterion(
        String code,
        String name,
        CriterionGroup group,
        Rule rule,
        String indicator,
        List<String> numerator,
        List<String> denominator,
        BigDecimal target,
        BigDecimal maxPoints,
        BlockScope appliesTo) {

    /** Every indicator code the criterion reads. */
    public List<String> indicatorCodes() {
        if (rule == Rule.TY_LE) {
            return Stream.concat(numerator.stream(), denominator.stream()).toList();
        }
        return List.of(indicator);
    }

    /** The `Chỉ tiêu` cell as written in the scheme: a code or `N/D`. */
    public String indicatorText() {
        if (rule == Rule.TY_LE) {
            return String.join("+", numerator) + "/" + String.join("+", denominator);
        }
        return indicator;
    }
}
