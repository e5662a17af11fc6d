package thidua.scoring;

/** A unit's standing for a period's reporting (SCORING.md, "Submission status"). */
public enum SubmissionStatus {
    SUBMITTED("Đã nộp"),
    LATE("Nộp muộn"),
    RETURNED("Bị trả lại"),
    MISSING("Chưa nộp");

    private final String label;

    SubmissionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
