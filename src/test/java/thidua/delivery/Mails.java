package thidua.delivery;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a received e-mail (GreenMail) holds: its attachments by file name, and its plain-text body. */
final class Mails {

    private Mails() {
    }

    static Map<String, byte[]> attachments(Part part) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                files.putAll(attachments(multipart.getBodyPart(i)));
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            files.put(part.getFileName(), part.getInputStream().readAllBytes());
        }
        return files;
    }

    /** The plain-text body. */
    static String text(Part part) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String t = text(body);
                if (!t.isEmpty()) {
                    texts.add(t);
                }
            }
            return String.join("\n", texts);
        }
        return part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                ? (String) part.getContent() : "";
    }
}
