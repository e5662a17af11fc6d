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
 * The third shared Spring context, for the console's and the API's tests (role matrices, the
 * endpoint walk, the browser): the same settings as {@link ThiduaSpringTest}, under its own data
 * dir, database and scheduler name, so that its classes run beside that context's (each
 * context's classes one after the other: its resource lock).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(TestPasswords.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ThiduaWebSpringTest.LOCK)
@Order(ThiduaWebSpringTest.ORDER)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "thidua.data-dir=" + ThiduaWebSpringTest.DATA_DIR, "spring.main.web-application-type=servlet",
        "thidua.inbox-dir=" + ThiduaWebSpringTest.DATA_DIR + "/inbox",
        "thidua.out-dir=" + ThiduaWebSpringTest.DATA_DIR + "/out",
        "thidua.inbox.settle-millis=0",
        "thidua.serve=true", "thidua.jobs-dir=" + ThiduaWebSpringTest.DATA_DIR + "/jobs",
        "spring.quartz.scheduler-name=thidua-web-test"})
public @interface ThiduaWebSpringTest {
    /** This context's data dir: its postgres/ survives, everything else a test resets. */
    String DATA_DIR = "target/test-data/web";
    /** Held by each class of this context while it runs. */
    String LOCK = "thidua-web-context";
    int ORDER = ThiduaSpringTest.ORDER;
}
