package thidua.upload;

import thidua.submission.ImportStatus;

/**
 * How one uploaded file ended, as the page and the API show it: the status of the import
 * it became, or {@code FAILED} when the system could not take it (the file is kept).
 */
public enum UploadStatus {
    ACCEPTED, REJECTED, DUPLICATE, FAILED;

    static UploadStatus of(ImportStatus status) {
        return valueOf(status.name());
    }
}
