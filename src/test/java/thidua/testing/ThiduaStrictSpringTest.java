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
import org.springframework.test.context.ContextConfiguration;

/**
 * The second shared Spring context, for the tests that need settings no other test may
 * see: a sign-in lock and an idle timeout of 3 s (to be outwaited), uploads limited to
 * 200 KB per file and 300 KB per part (so both refusals are seen), and two delivery
 * recipients with SMTP on {@link TestSmtp#PORT} (a GreenMail a test starts there).
 * Everything else as in {@link ThiduaSpringTest}, under its own data dir, beside whose classes
 * this context's run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import({TestPasswords.class, FixedOutputsClock.class})
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ThiduaStrictSpringTest.LOCK)
@Order(ThiduaSpringTest.ORDER)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "thidua.data-dir=" + ThiduaStrictSpringTest.DATA_DIR, "spring.main.web-application-type=servlet",
        "thidua.inbox-dir=" + ThiduaStrictSpringTest.DATA_DIR + "/inbox",
        "thidua.out-dir=" + ThiduaStrictSpringTest.DATA_DIR + "/out",
        "thidua.inbox.settle-millis=0", "spring.quartz.scheduler-name=thidua-strict-test",
        "thidua.security.lock=3s", "thidua.console.idle-timeout=3s",
        "thidua.max-file-bytes=204800", "spring.servlet.multipart.max-file-size=300KB",
        "thidua.delivery.from=thidua@congan.example.vn",
        "thidua.delivery.recipients[0].key=bgd-giam-doc",
        "thidua.delivery.recipients[0].name=Đồng chí Giám đốc",
        "thidua.delivery.recipients[0].email=gd@example.vn",
        "thidua.delivery.recipients[0].outputs=bang-diem,tong-hop,bao-cao",
        "thidua.delivery.recipients[1].key=pv01-tham-muu",
        "thidua.delivery.recipients[1].name=Phòng Tham mưu",
        "thidua.delivery.recipients[1].email=pv01@example.vn",
        "thidua.delivery.recipients[1].outputs=tong-hop"})
@ContextConfiguration(initializers = TestSmtp.class)
public @interface ThiduaStrictSpringTest {
    String DATA_DIR = "target/test-data/strict";
    /** Held by each class of this context while it runs (its classes one after the other, beside the others'). */
    String LOCK = "thidua-strict-context";
}
