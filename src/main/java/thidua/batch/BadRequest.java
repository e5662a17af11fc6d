package thidua.batch;

/** A request refused before any job starts (unknown period, missing file…): exit code 2, HTTP 400. */
public class BadRequest extends Exception {
    public BadRequest(String message) {
        super(message);
    }
}
