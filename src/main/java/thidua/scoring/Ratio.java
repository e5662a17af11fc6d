package thidua.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact rational number. Scores are fractions such as 10·75/80 or 20/3; keeping
 * them exact until display means 9.375 rounds to 9.38, never to 9.37 through a
 * binary or truncated intermediate.
 */
public final class Ratio implements Comparable<Ratio> {
    public static final Ratio ZERO = new Ratio(BigInteger.ZERO, BigInteger.ONE);
    public static final Ratio ONE = new Ratio(BigInteger.ONE, BigInteger.ONE);
    public static final Ratio HUNDRED = of(100);

    private final BigInteger num;
    private final BigInteger den;

    private Ratio(BigInteger num, BigInteger den) {
        this.num = num;
        this.den = den;
    }

    public static Ratio of(long value) {
        return new Ratio(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public static Ratio of(BigDecimal value) {
        if (value.scale() <= 0) {
            return new Ratio(value.toBigIntegerExact(), BigInteger.ONE);
        }
        return normalized(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
    }

    public static Ratio of(BigInteger num, BigInteger den) {
        if (den.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return normalized(num, den);
    }

    private static Ratio normalized(BigInteger num, BigInteger den) {
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger gcd = num.gcd(den);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            num = num.divide(gcd);
            den = den.divide(gcd);
        }
        return new Ratio(num, den);
    }

    public Ratio plus(Ratio o) {
        return normalized(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public Ratio minus(Ratio o) {
        return plus(o.negate());
    }

    public Ratio times(Ratio o) {
        return normalized(num.multiply(o.num), den.multiply(o.den));
    }

    public Ratio dividedBy(Ratio o) {
        if (o.num.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return normalized(num.multiply(o.den), den.multiply(o.num));
    }

    public Ratio negate() {
        return new Ratio(num.negate(), den);
    }

    public int signum() {
        return num.signum();
    }

    public boolean isZero() {
        return num.signum() == 0;
    }

    public Ratio min(Ratio o) {
        return compareTo(o) <= 0 ? this : o;
    }

    public Ratio max(Ratio o) {
        return compareTo(o) >= 0 ? this : o;
    }

    /** The displayed and stored value: HALF_UP to {@code scale} decimals, from the exact value. */
    public BigDecimal round(int scale) {
        return new BigDecimal(num).divide(new BigDecimal(den), scale, RoundingMode.HALF_UP);
    }

    /** Two decimals, the scale of every figure a user sees. */
    public BigDecimal rounded() {
        return round(2);
    }

    @Override
    public int compareTo(Ratio o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ratio r && num.equals(r.num) && den.equals(r.den);
    }

    @Override
    public int hashCode() {
        return num.hashCode() * 31 + den.hashCode();
    }

    @Override
    public String toString() {
        return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }
}
