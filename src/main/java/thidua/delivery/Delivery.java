package thidua.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import thidua.delivery.DeliveryProperties.Recipient;
import thidua.delivery.DeliveryStore.DeliveredFile;
import thidua.delivery.DeliveryStore.Email;
import thidua.delivery.DeliveryStore.LastFile;
import thidua.files.Sha256;

/**
 * Delivers the outputs of a consolidation to the configured recipients: each one's
 * new or changed files go to its outbox folder as a new version and, where SMTP is
 * configured, out in one e-mail. Identical files (same {@link Fingerprint} as the
 * last version delivered to that recipient for that output and period) go nowhere.
 *
 * <p>Every write commits in its own transaction, independent of the calling step:
 * one per recipient for its files and its PENDING e-mail, then, per e-mail, one for
 * the claim and one for the outcome. An SMTP failure never throws: the e-mail stays
 * PENDING with its error and is retried by every later run ({@link #retryPending}).
 */
@Component
class Delivery {
    private static final Logger log = LoggerFactory.getLogger("thidua.delivery");
    private static final int MAX_ERROR = 2000;

    private final DeliveryProperties properties;
    private final DeliveryStore store;
    private final DeliveryMailer mailer;
    private final TransactionTemplate newTransaction;

    public Delivery(DeliveryProperties properties, DeliveryStore store, DeliveryMailer mailer,
                    PlatformTransactionManager transactions) {
        this.properties = properties;
        this.store = store;
        this.mailer = mailer;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What one round of sending did. */
    public record Sending(int sent, int failed, int unsent, boolean smtp) {
        Sending plus(Sending other) {
            return new Sending(sent + other.sent, failed + other.failed, other.unsent, smtp);
        }
    }

    /** What one delivery did, for the job's summary. */
    public record Report(int recipients, int recipientsServed, int files, Sending sending) {
        /** E.g. {@code delivered to 2 recipient(s) (4 file(s)), 2 e-mail(s) sent}. */
        public String summary() {
            if (recipients == 0) {
                return "delivery: no recipients configured" + mail(true);
            }
            String what = recipientsServed == 0
                    ? "nothing new to deliver (" + recipients + " recipient(s) up to date)"
                    : "delivered to " + recipientsServed + " recipient(s) (" + files + " file(s))";
            return what + mail(false);
        }

        private String mail(boolean quiet) {
            if (!sending.smtp()) {
                String outbox = quiet || recipientsServed == 0 ? "" : ", outbox only (no SMTP configured)";
                return outbox + (sending.unsent() > 0 ? ", " + sending.unsent() + " e-mail(s) pending" : "");
            }
            if (quiet && sending.sent() == 0 && sending.unsent() == 0) {
                return "";
            }
            return ", " + sending.sent() + " e-mail(s) sent"
                    + (sending.unsent() > 0 ? ", " + sending.unsent() + " e-mail(s) pending" : "");
        }
    }

    /**
     * Delivers {@code outputs} (the files a consolidation of {@code periodCode} wrote)
     * after retrying the e-mails still pending from earlier runs; then sends the new ones.
     */
    public Report deliver(String periodCode, List<Path> outputs, Long jobExecutionId) {
        Sending retried = retryPending();
        List<Recipient> recipients = properties.recipients();
        if (recipients.isEmpty()) {
            log.info("delivery: chưa cấu hình người nhận (thidua.delivery.recipients)");
            return new Report(0, 0, 0, retried);
        }
        Outbox outbox = new Outbox(properties.outbox());
        List<Output> files = outputs.stream().map(p -> Output.of(p, periodCode)).toList();
        List<Long> newEmails = new ArrayList<>();
        int served = 0;
        int placed = 0;
        for (Recipient recipient : recipients) {
            Delivered d = newTransaction.execute(tx -> deliverTo(recipient, periodCode, files, outbox, jobExecutionId));
            if (d.files() > 0) {
                served++;
                placed += d.files();
                d.email().ifPresent(newEmails::add);
            }
        }
        Sending sent = send(newEmails);
        return new Report(recipients.size(), served, placed, retried.plus(sent));
    }

    /** Sends every PENDING e-mail (oldest first); for a run after a failure, or a scheduler. */
    public Sending retryPending() {
        int released = newTransaction.execute(tx -> store.releaseAbandoned(properties.sendingLease()));
        if (released > 0) {
            log.warn("delivery: {} thư đã nhận gửi nhưng chưa được xác nhận, sẽ gửi lại", released);
        }
        return send(newTransaction.execute(tx -> store.pendingEmails()));
    }

    private record Delivered(int files, Optional<Long> email) {
    }

    /** One recipient, in one transaction: its new versions in the outbox, recorded, and its PENDING e-mail. */
    private Delivered deliverTo(Recipient recipient, String periodCode, List<Output> outputs, Outbox outbox,
                                Long jobExecutionId) {
        store.lock(recipient.key(), periodCode);
        Map<String, LastFile> last = store.lastVersions(recipient.key(), periodCode);
        record New(Output output, Outbox.Placed placed) {
        }
        List<New> fresh = new ArrayList<>();
        Path folder = outbox.folder(recipient.key(), periodCode);
        try {
            for (Output output : outputs) {
                if (!recipient.wants(output.name())) {
                    continue;
                }
                LastFile previous = last.get(output.name());
                if (previous != null && previous.fingerprint().equals(output.fingerprint())) {
                    continue;
                }
                int version = previous == null ? 1 : previous.version() + 1;
                fresh.add(new New(output, outbox.place(output.path(), output.fingerprint(), folder, version)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Không chép được kết quả vào " + folder, e);
        }
        if (fresh.isEmpty()) {
            log.info("delivery: {}: không có gì mới của kỳ {}", recipient.key(), periodCode);
            return new Delivered(0, Optional.empty());
        }
        int version = store.nextDeliveryVersion(recipient.key(), periodCode);
        String address = mailer.configured() ? recipient.email() : null;
        long id = store.insertDelivery(recipient.key(), recipient.name(), periodCode, version, jobExecutionId,
                address, address == null ? null : mailer.newMessageId());
        for (New n : fresh) {
            Path path = n.placed().path();
            try {
                store.insertFile(id, recipient.key(), periodCode, n.output().name(), n.placed().version(),
                        path.getFileName().toString(), path.toString(), Sha256.of(path),
                        n.output().fingerprint(), Files.size(path));
            } catch (IOException e) {
                throw new UncheckedIOException("Không đọc được " + path, e);
            }
            log.info("delivery: {}: {} (phiên bản {})", recipient.key(), path, n.placed().version());
        }
        return new Delivered(fresh.size(), address == null ? Optional.empty() : Optional.of(id));
    }

    /**
     * Sends the given e-mails that are still PENDING, each claimed first and marked SENT
     * as soon as the server accepted it; a failure leaves it PENDING with its error.
     */
    Sending send(List<Long> ids) {
        boolean smtp = mailer.configured();
        int sent = 0;
        int failed = 0;
        if (smtp) {
            for (long id : ids) {
                Optional<Email> claimed = newTransaction.execute(tx -> store.claim(id));
                if (claimed.isEmpty()) {
                    continue; // sent or being sent by someone else meanwhile
                }
                Email email = claimed.get();
                try {
                    List<DeliveredFile> files = newTransaction.execute(tx -> store.files(id));
                    mailer.send(email, files);
                } catch (Exception e) {
                    String error = describe(e);
                    newTransaction.executeWithoutResult(tx -> store.markFailed(id, error));
                    log.warn("delivery: thư {} gửi {} <{}> chưa gửi được (lần thử {}): {}", id, email.recipientKey(),
                            email.address(), email.attempts(), error);
                    failed++;
                    continue;
                }
                newTransaction.executeWithoutResult(tx -> store.markSent(id));
                log.info("delivery: đã gửi thư {} tới {} <{}> ({})", id, email.recipientKey(), email.address(),
                        email.messageId());
                sent++;
            }
        }
        int unsent = newTransaction.execute(tx -> store.unsentEmails());
        return new Sending(sent, failed, unsent, smtp);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < MAX_ERROR; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text.toString();
    }

    /** An output file and the name recipients choose it by ({@code bang-diem} for {@code bang-diem-2024.xlsx}). */
    record Output(String name, Path path, String fingerprint) {
        static Output of(Path path, String periodCode) {
            try {
                return new Output(name(path.getFileName().toString(), periodCode), path, Fingerprint.of(path));
            } catch (IOException e) {
                throw new UncheckedIOException("Không đọc được " + path, e);
            }
        }

        static String name(String fileName, String periodCode) {
            int dot = fileName.lastIndexOf('.');
            String base = dot > 0 ? fileName.substring(0, dot) : fileName;
            String suffix = "-" + periodCode.replaceAll("[\\\\/:*?\"<>|\\s]", "_");
            return base.endsWith(suffix) && base.length() > suffix.length()
                    ? base.substring(0, base.length() - suffix.length()) : base;
        }
    }

    /**
     * The outputs in {@code dir} ({@code OUT/P/}) when the consolidation did not say which
     * it wrote: every visible {@code <name>-<period>.<ext>} file.
     */
    static List<Path> outputsIn(Path dir, String periodCode) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Pattern name = Pattern.compile(".+-" + Pattern.quote(periodCode.replaceAll("[\\\\/:*?\"<>|\\s]", "_"))
                + "\\.[A-Za-z0-9]+");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> name.matcher(p.getFileName().toString()).matches())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được thư mục " + dir, e);
        }
    }
}
