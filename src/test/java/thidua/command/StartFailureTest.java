package thidua.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.ThiduaApplication;
import thidua.job.ExitCode;

/**
 * A command that cannot start because of a setting says so on the console in one Vietnamese
 * sentence naming the setting (it used to end with exit 1 and nothing printed, the cause only
 * in the log file), and leaves no database server running.
 */
class StartFailureTest {
    @TempDir
    Path dir;

    @Test
    void aSettingThatCannotBeUsedIsNamedOnTheConsole() throws Exception {
        ConsoleCapture.Result run = ConsoleCapture.run(() -> ThiduaApplication.run(new String[] {"status",
                "--data-dir", dir.resolve("data").toString(), "--thidua.max-rows=abc"}));
        assertThat(run.exit()).isEqualTo(ExitCode.FAILED.code());
        assertThat(run.output()).contains("status: không khởi động được vì giá trị \"abc\" của thiết lập thidua.max-rows")
                .contains("thidua.log").doesNotContain("Exception", "java.", "org.springframework");
        // The embedded PostgreSQL, started beside Spring on this first start (initdb), is stopped too.
        assertThat(dir.resolve("data/postgres/postmaster.pid")).doesNotExist();
    }
}
