package thidua.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import thidua.testing.ChildJvm;
import thidua.testing.Database;
import thidua.testing.ThiduaStrictSpringTest;
import thidua.testing.Web;
import thidua.testing.Web.Answer;

/**
 * Signing in through the real form, as a browser does (a cookie-keeping client posting
 * {@code username}, {@code password} and the page's {@code _csrf}): the session cookie and
 * the security headers, the lock after 5 wrong passwords in a row, the refusal of a post
 * without its CSRF token, the forced password change, the idle timeout, sign-out, and the
 * audit row each writes. The lock and the idle timeout are 3 s here so a test can outwait them.
 */
@ThiduaStrictSpringTest
class SignInTest {
    private static final String PASSWORD = "Mat-khau-thu-nghiem-1";

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    private long auditBefore;

    @BeforeEach
    void freshUsers() {
        Database.reset(jdbc, ThiduaStrictSpringTest.DATA_DIR);
        auditBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
    }

    @Test
    void theFormSignsInWithAnHttpOnlySameSiteLaxSessionAndSignOutEndsIt() throws Exception {
        AppUser hq = users.add("thuongtruc", Role.HQ, null, null, PASSWORD, false, Users.Actor.TERMINAL);
        Web browser = Web.at(port);
        assertThat(browser.get("/api/imports").status()).isEqualTo(401);

        Answer signedIn = browser.signIn("thuongtruc", PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).isEqualTo("/");
        String cookie = sessionCookie(signedIn);
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        String session = browser.cookie("JSESSIONID").orElseThrow();
        assertThat(browser.get("/api/imports").status()).isEqualTo(200);
        assertThat(audit()).contains("SIGN_IN thuongtruc thuongtruc 127.0.0.1");

        // Sign-out is a form post: without its token it is refused and the session lives on.
        Answer forged = browser.post("/dang-xuat");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.get("/api/imports").status()).isEqualTo(200);
        assertThat(audit()).contains("CSRF_REFUSED thuongtruc /dang-xuat 127.0.0.1").doesNotContain(
                "SIGN_OUT thuongtruc thuongtruc 127.0.0.1");

        Answer out = browser.form("/dang-xuat", Map.of("_csrf", browser.csrfToken()));
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).isEqualTo("/dang-nhap?da-thoat");
        assertThat(audit()).contains("SIGN_OUT thuongtruc thuongtruc 127.0.0.1");
        // The old session id, sent again by hand, no longer signs anyone in.
        Answer replayed = Web.at(port).get("/api/imports", "Cookie", "JSESSIONID=" + session);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(users.find(hq.id()).orElseThrow().failedAttempts()).isZero();
    }

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() throws Exception {
        users.add("thuongtruc", Role.HQ, null, null, PASSWORD, false, Users.Actor.TERMINAL);
        Web anonymous = Web.at(port);
        Web script = Web.at(port).basic("thuongtruc", PASSWORD);
        for (Answer a : List.of(anonymous.get("/dang-nhap"), anonymous.get("/api/imports"), anonymous.get("/tong-quan"),
                script.get("/api/imports"), script.get("/api/imports/0x1"))) {
            String csp = a.header("Content-Security-Policy").orElse("");
            assertThat(csp).as(a.toString()).contains("frame-ancestors 'none'", "script-src 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(a.header("X-Frame-Options")).as(a.toString()).hasValue("DENY");
            assertThat(a.header("X-Content-Type-Options")).as(a.toString()).hasValue("nosniff");
        }
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountEvenForTheRightPasswordUntilTheLockPasses() throws Exception {
        AppUser user = users.add("khoa-thu", Role.HQ, null, null, PASSWORD, false, Users.Actor.TERMINAL);
        Web browser = Web.at(port);
        // Four wrong, then the right one: the count starts again, nothing is locked.
        for (int i = 1; i <= 4; i++) {
            assertThat(browser.signIn("khoa-thu", "sai-mat-khau-" + i).location()).as("attempt %d: %s", i, audit())
                    .isEqualTo("/dang-nhap?loi");
        }
        assertThat(browser.signIn("khoa-thu", PASSWORD).location()).isEqualTo("/");
        assertThat(lockedUntilSet(user)).isFalse();
        browser.forgetCookies();

        for (int i = 1; i <= 5; i++) {
            Answer wrong = browser.signIn("khoa-thu", "sai-mat-khau-" + i);
            assertThat(wrong.status()).isEqualTo(302);
            assertThat(wrong.location()).isEqualTo("/dang-nhap?loi");
        }
        assertThat(lockedUntilSet(user)).isTrue();
        assertThat(jdbc.sql("SELECT locked_until > now() FROM app_user WHERE id = ?").param(user.id())
                .query(Boolean.class).single()).isTrue();
        // The sixth attempt, with the right password, fails: by the form and by HTTP Basic.
        Answer sixth = browser.signIn("khoa-thu", PASSWORD);
        assertThat(sixth.location()).isEqualTo("/dang-nhap?khoa");
        assertThat(browser.get("/api/imports").status()).isEqualTo(401);
        assertThat(Web.at(port).basic("khoa-thu", PASSWORD).get("/api/imports").status()).isEqualTo(401);
        List<String> rows = audit();
        assertThat(rows.stream().filter(r -> r.startsWith("SIGN_IN_FAILED khoa-thu"))).hasSize(4 + 5 + 2);
        assertThat(rows).containsOnlyOnce("ACCOUNT_LOCKED khoa-thu khoa-thu 127.0.0.1");
        assertThat(details("SIGN_IN_FAILED")).contains("sai mật khẩu", "tài khoản đang bị khoá tạm thời",
                "tài khoản đang bị khoá tạm thời (HTTP Basic)");

        // Once the lock has passed (3 s here, 15 min by default), the right password works again.
        ChildJvm.await("the lock to pass", Duration.ofSeconds(20), () -> jdbc.sql(
                "SELECT locked_until <= now() FROM app_user WHERE id = ?").param(user.id()).query(Boolean.class)
                .single());
        Answer after = browser.signIn("khoa-thu", PASSWORD);
        assertThat(after.location()).isEqualTo("/");
        assertThat(browser.get("/api/imports").status()).isEqualTo(200);
        assertThat(lockedUntilSet(user)).isFalse();
        assertThat(audit().stream().filter(r -> r.startsWith("SIGN_IN khoa-thu"))).hasSize(2);
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        AppUser user = users.add("thuongtruc", Role.HQ, null, null, PASSWORD, false, Users.Actor.TERMINAL);
        Web browser = Web.at(port);
        browser.csrfToken(); // a session with a token exists; the forged post does not send it
        Answer forged = browser.form("/dang-nhap", Map.of("username", "thuongtruc", "password", PASSWORD));
        assertThat(forged.status()).isEqualTo(403);
        Answer wrongToken = browser.form("/dang-nhap", Map.of("username", "thuongtruc", "password", PASSWORD,
                "_csrf", "khong-phai-token"));
        assertThat(wrongToken.status()).isEqualTo(403);
        // Nobody signed in, no attempt counted, two refusals audited.
        assertThat(browser.get("/api/imports").status()).isEqualTo(401);
        assertThat(users.find(user.id()).orElseThrow().failedAttempts()).isZero();
        assertThat(audit()).containsExactly("USER_ADD - thuongtruc terminal", "CSRF_REFUSED - /dang-nhap 127.0.0.1",
                "CSRF_REFUSED - /dang-nhap 127.0.0.1");

        // Signed in, a state-changing API call riding on the session cookie needs the token too.
        assertThat(browser.signIn("thuongtruc", PASSWORD).location()).isEqualTo("/");
        long executions = jdbc.sql("SELECT count(*) FROM batch_job_execution").query(Long.class).single();
        Answer noToken = browser.post("/api/periods/2024/consolidate");
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.json().path("error").asString()).contains("tải lại trang");
        assertThat(jdbc.sql("SELECT count(*) FROM batch_job_execution").query(Long.class).single()).isEqualTo(executions);
        assertThat(audit()).contains("CSRF_REFUSED thuongtruc /api/periods/2024/consolidate 127.0.0.1")
                .noneMatch(r -> r.startsWith("CONSOLIDATE"));
        // With the page's token in the header it passes the door (and is refused for what it asks: no scheme here).
        Answer withToken = browser.post("/api/periods/2024/consolidate", "X-CSRF-TOKEN", browser.csrfToken());
        assertThat(withToken.status()).as(withToken.toString()).isEqualTo(400);
        assertThat(withToken.json().path("error").asString()).contains("2024");
    }

    @Test
    void aPasswordSetBySomeoneElseMustBeChangedBeforeAnythingElse() throws Exception {
        // As an ADMIN sets it in the console (or `user password --temporary`): temporary.
        AppUser user = users.add("lanhdao", Role.LEADER, null, null, PASSWORD, true, Users.Actor.TERMINAL);
        assertThat(user.mustChangePassword()).isTrue();
        Web browser = Web.at(port);
        Answer signedIn = browser.signIn("lanhdao", PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).isEqualTo("/doi-mat-khau");
        for (String page : List.of("/", "/tong-quan", "/tong-hop", "/tong-hop/2024")) {
            Answer a = browser.get(page);
            assertThat(a.status()).as(a.toString()).isEqualTo(302);
            assertThat(a.location()).as(a.toString()).isEqualTo("/doi-mat-khau");
        }
        assertThat(browser.get("/doi-mat-khau").location()).isNotEqualTo("/doi-mat-khau"); // no loop
        Answer api = browser.get("/api/outputs");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.json().path("error").asString()).contains("đổi mật khẩu");
        Answer script = Web.at(port).basic("lanhdao", PASSWORD).get("/api/outputs");
        assertThat(script.status()).isEqualTo(403);
        assertThat(script.json().path("error").asString()).contains("đổi mật khẩu");

        // The console's change form calls this (its page is built on another branch).
        String next = "Mat-khau-moi-cua-toi-2";
        assertThatThrownBy(() -> users.changeOwnPassword(user.id(), "sai-mat-khau-hien-tai", next, "127.0.0.1"))
                .isInstanceOf(Users.Refused.class);
        users.changeOwnPassword(user.id(), PASSWORD, next, "127.0.0.1");
        assertThat(users.find(user.id()).orElseThrow().mustChangePassword()).isFalse();
        assertThat(audit()).contains("PASSWORD_CHANGE lanhdao lanhdao 127.0.0.1");
        // The same session now reaches what a LEADER may; Basic takes the new password only.
        assertThat(browser.get("/api/outputs").status()).isEqualTo(200);
        assertThat(Web.at(port).basic("lanhdao", next).get("/api/outputs").status()).isEqualTo(200);
        assertThat(Web.at(port).basic("lanhdao", PASSWORD).get("/api/outputs").status()).isEqualTo(401);
    }

    @Test
    void anIdleSessionExpiresAndItsCookieNoLongerSignsIn() throws Exception {
        users.add("thuongtruc", Role.HQ, null, null, PASSWORD, false, Users.Actor.TERMINAL);
        Web browser = Web.at(port);
        assertThat(browser.signIn("thuongtruc", PASSWORD).location()).isEqualTo("/");
        assertThat(browser.get("/api/imports").status()).isEqualTo(200);
        Thread.sleep(4500); // idle for longer than thidua.console.idle-timeout (3 s here)
        Answer api = browser.get("/api/imports");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.json().path("error").asString()).isNotBlank();
        Answer page = browser.get("/tong-quan");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/dang-nhap");
        // Signing in again works, and the page asked for is where it leads.
        Answer again = browser.signIn("thuongtruc", PASSWORD);
        assertThat(again.location()).startsWith("/tong-quan");
    }

    @Test
    void aDisabledAccountLosesItsSessionAtOnceAndCannotSignIn() throws Exception {
        users.add("thuongtruc", Role.HQ, null, null, PASSWORD, false, Users.Actor.TERMINAL);
        Web browser = Web.at(port);
        assertThat(browser.signIn("thuongtruc", PASSWORD).location()).isEqualTo("/");
        assertThat(browser.get("/api/imports").status()).isEqualTo(200);
        users.disable("thuongtruc", Users.Actor.TERMINAL);
        assertThat(browser.get("/api/imports").status()).isEqualTo(401);
        assertThat(browser.signIn("thuongtruc", PASSWORD).location()).isEqualTo("/dang-nhap?vo-hieu");
        assertThat(Web.at(port).basic("thuongtruc", PASSWORD).get("/api/imports").status()).isEqualTo(401);
        assertThat(audit()).contains("USER_DISABLE - thuongtruc terminal");
        // An unknown login is refused the same way as a wrong password, and audited without a login.
        assertThat(Web.at(port).signIn("khong-co-ai", PASSWORD).location()).isEqualTo("/dang-nhap?loi");
        assertThat(audit()).contains("SIGN_IN_FAILED - khong-co-ai 127.0.0.1");
    }

    @Test
    void theAuditLogRefusesUpdatesAndDeletes() {
        audit.record("thuongtruc", "TEST", "#1", "một dòng để sửa", "127.0.0.1");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET action = 'SUA' WHERE action = 'TEST'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE action = 'TEST'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'TEST' AND id > ?").param(auditBefore)
                .query(Long.class).single()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    /** The audit rows since the test began, oldest first: "ACTION login target address" (login "-" when none). */
    private List<String> audit() {
        return jdbc.sql("""
                SELECT action || ' ' || coalesce(login, '-') || ' ' || coalesce(target, '-') || ' '
                    || coalesce(address, '-') FROM audit_event WHERE id > ? ORDER BY id""")
                .param(auditBefore).query(String.class).list();
    }

    private List<String> details(String action) {
        return jdbc.sql("SELECT coalesce(detail, '') FROM audit_event WHERE id > ? AND action = ? ORDER BY id")
                .params(auditBefore, action).query(String.class).list();
    }

    private boolean lockedUntilSet(AppUser user) {
        return jdbc.sql("SELECT locked_until IS NOT NULL FROM app_user WHERE id = ?").param(user.id())
                .query(Boolean.class).single();
    }

    private static String sessionCookie(Answer a) {
        return a.headers("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie set by " + a + ": " + a.headers()));
    }
}
