package thidua.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import thidua.ThiduaApplication;
import thidua.job.ExitCode;

/** Bad usage is refused before anything starts, with exit code 2 and a reason. */
class InvocationTest {

    @Test
    void readsTheOptionsOfACommandInEitherForm() throws Exception {
        Invocation run = Invocation.parse(new String[] {"run", "--scheme", "s.xlsx", "--inbox=in", "--period", "2024",
                "--out", "out", "--data-dir", "d"});
        assertThat(run.command()).isEqualTo("run");
        assertThat(run.option("inbox")).isEqualTo("in");
        assertThat(run.dataDir()).isEqualTo("d");
        assertThat(Invocation.parse(new String[] {"status"}).dataDir()).isEqualTo("data");
    }

    @Test
    void refusesUnknownCommandsMissingOrForeignOptionsAndStrayArguments() {
        assertThatThrownBy(() -> Invocation.parse(new String[] {"xoa"})).hasMessageContaining("xoa");
        assertThatThrownBy(() -> Invocation.parse(new String[] {"consolidate", "--period", "2024"}))
                .hasMessageContaining("--out");
        assertThatThrownBy(() -> Invocation.parse(new String[] {"import", "--inbox", "in", "--period", "2024"}))
                .hasMessageContaining("--period");
        assertThatThrownBy(() -> Invocation.parse(new String[] {"import", "in"})).hasMessageContaining("in");
        assertThatThrownBy(() -> Invocation.parse(new String[] {"import", "--inbox"})).hasMessageContaining("--inbox");
    }

    @Test
    void springPropertiesPassThroughToSpringBootUntouched() throws Exception {
        Invocation serve = Invocation.parse(new String[] {"serve", "--server.port=18081", "--data-dir", "d",
                "--server.address=0.0.0.0", "--thidua.delivery.recipients[0].key=bgd-giam-doc"});
        assertThat(serve.springArgs()).containsExactly("--server.port=18081", "--server.address=0.0.0.0",
                "--thidua.delivery.recipients[0].key=bgd-giam-doc");
        assertThat(serve.options()).containsOnlyKeys("data-dir");
        Invocation add = Invocation.parse(new String[] {"user", "add", "--login", "hq", "--role", "HQ",
                "--server.port=18081"});
        assertThat(add.command()).isEqualTo("user add");
        assertThat(add.springArgs()).containsExactly("--server.port=18081");
        assertThat(add.options()).containsOnlyKeys("login", "role");
        // A command's own option written with "=" is still its own.
        assertThat(Invocation.parse(new String[] {"status", "--period=2024"}).option("period")).isEqualTo("2024");
        assertThat(Invocation.parse(new String[] {"status", "--period=2024"}).springArgs()).isEmpty();
    }

    @Test
    void aMisspeltOptionIsStillBadUsageNotAProperty() {
        assertThatThrownBy(() -> Invocation.parse(new String[] {"status", "--perod", "2024"}))
                .hasMessageContaining("--perod");
        assertThatThrownBy(() -> Invocation.parse(new String[] {"status", "--perod=2024"}))
                .hasMessageContaining("--perod");
        // A property needs its value after "=": with a space it is a stray option.
        assertThatThrownBy(() -> Invocation.parse(new String[] {"serve", "--server.port", "18081"}))
                .hasMessageContaining("--server.port");
    }

    @Test
    void theUserCommandsCheckTheirOptions() throws Exception {
        assertThatThrownBy(() -> Invocation.parse(new String[] {"user"})).hasMessageContaining("add, list");
        assertThatThrownBy(() -> Invocation.parse(new String[] {"user", "xoa"})).hasMessageContaining("user xoa");
        assertThatThrownBy(() -> Invocation.parse(new String[] {"user", "add", "--login", "l"}))
                .hasMessageContaining("--role");
        assertThatThrownBy(() -> Invocation.parse(new String[] {"user", "add", "--login", "l", "--role", "BOSS"}))
                .hasMessageContaining("ADMIN, HQ, LEADER hoặc UNIT");
        assertThatThrownBy(() -> Invocation.parse(new String[] {"user", "disable"})).hasMessageContaining("--login");
        // The password is never an option: `ps` would show it.
        assertThatThrownBy(() -> Invocation.parse(new String[] {"user", "add", "--login", "l", "--role", "HQ",
                "--password", "bi-mat-1234"})).hasMessageContaining("--password");
        assertThat(Invocation.parse(new String[] {"user", "password", "--login", "l", "--temporary"})
                .option("temporary")).isEqualTo("true");
        assertThat(Invocation.parse(new String[] {"user", "password", "--login", "l"}).option("temporary")).isNull();
        assertThat(Invocation.parse(new String[] {"user", "add", "--login", "l", "--role", "unit", "--unit", "PA01"})
                .option("unit")).isEqualTo("PA01");
    }

    @Test
    void badUsageExitsWith2AndHelpWith0WithoutStartingAnything() {
        assertThat(ThiduaApplication.run(new String[] {"xoa"})).isEqualTo(ExitCode.REFUSED.code());
        assertThat(ThiduaApplication.run(new String[] {})).isEqualTo(ExitCode.REFUSED.code());
        assertThat(ThiduaApplication.run(new String[] {"--help"})).isEqualTo(ExitCode.COMPLETED.code());
    }
}
