package thidua.console;

import thidua.text.Ids;

/**
 * Nothing a page may show at this address: an unknown id, a malformed one, or one outside
 * the user's unit (answered alike, so a guessed id tells nothing). Answered 404.
 */
class NotFound extends RuntimeException {
    NotFound(String message) {
        super(message, null, false, false);
    }

    /** An id from a URL ({@link Ids#decimal}), else not found. */
    static long id(String text, String what) {
        return Ids.decimal(text).orElseThrow(() -> new NotFound("Không có " + what + " này."));
    }
}
