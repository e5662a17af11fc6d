package thidua.api;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps server file paths out of JSON answers (issue 8: "no server file path in any JSON
 * answer"): job summaries, job parameters and failure messages are written for the
 * terminal and name folders in full ("outputs in /srv/thidua/out/2024", "out=/srv/…");
 * the API shows only the last segment ("…/2024").
 */
final class ServerPaths {
    /**
     * An absolute path of at least two segments ({@code /a/b}, {@code C:\a\b}) that does not
     * continue a word, a number or a URL ({@code 20/12/2024}, {@code http://host/x} stay).
     */
    private static final Pattern PATH = Pattern.compile(
            "(?<![\\w.~/\\\\:-])(?:[A-Za-z]:)?[/\\\\](?:[^\\s/\\\\,;\"'()]+[/\\\\])+([^\\s/\\\\,;\"'()]*)");

    private ServerPaths() {
    }

    static String hide(String text) {
        if (text == null || (text.indexOf('/') < 0 && text.indexOf('\\') < 0)) {
            return text;
        }
        return PATH.matcher(text).replaceAll(m -> Matcher.quoteReplacement("…/" + m.group(1)));
    }

    static List<String> hide(List<String> texts) {
        return texts == null ? null : texts.stream().map(ServerPaths::hide).toList();
    }
}
