package thidua.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import thidua.settings.ThiduaProperties;
import thidua.testing.TestPasswords;

/**
 * thidua's own door (SecurityConfig, SignInProvider, AccountGate, SameOrigin) for a
 * {@code @WebMvcTest} slice, where no SQL runs: the users are kept in memory
 * ({@link SliceUsers}, the one store the door reads accounts from), the audit log is a Mockito
 * mock (a test may verify what was recorded). Import it with {@code @Import(WebSliceSecurity.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfig.class, SignInProvider.class, TestPasswords.class})
@EnableConfigurationProperties(ThiduaProperties.class)
public class WebSliceSecurity {
    @Bean
    SliceUsers sliceUsers(PasswordEncoder encoder) {
        return new SliceUsers(encoder);
    }

    @Bean
    AuditLog auditLog() {
        return Mockito.mock(AuditLog.class);
    }

    /** The accounts of a slice test, in memory; what the door reads and writes of them behaves as the table does. */
    public static class SliceUsers extends UserStore {
        private final PasswordEncoder encoder;
        private final AtomicLong ids = new AtomicLong();
        private final Map<Long, AppUser> users = new ConcurrentHashMap<>();
        private final Map<Long, String> hashes = new ConcurrentHashMap<>();

        SliceUsers(PasswordEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        /** A user who may sign in with {@code password} (HTTP Basic or the form); {@code unit} for a UNIT only. */
        public AppUser add(String login, Role role, String unit, String password) {
            long id = ids.incrementAndGet();
            AppUser user = new AppUser(id, login, login, role, unit, false, 0, null, null, Instant.now(), Instant.now());
            users.put(id, user);
            hashes.put(id, encoder.encode(password));
            return user;
        }

        /** No user left. */
        public void clear() {
            users.clear();
            hashes.clear();
        }

        @Override
        Optional<AppUser> find(String login) {
            return users.values().stream().filter(u -> u.login().equals(login)).findFirst();
        }

        @Override
        Optional<AppUser> find(long id) {
            return Optional.ofNullable(users.get(id));
        }

        @Override
        Optional<String> passwordHash(String login) {
            return find(login).map(u -> hashes.get(u.id()));
        }

        @Override
        boolean recordFailure(long id, int max, Duration lock) {
            return false;
        }

        @Override
        void recordSuccess(long id) {
        }
    }
}
