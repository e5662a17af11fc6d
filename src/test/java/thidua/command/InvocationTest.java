package thidua.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
    void badUsageExitsWith2AndHelpWith0WithoutStartingAnything() {
        assertThat(CommandLine.run(new String[] {"xoa"})).isEqualTo(CommandLine.BAD_USAGE);
        assertThat(CommandLine.run(new String[] {})).isEqualTo(CommandLine.BAD_USAGE);
        assertThat(CommandLine.run(new String[] {"--help"})).isEqualTo(CommandLine.OK);
    }
}
