package thidua.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The recipients as configured: defaults, which outputs, and keys that could not be folder names. */
class DeliveryPropertiesTest {
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DeliveryProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void recipientsAreReadWithTheirOutputsAndNoneIsTheDefault() {
        context.run(ctx -> {
            DeliveryProperties p = ctx.getBean(DeliveryProperties.class);
            assertThat(p.recipients()).isEmpty();
            assertThat(p.sendingLease()).isEqualTo(Duration.ofMinutes(10));
        });
        context.withPropertyValues(
                "thidua.delivery.outbox=/srv/thidua/outbox",
                "thidua.delivery.recipients[0].key=bgd-giam-doc",
                "thidua.delivery.recipients[0].name=Đồng chí Giám đốc",
                "thidua.delivery.recipients[0].email=gd@example.vn",
                "thidua.delivery.recipients[0].outputs=bang-diem, tong-hop",
                "thidua.delivery.recipients[1].key=van-thu").run(ctx -> {
            DeliveryProperties p = ctx.getBean(DeliveryProperties.class);
            assertThat(p.outbox()).isEqualTo(Path.of("/srv/thidua/outbox"));
            var gd = p.recipients().get(0);
            assertThat(gd.name()).isEqualTo("Đồng chí Giám đốc");
            assertThat(gd.wants("tong-hop")).isTrue();
            assertThat(gd.wants("bao-cao")).isFalse();
            var vanThu = p.recipients().get(1);
            assertThat(vanThu.email()).isNull();
            assertThat(vanThu.name()).isEqualTo("van-thu");
            assertThat(vanThu.wants("bao-cao")).isTrue();
        });
    }

    @Test
    void aKeyThatIsNotAPlainFolderNameOrIsUsedTwiceStopsTheStart() {
        context.withPropertyValues("thidua.delivery.recipients[0].key=../giam-doc")
                .run(ctx -> assertThat(ctx).hasFailed());
        context.withPropertyValues("thidua.delivery.recipients[0].key=Giám đốc")
                .run(ctx -> assertThat(ctx).hasFailed());
        context.withPropertyValues("thidua.delivery.recipients[0].key=a", "thidua.delivery.recipients[1].key=a")
                .run(ctx -> assertThat(ctx).hasFailed());
    }

    @Test
    void theOutputNameIsTheFileNameLessPeriodAndExtension() {
        assertThat(Delivery.Output.name("bang-diem-2024.xlsx", "2024")).isEqualTo("bang-diem");
        assertThat(Delivery.Output.name("bao-cao-Q1.2024.pdf", "Q1.2024")).isEqualTo("bao-cao");
        assertThat(Delivery.Output.name("khac.xlsx", "2024")).isEqualTo("khac");
    }
}
