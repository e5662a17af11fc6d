package thidua.workbook;

/** The file could not be opened as a workbook; {@link #finding()} says why, for the person who sent it. */
public class UnreadableWorkbookException extends Exception {
    private final transient Finding finding;

    public UnreadableWorkbookException(Finding finding) {
        super(finding.toString());
        this.finding = finding;
    }

    public Finding finding() {
        return finding;
    }
}
