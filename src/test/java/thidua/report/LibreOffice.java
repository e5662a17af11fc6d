package thidua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prints workbooks as a reader would, to PDF with LibreOffice ({@code soffice --headless
 * --convert-to pdf}, Debian's {@code libreoffice-calc-nogui}, which test.sh installs). Each
 * conversion has a profile folder of its own, so conversions running at the same moment do
 * not share LibreOffice's lock.
 */
public final class LibreOffice {

    private LibreOffice() {
    }

    /** Converts {@code files} into {@code outDir}; returns the PDFs, in the order of the files. */
    static List<Path> toPdf(Path outDir, Path... files) throws IOException, InterruptedException {
        return convert(outDir, "pdf", files);
    }

    /**
     * Saves {@code files} again as LibreOffice would (open, then save in {@code format}, e.g.
     * {@code xlsx}) into {@code outDir}, under their names with that extension; returns them
     * in the order of the files.
     */
    public static List<Path> convert(Path outDir, String format, Path... files) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        Path profile = Files.createTempDirectory(outDir, "profile");
        List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--convert-to", format, "--outdir", outDir.toString()));
        for (Path file : files) {
            command.add(file.toString());
        }
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(outDir.resolve("soffice.log").toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("LibreOffice is needed (test.sh installs it): apt-get install libreoffice-calc-nogui", e);
        }
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("soffice ended").isTrue();
        assertThat(p.exitValue()).as(Files.readString(outDir.resolve("soffice.log"))).isZero();
        List<Path> converted = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Path out = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + "." + format);
            assertThat(out).as("converted " + name).exists();
            converted.add(out);
        }
        return converted;
    }
}
