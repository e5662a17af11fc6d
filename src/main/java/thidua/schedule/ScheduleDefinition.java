package thidua.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.quartz.CronExpression;

/**
 * One file of {@code jobs/}: which work to run ({@code job}), when (Quartz {@code cron}),
 * what to do with a missed firing ({@code misfire}: {@code fire-once} or {@code skip}),
 * and the work's parameters (every other key). The file's base name is the schedule's name.
 */
record ScheduleDefinition(String name, String job, String cron, String misfire, Map<String, String> params) {
    /** The kinds of scheduled work; each is one or more batch jobs launched through BatchRuns. */
    public static final Set<String> JOBS = Set.of("import", "consolidate-due");

    public static ScheduleDefinition read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String name = file.getFileName().toString().replaceFirst("\\.properties$", "");
        String job = p.getProperty("job", "").trim();
        String cron = p.getProperty("cron", "").trim();
        String misfire = p.getProperty("misfire", "fire-once").trim();
        if (!JOBS.contains(job)) {
            throw new IOException(file + ": job=" + job + " không hợp lệ; cần một trong " + new TreeSet<>(JOBS));
        }
        if (!CronExpression.isValidExpression(cron)) {
            throw new IOException(file + ": cron=\"" + cron + "\" không phải biểu thức cron của Quartz");
        }
        if (!misfire.equals("fire-once") && !misfire.equals("skip")) {
            throw new IOException(file + ": misfire=" + misfire + " không hợp lệ; cần fire-once hoặc skip");
        }
        Map<String, String> params = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!Set.of("job", "cron", "misfire").contains(key)) {
                params.put(key, p.getProperty(key).trim());
            }
        }
        return new ScheduleDefinition(name, job, cron, misfire, Map.copyOf(params));
    }
}
