package thidua.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import thidua.ThiduaApplication;
import thidua.command.ConsoleCapture.Result;
import thidua.testing.ThiduaSpringTest;

/**
 * A command other than {@code serve} starts what it needs and nothing more: no web server
 * (nothing listens), no scheduler, none of the console's or the API's beans made; the
 * database's migrations still run at start, and the command still runs.
 */
@ThiduaSpringTest
class CommandApplicationTest {

    @Test
    void statusStartsNoWebServerNoSchedulerAndOnlyTheBeansItUses() throws Exception {
        Invocation status = Invocation.parse(new String[] {"status", "--data-dir", ThiduaSpringTest.DATA_DIR});
        try (ConfigurableApplicationContext context = CommandLine.start(ThiduaApplication.class, status)) {
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBeanNamesForType(org.quartz.Scheduler.class)).as("no scheduler").isEmpty();
            var beans = context.getBeanFactory();
            assertThat(beans.containsSingleton("flywayInitializer")).as("the migrations ran at start").isTrue();
            List<String> made = Arrays.stream(beans.getSingletonNames())
                    .map(beans::getSingleton)
                    .map(bean -> bean.getClass().getPackageName())
                    .filter(p -> p.equals("thidua.console") || p.equals("thidua.api") || p.equals("thidua.schedule"))
                    .toList();
            assertThat(made).as("beans of the console, the API or the scheduler").isEmpty();

            Result run = ConsoleCapture.run(() -> context.getBean(Commands.class).execute(status));
            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(run.output()).contains("status: ");
        }
    }
}
