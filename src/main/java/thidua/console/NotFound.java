package thidua.console;

/**
 * Nothing a page may show at this address: an unknown id, a malformed one, or one outside
 * the user's unit (answered alike, so a guessed id tells nothing). Answered 404.
 */
class NotFound extends RuntimeException {
    NotFound(String message) {
        super(message, null, false, false);
    }

    /** An id from a URL: decimal digits only (never hex, signs or spaces), else not found. */
    static long id(String text, String what) {
        if (text == null || !text.matches("\\d{1,18}")) {
            throw new NotFound("Không có " + what + " này.");
        }
        return Long.parseLong(text);
    }
}
