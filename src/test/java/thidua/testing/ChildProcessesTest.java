package thidua.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that starts thidua in child JVMs ({@link ChildJvm}) on a database of its own: tagged
 * {@value #TAG}, run by Surefire's second execution ({@code processes}, pom.xml) after the
 * in-process tests; {@code ./mvnw test} runs both executions.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(ChildProcessesTest.TAG)
public @interface ChildProcessesTest {
    String TAG = "processes";
}
