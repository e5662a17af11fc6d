package thidua.download;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored file handed to a person, the one way the console and the API send one: always
 * as an attachment (never rendered by the browser), under the name people know it by.
 * {@code file} is a path the system chose, never one built from a request.
 */
public record Download(Path file, String name) {

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    public ResponseEntity<Resource> response() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(new FileSystemResource(file));
    }
}
