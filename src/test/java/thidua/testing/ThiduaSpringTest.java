package thidua.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The Spring context that most in-process tests share (Spring's test-context cache keeps it,
 * and its embedded PostgreSQL, for the whole test run; the console's and the API's tests share
 * {@link ThiduaWebSpringTest}, a copy of it): the console and the API on a
 * random port, thidua's folders under {@link #DATA_DIR}, the scheduler's schedule sync on
 * (Quartz itself never started), no settle wait in the inbox (test files are made old or
 * written before the import), and a Quartz scheduler of its own name: Quartz keeps schedulers
 * and their data sources per name in JVM-wide registries, so a command run in-process by a
 * test ({@code CommandLine.run}, default name) would otherwise replace, then close, this
 * context's. Each test class starts from {@link Database#reset} and never
 * depends on what another class left behind.
 *
 * <p>Tests that need other settings (short lock and idle timeout, small upload limits,
 * delivery recipients with SMTP) share {@link ThiduaStrictSpringTest} instead. Add a
 * property here only if every test may see it; a different value in one test class would
 * start a context (and a PostgreSQL) of its own.
 *
 * <p>The classes of each shared context run one after the other (their resource lock), and beside
 * those of the other contexts ({@link ThiduaStrictSpringTest}, {@link ThiduaWebSpringTest}), the
 * classes without a context and the child-JVM tests: each context has its own database and data
 * dir, and {@code ConsoleCapture} captures per thread.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(TestPasswords.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ThiduaSpringTest.LOCK)
@Order(ThiduaSpringTest.ORDER)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "thidua.data-dir=" + ThiduaSpringTest.DATA_DIR, "spring.main.web-application-type=servlet",
        "thidua.inbox-dir=" + ThiduaSpringTest.DATA_DIR + "/inbox",
        "thidua.out-dir=" + ThiduaSpringTest.DATA_DIR + "/out",
        "thidua.inbox.settle-millis=0",
        "thidua.serve=true", "thidua.jobs-dir=" + ThiduaSpringTest.DATA_DIR + "/jobs",
        "spring.quartz.scheduler-name=thidua-shared-test"})
public @interface ThiduaSpringTest {
    /** The shared data dir: its postgres/ survives, everything else a test resets. */
    String DATA_DIR = "target/test-data/shared";
    /** Held by each class of this context while it runs; also by tests that run thidua's command line in-process. */
    String LOCK = "thidua-shared-context";
    /** Context classes start before the child-JVM tests and the classes without a context (pom.xml). */
    int ORDER = 2;
}
