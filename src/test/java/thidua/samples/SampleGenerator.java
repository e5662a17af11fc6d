package thidua.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import thidua.samples.SampleProvince.Submission;

/**
 * Writes the shipped samples into a folder (default {@code input-samples}):
 * {@code scheme-2024.xlsx}, {@code 2024/*.xlsx} (one file per submission, last-modified
 * time set to its arrival) and {@code arrivals-2024.tsv}. Deterministic: rerunning yields
 * the same cell values.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=thidua.samples.SampleGenerator \
 *     -Dexec.classpathScope=test -Dexec.args="input-samples"</pre>
 */
public final class SampleGenerator {

    private SampleGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "input-samples");
        generate(out);
        System.out.println("Samples written to " + out.toAbsolutePath());
    }

    public static void generate(Path out) throws IOException {
        Files.createDirectories(out);
        new SchemeWorkbookWriter().write(out.resolve(SampleProvince.SCHEME_FILE));

        Path folder = out.resolve(SampleProvince.SUBMISSION_FOLDER);
        clean(folder);
        SubmissionWorkbookWriter writer = new SubmissionWorkbookWriter();
        for (Submission submission : SampleProvince.submissions()) {
            writer.write(submission, folder.resolve(submission.fileName()));
        }
        Path manifest = out.resolve(SampleProvince.MANIFEST_FILE);
        ArrivalManifest.write(manifest, SampleProvince.submissions());
        ArrivalManifest.touch(manifest, folder);
    }

    /** Removes old .xlsx files so renamed samples do not linger. */
    private static void clean(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".xlsx"))::iterator) {
                Files.delete(f);
            }
        }
    }
}
