package thidua.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who receives the outputs of a consolidation ({@code thidua.delivery.*}):
 *
 * <pre>
 * thidua.delivery.outbox=data/outbox
 * thidua.delivery.from=thidua@congan.example.vn
 * thidua.delivery.recipients[0].key=bgd-giam-doc
 * thidua.delivery.recipients[0].name=Đồng chí Giám đốc
 * thidua.delivery.recipients[0].email=gd@example.vn
 * thidua.delivery.recipients[0].outputs=bang-diem,tong-hop,bao-cao
 * </pre>
 *
 * A recipient without {@code email} gets its outbox folder only; one without
 * {@code outputs} gets every output. The key names its outbox folder and identifies
 * it in the delivery log, so it must stay the same when the name or address changes.
 */
@ConfigurationProperties("thidua.delivery")
record DeliveryProperties(
        @DefaultValue("data/outbox") Path outbox,
        @DefaultValue("thidua@localhost") String from,
        /* An e-mail claimed for sending longer ago than this is taken to be abandoned (a crash) and is retried. */
        @DefaultValue("10m") Duration sendingLease,
        List<Recipient> recipients) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public DeliveryProperties {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        Set<String> keys = new HashSet<>();
        for (Recipient r : recipients) {
            if (!keys.add(r.key())) {
                throw new IllegalArgumentException("thidua.delivery.recipients: khóa \"" + r.key() + "\" bị trùng");
            }
        }
    }

    /** One person or office that receives the outputs. */
    public record Recipient(String key, String name, String email, List<String> outputs) {
        public Recipient {
            if (key == null || !KEY.matcher(key).matches() || key.equals(Outbox.UNITS)) {
                throw new IllegalArgumentException("thidua.delivery.recipients: khóa \"" + key
                        + "\" không hợp lệ (chữ không dấu, số, '.', '_', '-'; là tên thư mục; \"" + Outbox.UNITS
                        + "\" là thư mục của các đơn vị)");
            }
            name = name == null || name.isBlank() ? key : name.strip();
            email = email == null || email.isBlank() ? null : email.strip();
            outputs = outputs == null ? List.of()
                    : outputs.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        /** Whether this recipient receives the output named {@code outputName} ({@code bang-diem}, …). */
        public boolean wants(String outputName) {
            return outputs.isEmpty() || outputs.contains(outputName);
        }
    }
}
