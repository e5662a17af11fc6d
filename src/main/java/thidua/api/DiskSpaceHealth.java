package thidua.api;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import thidua.settings.ThiduaProperties;

/**
 * Health's {@code diskSpace} in place of Boot's (turned off in application.properties), which
 * names the folder it measures: the room left where thidua writes (the data dir, the inbox
 * beside the archive, the outputs), each by its role and never by its path. DOWN under 10 MB.
 */
@Component("diskSpace")
@ConditionalOnWebApplication
class DiskSpaceHealth implements HealthIndicator {
    private static final long THRESHOLD = 10L * 1024 * 1024;
    private final ThiduaProperties settings;

    DiskSpaceHealth(ThiduaProperties settings) {
        this.settings = settings;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("threshold", THRESHOLD);
        boolean low = false;
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("data", settings.dataDir());
        folders.put("inbox", settings.inboxDir());
        folders.put("out", settings.outDir());
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            File f = folder.getValue().toAbsolutePath().toFile();
            while (f != null && !f.exists()) {
                f = f.getParentFile(); // not made yet: the room is that of the folder it will be made in
            }
            long free = f == null ? 0 : f.getUsableSpace();
            low |= free < THRESHOLD;
            health.withDetail(folder.getKey(), Map.of("free", free, "total", f == null ? 0 : f.getTotalSpace()));
        }
        return low ? health.down().build() : health.build();
    }
}
