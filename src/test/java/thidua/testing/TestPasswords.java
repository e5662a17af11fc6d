package thidua.testing;

import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The shared test contexts hash passwords with BCrypt at its lowest cost (4, not the default
 * 10): the same {@code {bcrypt}} hashes, checked the same way, in a few milliseconds instead of
 * a tenth of a second, which the hundreds of signed requests of the role matrices would
 * otherwise spend hashing. A hash of any cost still matches. The child-JVM tests run thidua as
 * shipped, with the default cost.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPasswords {
    @Bean
    @Primary
    PasswordEncoder quickPasswordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
    }
}
