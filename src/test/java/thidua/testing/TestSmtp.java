package thidua.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points {@link ThiduaStrictSpringTest}'s context at an SMTP server on 127.0.0.1:{@link #PORT},
 * a free port chosen once per test JVM (one initializer class, so the context stays shared).
 */
public final class TestSmtp implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    public static final int PORT = freePort();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + PORT).applyTo(context);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
