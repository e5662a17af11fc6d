package thidua.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A caller of a running thidua over real HTTP, as a browser or a script is: it keeps its
 * cookies (the session), never follows redirects (a test looks at them), and may send
 * HTTP Basic credentials. Every answer it gets is kept ({@link #seen}) so a test can
 * check what all of them had in common (say, no server path).
 */
public final class Web {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_INPUT = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private final String base;
    private final HttpClient client;
    private final CookieManager cookies;
    private final String basic;
    private final List<Answer> seen;

    private Web(String base, HttpClient client, CookieManager cookies, String basic, List<Answer> seen) {
        this.base = base;
        this.client = client;
        this.cookies = cookies;
        this.basic = basic;
        this.seen = seen;
    }

    /** A fresh caller (no cookie, no credentials) of thidua on this local port. */
    public static Web at(int port) {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
        return new Web("http://127.0.0.1:" + port, client, cookies, null,
                Collections.synchronizedList(new ArrayList<>()));
    }

    /** The same caller (same cookies, same record of answers) sending HTTP Basic credentials. */
    public Web basic(String login, String password) {
        String token = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Web(base, client, cookies, "Basic " + token, seen);
    }

    public String base() {
        return base;
    }

    /** Every answer this caller (and those made from it by {@link #basic}) received. */
    public List<Answer> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** One HTTP answer. */
    public record Answer(String method, String path, int status, HttpHeaders headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public List<String> headers(String name) {
            return headers.allValues(name);
        }

        /** Where a redirect points, without scheme and host: {@code /dang-nhap?loi}. */
        public String location() {
            String l = header("Location").orElse("");
            return l.replaceFirst("^https?://[^/]+", "");
        }

        /** For failure messages. */
        @Override
        public String toString() {
            String t = text();
            return method + " " + path + " → " + status + " " + (t.length() > 300 ? t.substring(0, 300) + "…" : t);
        }
    }

    public Answer get(String path, String... headers) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    public Answer post(String path, String... headers) {
        return send("POST", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    /** What a browser accepts when it navigates (Spring Security answers some requests by it). */
    public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /** A form post ({@code application/x-www-form-urlencoded}), as a browser sends one (its Accept included). */
    public Answer form(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", path, HttpRequest.BodyPublishers.ofString(body),
                concat(headers, "Content-Type", "application/x-www-form-urlencoded", "Accept", BROWSER_ACCEPT));
    }

    /** A file of a multipart upload: the name as sent and its bytes. */
    public record FilePart(String fileName, byte[] bytes) {
    }

    /** {@code multipart/form-data} with each file in a part named {@code field}, built by hand. */
    public Answer upload(String path, String field, List<FilePart> files, String... headers) {
        String boundary = "----thidua" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (FilePart f : files) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + f.fileName().replace("\"", "%22") + "\"\r\n"
                        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(f.bytes());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                concat(headers, "Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    public Answer send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .method(method, body);
        if (basic != null) {
            request.header("Authorization", basic);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Answer answer = new Answer(method, path, r.statusCode(), r.headers(), r.body());
            seen.add(answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The value of this caller's cookie {@code name}, if it holds one. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Forgets every cookie, as a browser closed and opened again. */
    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    /**
     * The CSRF token of this caller's session, read from a form's hidden {@code _csrf} input:
     * the sign-in form, or once signed in (the sign-in page then redirects to the board) the
     * password form every signed-in user has.
     */
    public String csrfToken() {
        Answer page = get("/dang-nhap");
        if (page.status() == 302) {
            page = get("/doi-mat-khau");
        }
        if (page.status() != 200) {
            throw new AssertionError("the sign-in page did not answer 200: " + page);
        }
        Matcher m = CSRF_INPUT.matcher(page.text());
        if (!m.find()) {
            throw new AssertionError("no _csrf input on the sign-in page: " + page);
        }
        return (m.group(1) != null ? m.group(1) : m.group(2)).replace("&#45;", "-").replace("&#x2d;", "-");
    }

    /** The sign-in form posted with a fresh token: the answer is a redirect (302) either way. */
    public Answer signIn(String login, String password) {
        return form("/dang-nhap", Map.of("username", login, "password", password, "_csrf", csrfToken()));
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }
}
