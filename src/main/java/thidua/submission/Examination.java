package thidua.submission;

/**
 * The verdict on one inbox file, decided before anything is stored: accepted,
 * rejected (with its findings), or a duplicate of an earlier file.
 *
 * @param schemeVersionId the scheme version it was checked against, null when none applied
 * @param duplicateOf     the earlier submission with the same bytes, for duplicates
 * @param extension       `xlsx` or `xls` by content; `bin` for files that are not workbooks
 */
record Examination(InboxFile file, ImportStatus verdict, ParsedSubmission parsed, Long schemeVersionId,
                          Long duplicateOf, String extension) {
}
