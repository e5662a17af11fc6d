package thidua.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * One "Lập lúc" for every consolidation of the strict context: the outputs carry the minute
 * they were made, so two runs on the same data a minute apart would differ in content, and a
 * test that compares them (DeliveryTest) would depend on the wall clock. A test may set it (to
 * see what a later minute does) and must put it back ({@link Settable#reset}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedOutputsClock {
    public static final Instant AT = Instant.parse("2024-12-31T03:00:00Z");

    @Bean
    Settable outputsClock() {
        return new Settable();
    }

    /** A clock that stands still where it was set. */
    public static final class Settable extends Clock {
        private volatile Instant now = AT;

        public void set(Instant instant) {
            now = instant;
        }

        public void reset() {
            now = AT;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock in UTC");
        }
    }
}
