package thidua.job;

/**
 * The exit codes of OPERATIONS.md, the one definition the command line, the batch runs
 * and the API share: 0 the job completed (rejected files are a normal outcome), 1 a job
 * failed, 2 the input was refused (bad usage, an unknown period or import, a bad scheme).
 */
public enum ExitCode {
    COMPLETED(0),
    FAILED(1),
    REFUSED(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The number the process exits with. */
    public int code() {
        return code;
    }

    /** The worse of two outcomes, for several jobs in a row: failed over refused over completed. */
    public ExitCode worst(ExitCode other) {
        return code >= other.code ? this : other;
    }
}
