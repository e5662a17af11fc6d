package thidua.report;

import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import thidua.report.PdfCanvas.Align;
import thidua.report.PdfCanvas.Box;
import thidua.report.PdfCanvas.Line;
import thidua.report.PdfCanvas.Type;
import thidua.settings.ThiduaProperties;

/**
 * What makes the PDF report an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * the issuing bodies top left and the national motto top right, each over its short rule;
 * the number line under the bodies and the place and date under the motto; the document's
 * kind and subject centred; at the end the recipients left and the signature right. The
 * names come from {@code thidua.report.*}.
 */
final class PdfLetterhead {

    static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    static final String KIND = "BÁO CÁO";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    /** Room for the hand signature and the seal between the signer's title and name. */
    private static final float TO_SIGN = 62f;

    private final ThiduaProperties.Report names;

    PdfLetterhead(ThiduaProperties.Report names) {
        this.names = names;
    }

    /** The letterhead, the number and date line, and the title with its subject, from the top of the first page. */
    void head(PdfCanvas pdf, OutputInfo info) throws IOException {
        float w = pdf.width();
        float bodiesWidth = w * 0.42f;
        float nationLeft = w * 0.47f;
        float nationWidth = w - nationLeft;
        pdf.boxes(List.of(
                new Box(0, bodiesWidth, Align.CENTER, List.of(
                        Line.of(upper(names.parentBody()), Type.REGULAR, 12),
                        Line.of(upper(names.issuingBody()), Type.BOLD, 12).ruled(0.4f))),
                new Box(nationLeft, nationWidth, Align.CENTER, List.of(
                        Line.of(NATION, Type.BOLD, 12),
                        Line.of(MOTTO, Type.BOLD, 13).ruled(1)))));
        pdf.space(2);
        String number = text(names.number());
        pdf.boxes(List.of(
                new Box(0, bodiesWidth, Align.CENTER,
                        number.isEmpty() ? List.of() : List.of(Line.of("Số: " + number, Type.REGULAR, 12.5f))),
                new Box(nationLeft, nationWidth, Align.CENTER,
                        List.of(Line.of(dateLine(names.place(), info.generatedAt().toLocalDate()), Type.ITALIC, 12.5f)))));
        pdf.space(14);
        pdf.boxes(List.of(new Box(0, w, Align.CENTER, List.of(
                Line.of(KIND, Type.BOLD, 15),
                Line.of(subject(info), Type.BOLD, 13).ruled(0.3f)))));
    }

    /** The subject under the document's kind: {@code Kết quả phong trào thi đua “…” – <period>}. */
    static String subject(OutputInfo info) {
        return "Kết quả phong trào thi đua “" + info.movement() + "” – " + info.periodName();
    }

    /** The recipients (left) and the signature (right), as boxes to keep with the end of the report. */
    List<Box> signature(PdfCanvas pdf) {
        float w = pdf.width();
        List<Line> left = new ArrayList<>();
        List<String> recipients = names.recipients() == null ? List.of()
                : names.recipients().stream().map(PdfLetterhead::text).filter(r -> !r.isEmpty()).toList();
        if (!recipients.isEmpty()) {
            left.add(Line.of("Nơi nhận:", Type.BOLD_ITALIC, 12));
            for (int i = 0; i < recipients.size(); i++) {
                left.add(Line.of(recipient(recipients.get(i), i == recipients.size() - 1), Type.REGULAR, 11));
            }
        }
        List<Line> right = new ArrayList<>();
        right.add(Line.of(upper(names.signerTitle()), Type.BOLD, 13).then(TO_SIGN));
        String name = text(names.signerName());
        if (!name.isEmpty()) {
            right.add(Line.of(name, Type.BOLD, 13));
        }
        return List.of(new Box(0, w * 0.42f, Align.LEFT, left), new Box(w * 0.5f, w * 0.5f, Align.CENTER, right));
    }

    /**
     * {@code <place>, ngày dd tháng mm năm yyyy}; without a place, {@code Ngày …}. Day and month on two
     * digits: Nghị định 30/2020/NĐ-CP asks it of days below 10 and of January and February, and a line
     * of one width whatever the date stays centred the same way (and drawn the same, for the golden dump).
     */
    static String dateLine(String place, LocalDate day) {
        String date = String.format("ngày %02d tháng %02d năm %d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
        String where = text(place);
        return where.isEmpty() ? "N" + date.substring(1) : where + ", " + date;
    }

    /** A line of {@code Nơi nhận:}: {@code - name;}, the last one {@code - name.}, whatever the name ended with. */
    static String recipient(String name, boolean last) {
        String bare = name.replaceFirst("^[-–•+]\\s*", "").replaceFirst("[;.,]+$", "").strip();
        return "- " + bare + (last ? "." : ";");
    }

    private static String upper(String s) {
        return Normalizer.normalize(text(s).toUpperCase(VIETNAMESE), Normalizer.Form.NFC);
    }

    /** A configured name as written, composed (NFC), without surrounding spaces; none: empty. */
    private static String text(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC).strip();
    }
}
