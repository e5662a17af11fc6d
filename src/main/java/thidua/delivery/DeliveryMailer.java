package thidua.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import thidua.delivery.DeliveryStore.DeliveredFile;
import thidua.delivery.DeliveryStore.Email;

/**
 * Writes and sends the e-mail of a delivery: Vietnamese subject and body, UTF-8, the
 * files attached under their outbox names, and the Message-ID stored with the e-mail,
 * so a repeated send is recognisably the same message. SMTP is Spring Boot's
 * {@code spring.mail.*}; without {@code spring.mail.host} there is no sender and thidua
 * delivers to the outbox folders only.
 */
@Component
class DeliveryMailer {
    private final ObjectProvider<JavaMailSender> sender;
    private final DeliveryProperties properties;

    public DeliveryMailer(ObjectProvider<JavaMailSender> sender, DeliveryProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    /** Whether SMTP is configured. */
    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** A new, globally unique Message-ID for an e-mail about to be recorded. */
    String newMessageId() {
        String from = properties.from();
        String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "")
                : "thidua.local";
        return "<thidua." + UUID.randomUUID() + "@" + (domain.isEmpty() ? "thidua.local" : domain) + ">";
    }

    static String subject(String periodCode, int version) {
        return "Kết quả thi đua kỳ " + periodCode + " (phiên bản " + version + ")";
    }

    static String body(Email email, List<DeliveredFile> files) {
        StringBuilder text = new StringBuilder();
        text.append("Kính gửi ").append(email.recipientName()).append(",\n\n");
        text.append("Hệ thống thi đua gửi kết quả thi đua kỳ ").append(email.periodCode())
                .append(" (phiên bản ").append(email.version()).append("), gồm ").append(files.size())
                .append(" tệp đính kèm:\n");
        for (DeliveredFile f : files) {
            text.append("  - ").append(f.fileName()).append('\n');
        }
        if (email.version() > 1) {
            text.append("\nCác tệp này thay cho tệp cùng loại đã gửi trước đây; tệp không có trong thư này không thay đổi.\n");
        }
        text.append("\nĐây là thư tự động, xin đừng trả lời thư này.\n");
        return text.toString();
    }

    /**
     * Sends the e-mail; returns once the SMTP server has accepted it.
     *
     * @throws MailException the server refused it or could not be reached
     * @throws MessagingException the message could not be written
     * @throws IOException an attachment is no longer in the outbox
     */
    void send(Email email, List<DeliveredFile> files) throws MessagingException, IOException {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new IllegalStateException("SMTP chưa được cấu hình (spring.mail.host)");
        }
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        try {
            helper.setFrom(new InternetAddress(properties.from(), "Hệ thống thi đua", "UTF-8"));
            helper.setTo(new InternetAddress(email.address(), email.recipientName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        helper.setSubject(email.subject() != null ? email.subject() : subject(email.periodCode(), email.version()));
        helper.setText(email.body() != null ? email.body() : body(email, files), false);
        for (DeliveredFile f : files) {
            Path path = Path.of(f.outboxPath());
            if (!Files.isRegularFile(path)) {
                throw new NoSuchFileException(path.toString(), null, "tệp trong outbox không còn");
            }
            helper.addAttachment(f.fileName(), new FileSystemResource(path), contentType(f.fileName()));
        }
        // JavaMailSenderImpl keeps a Message-ID that is set before sending.
        message.setHeader("Message-ID", email.messageId());
        mail.send(message);
    }

    private static String contentType(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        return "application/octet-stream";
    }
}
