package thidua.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import thidua.samples.SampleProvince.Submission;

/**
 * The arrival manifest: git keeps no modification times, and thidua takes a file's
 * last-modified time as its arrival, so {@code arrivals-2024.tsv} records them
 * ({@code file<TAB>arrival}, ISO-8601 with +07:00). {@link #touch} restores them.
 */
public final class ArrivalManifest {

    public static final String HEADER = "file\tarrival";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private ArrivalManifest() {
    }

    static void write(Path manifest, List<Submission> submissions) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Submission s : submissions) {
            lines.add(s.fileName() + "\t" + ISO.format(s.arrival()));
        }
        Files.write(manifest, lines, StandardCharsets.UTF_8);
    }

    /** File name to arrival, in manifest order. */
    public static Map<String, OffsetDateTime> read(Path manifest) throws IOException {
        Map<String, OffsetDateTime> arrivals = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] parts = line.split("\t");
                arrivals.put(parts[0], OffsetDateTime.parse(parts[1].trim()));
            }
        }
        return arrivals;
    }

    /** Sets each listed file in {@code folder} to its recorded arrival time (e.g. after a git checkout). */
    public static void touch(Path manifest, Path folder) throws IOException {
        for (Map.Entry<String, OffsetDateTime> e : read(manifest).entrySet()) {
            Files.setLastModifiedTime(folder.resolve(e.getKey()), FileTime.from(e.getValue().toInstant()));
        }
    }
}
