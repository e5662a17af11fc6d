package thidua.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import thidua.files.Sha256;
import thidua.scheme.Period;
import thidua.scheme.Scheme;
import thidua.scheme.SchemeStore;
import thidua.scheme.StoredScheme;
import thidua.scheme.Unit;
import thidua.submission.ReportsDue;
import thidua.submission.SubmissionStore;
import thidua.submission.SubmissionStore.ReportDue;

/**
 * Gives the error report of a rejected file to the unit it names, once: a copy in the
 * unit's outbox folder {@code OUTBOX/units/<UNIT>/<P>/} and, with SMTP configured and the
 * unit's {@code Email} in the scheme, an e-mail with the report attached. The same tables,
 * claim and retries as the leaders' deliveries ({@link Delivery}): one {@code delivery} row
 * per report (the database refuses a second one for the same submission), recorded with
 * its outbox copy and its PENDING e-mail in one transaction that also marks the report
 * given, so a rerun, a second import of the same bytes (a duplicate, never due) or a
 * consolidation never sends it again; an e-mail that fails stays PENDING and is retried by
 * the next import or delivery.
 */
@Component
class UnitReports implements ReportsDue {
    private static final Logger log = LoggerFactory.getLogger("thidua.delivery");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Period.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DeliveryProperties properties;
    private final DeliveryStore store;
    private final DeliveryMailer mailer;
    private final Delivery delivery;
    private final SubmissionStore submissions;
    private final SchemeStore schemes;
    private final TransactionTemplate newTransaction;

    UnitReports(DeliveryProperties properties, DeliveryStore store, DeliveryMailer mailer, Delivery delivery,
                SubmissionStore submissions, SchemeStore schemes, PlatformTransactionManager transactions) {
        this.properties = properties;
        this.store = store;
        this.mailer = mailer;
        this.delivery = delivery;
        this.submissions = submissions;
        this.schemes = schemes;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public String giveDue(long jobExecutionId) {
        // E-mails left pending by an earlier run (a unit's or the leaders'): retried first, as every delivery does.
        Delivery.Sending retried = delivery.retryPending();
        List<ReportDue> due = submissions.reportsDue();
        if (due.isEmpty()) {
            return retried.sent() == 0 ? "" : "error reports: " + retried.sent() + " pending e-mail(s) sent"
                    + (retried.unsent() > 0 ? ", " + retried.unsent() + " e-mail(s) pending" : "");
        }
        Outbox outbox = new Outbox(properties.outbox());
        List<Long> emails = new ArrayList<>();
        int given = 0;
        for (ReportDue report : due) {
            try {
                Optional<Optional<Long>> done = newTransaction.execute(tx -> give(report, outbox, jobExecutionId));
                if (done.isPresent()) {
                    given++;
                    done.get().ifPresent(emails::add);
                }
            } catch (RuntimeException e) {
                // The report stays due: the next import gives it.
                log.warn("delivery: báo cáo lỗi của tệp #{} chưa chuyển được cho {} ({}); lần nhập sau sẽ thử lại",
                        report.id(), report.unitCode(), e.toString());
            }
        }
        Delivery.Sending sent = retried.plus(delivery.send(emails));
        if (given == 0 && sent.sent() == 0) {
            return "";
        }
        String summary = "error reports: " + given + " to unit outboxes";
        if (!sent.smtp()) {
            return summary;
        }
        return summary + ", " + sent.sent() + " e-mail(s) sent"
                + (sent.unsent() > 0 ? ", " + sent.unsent() + " e-mail(s) pending" : "");
    }

    /**
     * One report, in one transaction: its copy in the unit's outbox, its delivery recorded
     * with the e-mail (when there is an address and SMTP), the report marked given. Empty
     * when it was given before (by another process meanwhile) or its unit is no longer known.
     */
    private Optional<Optional<Long>> give(ReportDue report, Outbox outbox, long jobExecutionId) {
        String key = Outbox.unitKey(report.unitCode());
        store.lock(key, report.periodCode());
        if (store.reportDelivered(report.id())) {
            submissions.reportGiven(report.id());
            return Optional.empty();
        }
        Optional<Scheme> scheme = schemes.currentForPeriod(report.periodCode()).map(StoredScheme::scheme);
        Optional<Unit> unit = scheme.flatMap(s -> s.unit(report.unitCode()));
        Optional<Period> period = scheme.flatMap(s -> s.period(report.periodCode()));
        if (unit.isEmpty() || period.isEmpty()) {
            log.info("delivery: tệp #{}: đơn vị {} không còn trong bộ tiêu chí của kỳ {}, báo cáo lỗi vẫn ở rejected/",
                    report.id(), report.unitCode(), report.periodCode());
            submissions.reportGiven(report.id());
            return Optional.empty();
        }
        Path folder = outbox.unitFolder(report.unitCode(), report.periodCode());
        Outbox.Placed placed;
        String fingerprint;
        long size;
        String sha;
        try {
            fingerprint = Fingerprint.of(report.report());
            placed = outbox.place(report.report(), fingerprint, folder, 1);
            size = Files.size(placed.path());
            sha = Sha256.of(placed.path());
        } catch (IOException e) {
            throw new IllegalStateException("Không chép được báo cáo lỗi vào " + folder + ": " + e.getMessage(), e);
        }
        String address = mailer.configured() ? unit.get().email() : null;
        int version = store.nextDeliveryVersion(key, report.periodCode());
        long id = store.insertReportDelivery(report.id(), key, unit.get().name(), report.periodCode(), version,
                jobExecutionId, address, address == null ? null : mailer.newMessageId(),
                subject(report, unit.get()), body(report, unit.get(), period.get(), placed.path().getFileName().toString()));
        String name = placed.path().getFileName().toString();
        store.insertFile(id, key, report.periodCode(), name, placed.version(), name, placed.path().toString(), sha,
                fingerprint, size);
        submissions.reportGiven(report.id());
        log.info("delivery: {}: {} (báo cáo lỗi của tệp #{}{})", key, placed.path(), report.id(),
                address == null ? "" : ", thư gửi tới " + address);
        return Optional.of(address == null ? Optional.empty() : Optional.of(id));
    }

    /** {@code Báo cáo kỳ 2024 của PC04 bị trả lại: PC04-2024.xlsx (2 lỗi)}. */
    static String subject(ReportDue report, Unit unit) {
        return "Báo cáo kỳ " + report.periodCode() + " của " + unit.code() + " bị trả lại: " + report.originalName()
                + " (" + report.errors() + " lỗi)";
    }

    /** The letter to the unit's clerk: which file, when, how many errors, what to do and by when. */
    static String body(ReportDue report, Unit unit, Period period, String attachment) {
        String deadline = DATE.format(period.deadline());
        StringBuilder text = new StringBuilder();
        text.append("Kính gửi ").append(unit.name()).append(" (").append(unit.code()).append("),\n\n");
        text.append("Tệp báo cáo \"").append(report.originalName()).append("\" nhận lúc ")
                .append(TIME.format(report.arrivedAt())).append(" cho kỳ ").append(period.name()).append(" (")
                .append(period.code()).append(") chưa được nhận vì có ").append(report.errors()).append(" lỗi.\n\n");
        text.append("Báo cáo lỗi đính kèm (").append(attachment).append("): sheet \"Lỗi\" liệt kê từng lỗi, ")
                .append("các ô có lỗi trong bản sao của tệp được tô đỏ và có ghi chú nói cần sửa gì.\n\n");
        text.append("Việc cần làm: sửa các lỗi đó trong tệp của đơn vị rồi gửi lại tệp ");
        text.append(period.isLate(report.arrivedAt())
                ? "ngay (hạn nộp " + deadline + " đã qua)." : "trước hạn nộp " + deadline + ".");
        text.append("\n\nĐây là thư tự động, xin đừng trả lời thư này.\n");
        return text.toString();
    }
}
