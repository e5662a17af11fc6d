package thidua.text;

/**
 * Text from outside (a file name as sent) made safe for one log line: control characters
 * (newline, carriage return, ESC, DEL, the C1 range, line and paragraph separators) are
 * written as {@code \n}, {@code \r} or {@code \\u001B}, so that a name cannot forge a line
 * or drive the terminal; a backslash is doubled so the escapes stay unambiguous.
 */
public final class LogText {
    private LogText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
