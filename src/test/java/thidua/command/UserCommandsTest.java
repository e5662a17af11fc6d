package thidua.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import thidua.ThiduaApplication;
import thidua.batch.BatchRuns;
import thidua.command.ConsoleCapture.Result;
import thidua.job.ExitCode;
import thidua.testing.Database;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaSpringTest;

/**
 * `user add|list|disable|enable|password` as the person at the server's terminal runs
 * them: the password on standard input (one line), exit 0 and a summary line, or exit 2
 * and a Vietnamese sentence saying what is wrong; nothing stored when refused.
 */
@ThiduaSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserCommandsTest {
    static final String DATA_DIR = ThiduaSpringTest.DATA_DIR;
    private static final String PASSWORD = "Mat-khau-thu-nghiem-1";

    @Autowired
    Commands commands;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    BatchRuns runs;
    private long auditBefore;

    @BeforeAll
    void scheme() throws Exception {
        Database.reset(jdbc, DATA_DIR);
        // A UNIT user belongs to a unit code of a loaded scheme.
        assertThat(runs.scheme(TestSubmissions.SCHEME).ok()).isTrue();
    }

    @BeforeEach
    void noUsers() {
        Database.emptyUsers(jdbc);
        auditBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
    }

    @Test
    void addReadsThePasswordFromStandardInputAndStoresOnlyItsHash() throws Exception {
        Result added = user(PASSWORD + "\n", "add", "--login", "thuongtruc", "--role", "hq", "--name", "Nguyễn Văn A");
        assertThat(added.exit()).as(added.output()).isZero();
        assertThat(added.output()).contains("user: added thuongtruc (HQ)");
        Row row = row("thuongtruc");
        assertThat(row.role()).isEqualTo("HQ");
        assertThat(row.name()).isEqualTo("Nguyễn Văn A");
        assertThat(row.mustChange()).as("a password typed at the terminal is ready to use").isFalse();
        assertThat(row.hash()).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        assertThat(encoder.matches(PASSWORD, row.hash())).isTrue();

        Result unit = user("Mat-khau-don-vi-1\r\n", "add", "--login", "donvi-pa01", "--role", "UNIT", "--unit", "pa01");
        assertThat(unit.exit()).as(unit.output()).isZero();
        assertThat(unit.output()).contains("user: added donvi-pa01 (UNIT PA01)");
        assertThat(encoder.matches("Mat-khau-don-vi-1", row("donvi-pa01").hash())).as("CR LF ends the line").isTrue();
        assertThat(audit()).containsExactly("USER_ADD - thuongtruc HQ terminal", "USER_ADD - donvi-pa01 UNIT PA01 terminal");

        Result list = user("", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.output()).contains("thuongtruc", "donvi-pa01", "PA01", "Đang dùng", "Nguyễn Văn A",
                "user: 2 user(s)").doesNotContain(PASSWORD, "{bcrypt}");
    }

    @Test
    void refusedAddsExitWith2AndAVietnameseSentenceAndStoreNothing() throws Exception {
        assertThat(user(PASSWORD + "\n", "add", "--login", "thuongtruc", "--role", "HQ").exit()).isZero();
        assertRefused(user("Mat-khau-khac-hoan-toan\n", "add", "--login", "ThuongTruc", "--role", "LEADER"),
                "Tên đăng nhập \"thuongtruc\" đã có");
        assertRefused(user(PASSWORD + "\n", "add", "--login", "donvi", "--role", "UNIT"),
                "Tài khoản đơn vị (UNIT) cần --unit");
        assertRefused(user(PASSWORD + "\n", "add", "--login", "donvi", "--role", "UNIT", "--unit", "ZZ99"),
                "Mã đơn vị \"ZZ99\" không có trong bộ tiêu chí");
        assertRefused(user(PASSWORD + "\n", "add", "--login", "lanhdao", "--role", "LEADER", "--unit", "PA01"),
                "Chỉ tài khoản đơn vị (UNIT) mới gắn với một mã đơn vị");
        assertRefused(user("ngan\n", "add", "--login", "lanhdao", "--role", "LEADER"), "Mật khẩu cần ít nhất 10 ký tự");
        assertRefused(user("lanhdao-2024-mat-khau\n", "add", "--login", "lanhdao", "--role", "LEADER"),
                "Mật khẩu không được chứa tên đăng nhập");
        assertRefused(user("", "add", "--login", "lanhdao", "--role", "LEADER"), "cần mật khẩu trên đầu vào chuẩn");
        assertRefused(user(PASSWORD + "\n", "add", "--login", "Lê Đạo", "--role", "LEADER"),
                "Tên đăng nhập \"Lê Đạo\" không hợp lệ");
        assertThat(jdbc.sql("SELECT login FROM app_user").query(String.class).list()).containsExactly("thuongtruc");

        // A bad role is bad usage: refused by the parser, before any application starts.
        Cli badRole = cli("user", "add", "--login", "lanhdao", "--role", "BOSS");
        assertThat(badRole.exit()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(badRole.err()).contains("--role phải là ADMIN, HQ, LEADER hoặc UNIT: BOSS", "Cách dùng");
        Cli noLogin = cli("user", "add", "--role", "HQ");
        assertThat(noLogin.exit()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(noLogin.err()).contains("Lệnh user add cần --login");
    }

    @Test
    void disableEnableAndPasswordChangeTheAccountAndTemporaryForcesAChange() throws Exception {
        assertThat(user(PASSWORD + "\n", "add", "--login", "lanhdao", "--role", "LEADER").exit()).isZero();

        Result disabled = user("", "disable", "--login", "lanhdao");
        assertThat(disabled.exit()).as(disabled.output()).isZero();
        assertThat(disabled.output()).contains("user: lanhdao disabled");
        assertThat(row("lanhdao").disabled()).isTrue();
        assertThat(user("", "list").output()).contains("Đã vô hiệu hoá");
        Result enabled = user("", "enable", "--login", "lanhdao");
        assertThat(enabled.output()).contains("user: lanhdao enabled");
        assertThat(row("lanhdao").disabled()).isFalse();

        Result set = user("Mat-khau-moi-hai-1\n", "password", "--login", "lanhdao");
        assertThat(set.exit()).as(set.output()).isZero();
        assertThat(set.output()).contains("user: password of lanhdao set").doesNotContain("temporary");
        assertThat(encoder.matches("Mat-khau-moi-hai-1", row("lanhdao").hash())).isTrue();
        assertThat(row("lanhdao").mustChange()).isFalse();

        Result temporary = user("Mat-khau-tam-thoi-3\n", "password", "--login", "lanhdao", "--temporary");
        assertThat(temporary.exit()).as(temporary.output()).isZero();
        assertThat(temporary.output()).contains("(temporary: to be changed at the next sign-in)");
        assertThat(row("lanhdao").mustChange()).isTrue();
        assertThat(encoder.matches("Mat-khau-tam-thoi-3", row("lanhdao").hash())).isTrue();
        assertThat(user("", "list").output()).contains("phải đổi mật khẩu");

        assertRefused(user("", "disable", "--login", "khong-co"), "Không có tài khoản \"khong-co\"");
        assertRefused(user("ngan\n", "password", "--login", "lanhdao"), "Mật khẩu cần ít nhất 10 ký tự");
        assertThat(encoder.matches("Mat-khau-tam-thoi-3", row("lanhdao").hash())).as("unchanged when refused").isTrue();
        assertThat(audit()).containsExactly("USER_ADD - lanhdao LEADER terminal", "USER_DISABLE - lanhdao - terminal",
                "USER_ENABLE - lanhdao - terminal", "USER_PASSWORD - lanhdao mật khẩu mới terminal",
                "USER_PASSWORD - lanhdao mật khẩu tạm, phải đổi khi đăng nhập terminal");
    }

    @Test
    void theWholeCommandLineTakesSpringPropertiesBesideItsOwnOptions() throws Exception {
        // As `java -jar thidua.jar user add … --server.port=18081`: its own application on the same database.
        Result run = ConsoleInput.run(PASSWORD + "\n", () -> ThiduaApplication.run(new String[] {"user", "add", "--login", "quantri",
                "--role", "ADMIN", "--data-dir", DATA_DIR, "--server.port=18081", "--thidua.security.max-failed=7"}));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("user: added quantri (ADMIN)");
        assertThat(row("quantri").role()).isEqualTo("ADMIN");
        // A misspelt option is still bad usage, not a property.
        Cli typo = cli("status", "--perod", "2024");
        assertThat(typo.exit()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(typo.err()).contains("Lệnh status không nhận --perod");
    }

    // ------------------------------------------------------------------ helpers

    private record Row(String role, String name, String hash, boolean mustChange, boolean disabled) {
    }

    private Row row(String login) {
        return jdbc.sql("""
                SELECT role, full_name, password_hash, must_change_password, disabled_at IS NOT NULL
                FROM app_user WHERE login = ?""").param(login)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getBoolean(5)))
                .single();
    }

    /** Audit rows since the test began: "ACTION login target detail address". */
    private List<String> audit() {
        return jdbc.sql("""
                SELECT action || ' ' || coalesce(login, '-') || ' ' || coalesce(target, '-') || ' '
                    || coalesce(detail, '-') || ' ' || coalesce(address, '-') FROM audit_event WHERE id > ? ORDER BY id""")
                .param(auditBefore).query(String.class).list();
    }

    /** `user ARGS` with {@code input} on standard input, in this application (as CommandsTest does). */
    private Result user(String input, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "user";
        System.arraycopy(args, 0, all, 1, args.length);
        Invocation invocation = Invocation.parse(all);
        return ConsoleInput.run(input, () -> commands.execute(invocation));
    }

    private static void assertRefused(Result result, String sentence) {
        assertThat(result.exit()).as(result.output()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(result.output()).contains("user: ", sentence);
    }

    private record Cli(int exit, String err) {
    }

    /** The command line refused by its parser: exit code and standard error. */
    private static Cli cli(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Cli(ThiduaApplication.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }
}
