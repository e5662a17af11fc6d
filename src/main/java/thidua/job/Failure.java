package thidua.job;

/**
 * A failure of a job said to the person who ran it as it is: its message is one
 * Vietnamese sentence (what happened, where, what to do); the cause, with its stack
 * trace, is for the log file only.
 */
public class Failure extends RuntimeException {
    public Failure(String sentence, Throwable cause) {
        super(sentence, cause);
    }

    /** The first {@code Failure} in the causes of {@code e}, or null. */
    public static Failure in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Failure f) {
                return f;
            }
        }
        return null;
    }
}
