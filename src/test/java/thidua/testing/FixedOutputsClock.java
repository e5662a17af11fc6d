package thidua.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * One "Lập lúc" for every consolidation of the strict context: the outputs carry the minute
 * they were made, so two runs on the same data a minute apart would differ in content, and a
 * test that compares them (DeliveryTest) would depend on the wall clock.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedOutputsClock {
    public static final Instant AT = Instant.parse("2024-12-31T03:00:00Z");

    @Bean
    Clock outputsClock() {
        return Clock.fixed(AT, ZoneOffset.UTC);
    }
}
