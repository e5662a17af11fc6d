package thidua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import thidua.access.Role;
import thidua.access.Users;
import thidua.batch.BatchRuns;
import thidua.testing.Database;
import thidua.testing.TestSubmissions;
import thidua.testing.ThiduaWebSpringTest;
import thidua.testing.Web;
import thidua.testing.Web.Answer;

/**
 * Every mapped endpoint (read from Spring's own handler mapping, so a new one is walked
 * without being listed here), signed in as an ADMIN (who reaches them all), with traversal
 * and encoding tricks in each path variable and each query parameter: never a 500, never a
 * stack trace or a Java class name, never a server path or the file one folder above the
 * output folder, and under /api always {@code {"error": …}} for a refusal.
 */
@ThiduaWebSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointWalkTest {
    private static final String DATA_DIR = ThiduaWebSpringTest.DATA_DIR;
    private static final Path DATA = Path.of(DATA_DIR).toAbsolutePath();
    private static final String PASSWORD = "Mat-khau-thu-nghiem-1";
    /** Beside the output folder: what a traversal out of it would reach. */
    private static final String SECRET = "spring.mail.password=bi-mat-khong-duoc-lo";
    /** Already URL-encoded, as an attacker types them into an address. */
    private static final List<String> TRICKS = List.of("..", "%2e%2e", "%2E%2E", "..;", "%2e%2e;", "%252e%252e",
            "..%2fSECRET.txt", "%2e%2e%2fSECRET.txt", "%2e%2e%2f%2e%2e%2fSECRET.txt", "..%5cSECRET.txt",
            "%5c..%5cSECRET.txt", "%2fetc%2fpasswd", "%2F" + "tmp", "C:%5cWindows%5cwin.ini", "%c0%ae%c0%ae",
            "%ff%fe", "%00", "x%00.xlsx", "%0d%0aSet-Cookie:%20a=b", "0x10", "-1", "1e3", "99999999999999999999999",
            "9223372036854775808", "%27%20OR%201=1--", "%3Cscript%3E", "%E2%80%AE", "~root", "SECRET.txt",
            "a".repeat(600));
    private static final Pattern CLASS_NAME = Pattern.compile(
            "Exception|\\bat (java|org|thidua|jdk|sun)\\.|\\b(java|org|jakarta)\\.[a-z]+\\.[A-Za-z.]*[A-Z]");

    @LocalServerPort
    int port;
    @Autowired
    BatchRuns runs;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    private Web admin;
    private String csrf;
    private long accepted;

    @BeforeAll
    void data() throws Exception {
        Database.reset(jdbc, DATA_DIR);
        assertThat(runs.scheme(TestSubmissions.SCHEME).ok()).isTrue();
        users.add("quantri-walk", Role.ADMIN, null, null, PASSWORD, false, Users.Actor.TERMINAL);
        Path inbox = Files.createDirectories(DATA.resolve("inbox"));
        Path pa01 = Files.copy(TestSubmissions.SAMPLES.resolve("2024/PA01-2024.xlsx"), inbox.resolve("PA01.xlsx"));
        Files.setLastModifiedTime(pa01, FileTime.from(TestSubmissions.ON_TIME.toInstant()));
        assertThat(runs.importInbox(inbox).ok()).isTrue();
        accepted = jdbc.sql("SELECT id FROM submission").query(Long.class).single();
        Path out = DATA.resolve("out");
        assertThat(runs.consolidate("2024", out).ok()).isTrue();
        Files.writeString(DATA.resolve("SECRET.txt"), SECRET);
        // A link planted among the outputs is not an output.
        Files.createSymbolicLink(out.resolve("2024").resolve("lien-ket.xlsx"), DATA.resolve("SECRET.txt"));
        admin = Web.at(port);
        assertThat(admin.signIn("quantri-walk", PASSWORD).location()).isEqualTo("/");
        csrf = admin.csrfToken();
    }

    /** One request of the walk: the mapping it aims at, the method and the raw (encoded) path with its query. */
    private record Probe(String mapping, String method, String path) {
    }

    @Test
    void everyEndpointWithATrickInEachVariableAndParameterAnswersCleanly() {
        List<Probe> probes = new ArrayList<>();
        int walked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("thidua")) {
                continue; // Spring's own /error
            }
            Set<String> methods = new LinkedHashSet<>();
            e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            List<String> params = new ArrayList<>();
            for (MethodParameter p : e.getValue().getMethodParameters()) {
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp != null && !p.getParameterType().getName().contains("Multipart")
                        && !(p.getGenericParameterType().getTypeName().contains("MultipartFile"))) {
                    String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value()
                            : p.getParameterName();
                    if (name != null) {
                        params.add(name);
                    }
                } else if (p.hasParameterAnnotation(PathVariable.class)) {
                    continue;
                }
            }
            for (String pattern : e.getKey().getPatternValues()) {
                walked++;
                for (String method : methods) {
                    probes.addAll(probesOf(pattern, method, params));
                }
            }
        }
        assertThat(walked).as("mapped endpoints of thidua").isGreaterThan(25);
        // The actuator's own mappings: health for anyone, the rest for an ADMIN.
        for (String trick : TRICKS) {
            probes.add(new Probe("/actuator/health/{x}", "GET", "/actuator/health/" + trick));
            probes.add(new Probe("/actuator/{x}", "GET", "/actuator/" + trick));
            probes.add(new Probe("/actuator/health/{x}/env", "GET", "/actuator/health/" + trick + "/env"));
        }
        probes.add(new Probe("/actuator/health/../env", "GET", "/actuator/health/../env"));
        probes.add(new Probe("/actuator/health/%2e%2e/env", "GET", "/actuator/health/%2e%2e/env"));
        probes.add(new Probe("/api/outputs/..;/SECRET.txt", "GET", "/api/outputs/..;/SECRET.txt"));
        probes.add(new Probe("/api/outputs/../../SECRET.txt", "GET", "/api/outputs/2024/../../SECRET.txt"));
        probes.add(new Probe("/api/outputs/{period}/{file}", "GET", "/api/outputs/2024/lien-ket.xlsx"));
        for (String up : List.of("%2e%2e", "%2E%2E", "%252e%252e", "..;", ".%2e", "%2e.", "..%5c", "%5c..",
                "%2f" + "work", "C:%5c")) {
            probes.add(new Probe("/api/outputs/{period}/{file}", "GET", "/api/outputs/" + up + "/SECRET.txt"));
        }

        SoftAssertions soft = new SoftAssertions();
        for (Probe probe : probes) {
            Answer a = send(probe);
            String what = probe.mapping() + " ← " + a;
            String body = a.text();
            soft.assertThat(a.status()).as(what).isNotIn(500, 501, 502, 504).isNotEqualTo(200 == a.status()
                    && body.contains(SECRET) ? 200 : -1);
            soft.assertThat(body).as(what).doesNotContain(SECRET, "bi-mat-khong-duoc-lo", DATA.toString(),
                    Path.of("").toAbsolutePath().toString(), "root:x:0:0");
            Matcher javaName = CLASS_NAME.matcher(body);
            soft.assertThat(javaName.find() ? javaName.group() : null).as(what).isNull();
            if (probe.path().startsWith("/api/") && a.status() >= 400) {
                soft.assertThat(a.header("Content-Type").orElse("")).as(what).startsWith("application/json");
                if (a.header("Content-Type").orElse("").startsWith("application/json")) {
                    soft.assertThat(a.json().path("error").isString()).as(what).isTrue();
                    soft.assertThat(a.json().path("error").asString()).as(what).isNotBlank();
                }
            }
        }
        // Health's details for an ADMIN say how much room is left, not where.
        Answer health = admin.get("/actuator/health");
        soft.assertThat(health.text()).as(health.toString()).doesNotContainPattern("\"path\"\\s*:")
                .doesNotContain(Path.of("").toAbsolutePath().toString());
        // Still signed in and able to read after the walk (no trick changed the ADMIN's password or session).
        soft.assertThat(admin.get("/api/imports/" + accepted).status()).isEqualTo(200);
        soft.assertAll();
    }

    /**
     * DNS rebinding: a page of another site whose name now points at this machine reaches it
     * with that name in {@code Host}. Refused (400, in Vietnamese, JSON under /api) before
     * anything else looks at it; the configured names, with or without a port, pass.
     */
    @Test
    void aRequestForAnotherHostNameIsRefused() throws Exception {
        for (String host : List.of("evil.example", "evil.example:" + port, "127.0.0.1.evil.example:" + port,
                "localhost.:" + port, "")) {
            String api = raw("GET /api/imports HTTP/1.1\r\nHost: " + host + "\r\n" + basicAdmin()
                    + "Connection: close\r\n\r\n");
            assertThat(api).as(host).startsWith("HTTP/1.1 400").contains("application/json", "\"error\"",
                    "thidua.console.hosts").doesNotContain("PA01");
            String page = raw("GET /dang-nhap HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertThat(page).as(host).startsWith("HTTP/1.1 400").contains("không phải tên đã cấu hình")
                    .doesNotContain("_csrf");
            String post = raw("POST /api/periods/2024/consolidate HTTP/1.1\r\nHost: " + host + "\r\n" + basicAdmin()
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n");
            assertThat(post).as(host).startsWith("HTTP/1.1 400");
        }
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port,
                "127.0.0.1")) {
            assertThat(raw("GET /api/imports HTTP/1.1\r\nHost: " + host + "\r\n" + basicAdmin()
                    + "Connection: close\r\n\r\n")).as(host).startsWith("HTTP/1.1 200");
        }
    }

    /**
     * A state-changing request passes the door only with the session's token (header or form
     * field, never the address) from the console's own origin, or with Basic credentials from
     * a script; what a browser sends from another site is refused, whatever it carries. The
     * request here is a rerun of an accepted import: 409 once past the door, 403 when refused.
     */
    @Test
    void aStateChangingRequestNeedsItsTokenAndItsOwnOrigin() {
        String rerun = "/api/imports/" + accepted + "/rerun";
        String form = "application/x-www-form-urlencoded";
        Map<String, String[]> refused = new java.util.LinkedHashMap<>();
        refused.put("session, no token", new String[] {"Content-Type", form});
        refused.put("session, token, another origin, a form's content type",
                new String[] {"X-CSRF-TOKEN", csrf, "Origin", "http://evil.example", "Content-Type", form});
        refused.put("session, token, no origin, another site's referer",
                new String[] {"X-CSRF-TOKEN", csrf, "Referer", "http://evil.example/trang", "Content-Type", form});
        refused.put("session, token, Origin: null", new String[] {"X-CSRF-TOKEN", csrf, "Origin", "null"});
        refused.put("session, token, same-site sibling", new String[] {"X-CSRF-TOKEN", csrf, "Sec-Fetch-Site",
                "same-site"});
        refused.put("session, a Bearer header instead of a token", new String[] {"Authorization", "Bearer x"});
        for (var e : refused.entrySet()) {
            Answer a = admin.post(rerun, e.getValue());
            assertThat(a.status()).as(e.getKey() + ": " + a).isEqualTo(403);
            assertThat(a.json().path("error").asString()).as(e.getKey()).isNotBlank();
        }
        Answer inAddress = admin.post(rerun + "?_csrf=" + csrf, "Origin", admin.base());
        assertThat(inAddress.status()).as("token in the address: " + inAddress).isEqualTo(403);
        Answer console = admin.form("/tep/" + accepted + "/kiem-tra-lai", Map.of(), "Origin", admin.base(),
                "X-CSRF-TOKEN", "sai");
        assertThat(console.status()).as(console.toString()).isEqualTo(403);

        Map<String, String[]> passed = new java.util.LinkedHashMap<>();
        passed.put("session, token, own origin", new String[] {"X-CSRF-TOKEN", csrf, "Origin", admin.base()});
        passed.put("session, token, no origin or referer (an old browser)", new String[] {"X-CSRF-TOKEN", csrf});
        passed.put("session, token, own referer", new String[] {"X-CSRF-TOKEN", csrf, "Referer",
                admin.base() + "/tep/" + accepted});
        for (var e : passed.entrySet()) {
            Answer a = admin.post(rerun, e.getValue());
            assertThat(a.status()).as(e.getKey() + ": " + a).isEqualTo(409);
        }
        Web script = Web.at(port).basic("quantri-walk", PASSWORD);
        assertThat(script.post(rerun).status()).as("a script with Basic credentials").isEqualTo(409);
        assertThat(script.post(rerun, "Origin", "http://evil.example").status()).as("Basic from another site")
                .isEqualTo(403);
        assertThat(script.post(rerun, "Referer", "http://evil.example/").status()).as("Basic, another referer")
                .isEqualTo(403);
    }

    private static String basicAdmin() {
        return "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                ("quantri-walk:" + PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** One request sent as typed, over a socket: HttpClient will not send another Host. */
    private String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<Probe> probesOf(String pattern, String method, List<String> params) {
        List<Probe> probes = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(pattern);
        while (m.find()) {
            variables.add(m.group(1));
        }
        String valid = fill(pattern, null, null);
        for (String variable : variables) {
            for (String trick : TRICKS) {
                probes.add(new Probe(pattern, method, fill(pattern, variable, trick)));
                // The trick followed by a file name in the next segment (…/%2e%2e/SECRET.txt).
                String withName = fill(pattern, variable, trick + "/SECRET.txt");
                probes.add(new Probe(pattern, method, withName));
            }
        }
        for (String param : params) {
            for (String trick : TRICKS) {
                probes.add(new Probe(pattern, method, valid + (valid.contains("?") ? "&" : "?") + param + "=" + trick));
            }
        }
        if (variables.isEmpty() && params.isEmpty()) {
            probes.add(new Probe(pattern, method, valid + "?x=%2e%2e%2fSECRET.txt"));
        }
        return probes;
    }

    /** The pattern with each variable given a plausible value, {@code variable} given {@code value}. */
    private String fill(String pattern, String variable, String value) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = name.equals(variable) ? value : plausible(name);
            m.appendReplacement(path, Matcher.quoteReplacement(v));
        }
        m.appendTail(path);
        return path.toString().replace("/**", "/x");
    }

    private String plausible(String variable) {
        return switch (variable) {
            case "period", "p" -> "2024";
            case "file" -> "bang-diem-2024.xlsx";
            case "login", "u" -> "quantri-walk-khac";
            default -> String.valueOf(accepted);
        };
    }

    private Answer send(Probe probe) {
        if (probe.method().equals("GET") || probe.method().equals("HEAD")) {
            return admin.get(probe.path(), "Accept", "application/json, text/html;q=0.9");
        }
        // A state-changing request as the console's own pages send one: same origin, the session's token.
        return admin.send(probe.method(), probe.path(),
                java.net.http.HttpRequest.BodyPublishers.ofString("", StandardCharsets.UTF_8),
                "X-CSRF-TOKEN", csrf, "Origin", admin.base(), "Content-Type", "application/x-www-form-urlencoded");
    }
}
