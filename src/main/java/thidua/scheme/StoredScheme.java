package thidua.scheme;

/** A scheme as loaded into the database: its version id, file hash and parsed content. */
public record StoredScheme(long versionId, String sha256, Scheme scheme) {
}
