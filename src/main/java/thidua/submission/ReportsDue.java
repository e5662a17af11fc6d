package thidua.submission;

/**
 * What gives the error reports of rejected files to their units (the delivery module
 * implements it; submission does not depend on delivery): asked at the end of each import
 * and upload, after its files are filed. What is due is {@link SubmissionStore#reportsDue}.
 */
public interface ReportsDue {

    /**
     * Gives every error report due to its unit; returns what the job's summary adds
     * ({@code error reports: 2 to unit outboxes, 1 e-mail(s) sent}), empty when nothing
     * was due. Never throws for a report it could not give: that one stays due.
     */
    String giveDue(long jobExecutionId);
}
