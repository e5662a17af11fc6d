package thidua.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A test that starts thidua in child JVMs ({@link ChildJvm}) on a database of its own: it
 * shares nothing with the in-process tests (no Spring context, no data dir, no System.out
 * capture: what it prints goes to System.err), so it runs concurrently, beside them and beside
 * the other such tests, while it mostly waits on its JVMs (pom.xml, Surefire's JUnit
 * configuration). Tagged {@value #TAG}: {@code ./mvnw test -Dgroups=processes} runs only these.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(ChildProcessesTest.TAG)
@Execution(ExecutionMode.CONCURRENT)
@Order(ChildProcessesTest.ORDER)
public @interface ChildProcessesTest {
    String TAG = "processes";
    /** After the shared contexts' classes have started (their lanes are the longest chains); TwoInstancesTest first. */
    int ORDER = 3;
}
