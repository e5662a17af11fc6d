package thidua.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import thidua.scheme.Period;

/** Dates, times, durations and sizes as the pages write them (templates call it as {@code fmt}): Vietnam time. */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Period.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    public String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /** "còn 2 ngày 3 giờ" before {@code end}, "đã quá hạn 5 ngày 1 giờ" after it. */
    public String until(Instant end, Instant now) {
        Duration d = Duration.between(now, end);
        return d.isNegative() ? "đã quá hạn " + span(d.negated()) : "còn " + span(d);
    }

    private static String span(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + " ngày" + (hours > 0 ? " " + hours + " giờ" : "");
        }
        if (hours > 0) {
            return hours + " giờ" + (minutes > 0 ? " " + minutes + " phút" : "");
        }
        return Math.max(minutes, 1) + " phút";
    }

    /** "830 byte", "12,4 KB", "3,1 MB". */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " byte";
        }
        double kb = bytes / 1024.0;
        if (kb < 1024) {
            return String.format("%.1f KB", kb).replace('.', ',');
        }
        return String.format("%.1f MB", kb / 1024).replace('.', ',');
    }
}
