package thidua.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static thidua.scoring.SchemeFixtures.exact;
import static thidua.scoring.SchemeFixtures.frac;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The exact rational arithmetic behind every score (SCORING.md: exact until display, HALF_UP to 2 decimals). */
class RatioTest {

    @Test
    void fractionsAreKeptInLowestTermsWithAPositiveDenominator() {
        assertThat(frac(2, 4)).isEqualTo(frac(1, 2)).hasSameHashCodeAs(frac(1, 2));
        assertThat(frac(1, -2)).isEqualTo(frac(-1, 2)).hasToString("-1/2");
        assertThat(frac(6, 3)).hasToString("2");
        assertThat(frac(0, 5)).isEqualTo(Ratio.ZERO);
    }

    @Test
    void decimalsAreReadExactly() {
        assertThat(exact("8.50")).isEqualTo(frac(17, 2));
        assertThat(exact("0.005")).isEqualTo(frac(1, 200));
        assertThat(Ratio.of(new BigDecimal("1E+2"))).isEqualTo(Ratio.of(100));
        assertThat(exact("0.000")).isEqualTo(Ratio.ZERO);
    }

    @Test
    void divisionByZeroIsRefused() {
        assertThatThrownBy(() -> Ratio.of(BigInteger.ONE, BigInteger.ZERO)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Ratio.ONE.dividedBy(Ratio.ZERO)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void arithmetic() {
        // 1/3 + 1/6 = 1/2;  1/2 − 3/4 = −1/4;  2/3 · 3/4 = 1/2;  (1/2) / (1/4) = 2
        assertThat(frac(1, 3).plus(frac(1, 6))).isEqualTo(frac(1, 2));
        assertThat(frac(1, 2).minus(frac(3, 4))).isEqualTo(frac(-1, 4));
        assertThat(frac(2, 3).times(frac(3, 4))).isEqualTo(frac(1, 2));
        assertThat(frac(1, 2).dividedBy(frac(1, 4))).isEqualTo(Ratio.of(2));
        assertThat(frac(-1, 4).negate()).isEqualTo(frac(1, 4));
    }

    @Test
    void comparison() {
        // 1/3 = 0.3333… < 0.3334;  −1/2 < 0
        assertThat(frac(1, 3)).isLessThan(exact("0.3334"));
        assertThat(frac(1, 3).min(exact("0.3334"))).isEqualTo(frac(1, 3));
        assertThat(frac(1, 3).max(exact("0.3334"))).isEqualTo(exact("0.3334"));
        assertThat(frac(-1, 2).signum()).isEqualTo(-1);
        assertThat(Ratio.ZERO.isZero()).isTrue();
    }

    @Test
    void roundingIsHalfUpFromTheExactValue() {
        assertThat(frac(75, 8).rounded()).isEqualByComparingTo("9.38");      // 9.375
        assertThat(frac(20, 3).rounded()).isEqualByComparingTo("6.67");      // 6.666…
        assertThat(frac(1925, 24).rounded()).isEqualByComparingTo("80.21");  // 80.2083…
        assertThat(exact("80.005").rounded()).isEqualByComparingTo("80.01"); // exact half: up
        assertThat(exact("80.004999").rounded()).isEqualByComparingTo("80.00");
        assertThat(frac(-1, 8).rounded()).isEqualByComparingTo("-0.13");     // −0.125: half away from zero
        assertThat(frac(5, 2).round(0)).isEqualByComparingTo("3");
        assertThat(frac(75, 8).rounded().scale()).isEqualTo(2);
    }
}
