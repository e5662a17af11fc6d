package thidua.scheme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A reporting period (kỳ báo cáo) with its submission deadline (hạn nộp). */
public record Period(String code, String name, LocalDate from, LocalDate to, LocalDate deadline) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The deadline holds until the end of its day, Vietnamese time. */
    public boolean isLate(Instant arrival) {
        if (arrival == null) {
            return false;
        }
        ZonedDateTime endOfDeadline = deadline.plusDays(1).atStartOfDay(ZONE);
        return !arrival.isBefore(endOfDeadline.toInstant());
    }
}
