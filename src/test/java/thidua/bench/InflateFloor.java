package thidua.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The benchmark's "inflate floor" (for {@code bench.sh}; not a test): the time to open
 * every file of a folder as a zip and read (inflate) every entry to its end, on one
 * thread. One warm-up pass, then the best of three timed passes; prints
 * {@code floor FILES SECONDS FILES_PER_S INFLATED_BYTES}.
 *
 * <p>Usage: {@code InflateFloor DIR}.
 */
public final class InflateFloor {
    private InflateFloor() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        byte[] buf = new byte[64 * 1024];
        long bytes = inflateAll(files, buf); // warm-up
        long best = Long.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            long t0 = System.nanoTime();
            inflateAll(files, buf);
            best = Math.min(best, System.nanoTime() - t0);
        }
        double seconds = best / 1e9;
        System.out.printf(java.util.Locale.ROOT, "floor %d %.4f %.1f %d%n",
                files.size(), seconds, files.size() / seconds, bytes);
    }

    private static long inflateAll(List<Path> files, byte[] buf) throws IOException {
        long total = 0;
        for (Path f : files) {
            try (ZipFile zip = new ZipFile(f.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    try (InputStream in = zip.getInputStream(entries.nextElement())) {
                        for (int r; (r = in.read(buf)) > 0; ) {
                            total += r;
                        }
                    }
                }
            }
        }
        return total;
    }
}
