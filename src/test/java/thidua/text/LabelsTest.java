package thidua.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class LabelsTest {

    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    @Test
    void labelsMatchWithoutDiacriticsCaseOrExtraSpaces() {
        assertThat(Labels.same("Mã chỉ tiêu", "Ma chi tieu")).isTrue();
        assertThat(Labels.same("Mã chỉ tiêu", "MÃ CHỈ TIÊU")).isTrue();
        assertThat(Labels.same("Mã chỉ tiêu", "  Mã   chỉ\ttiêu ")).isTrue();
        assertThat(Labels.same("Mã chỉ tiêu", "Mã\u00A0chỉ\u202Ftiêu")).isTrue();
        assertThat(Labels.same("Mã chỉ tiêu", nfd("Mã chỉ tiêu"))).isTrue();
        assertThat(Labels.same("Kỳ này", "KY NAY")).isTrue();
        assertThat(Labels.same("Mục tiêu (%)", "muc tieu (%)")).isTrue();
    }

    @Test
    void dWithStrokeIsWrittenD() {
        assertThat(Labels.same("Đơn vị", "Don vi")).isTrue();
        assertThat(Labels.same("Đơn vị", "DON VI")).isTrue();
        assertThat(Labels.same("đơn vị", "ĐƠN VỊ")).isTrue();
        assertThat(Labels.key("Điểm trừ tối đa")).isEqualTo("diem tru toi da");
    }

    @Test
    void differentLabelsStayDifferent() {
        assertThat(Labels.same("Kỳ này", "Cùng kỳ")).isFalse();
        assertThat(Labels.same("Mã đơn vị", "Mã đơn vị cũ")).isFalse();
        assertThat(Labels.same("Mã khối", "Mãkhối")).isFalse();
        assertThat(Labels.same("", "Kỳ này")).isFalse();
    }

    @Test
    void cleanNormalisesToNfcAndCollapsesSpaces() {
        assertThat(Labels.clean(nfd("  Tiêu   chí  "))).isEqualTo("Tiêu chí");
        assertThat(Labels.clean(nfd("Tiêu chí"))).isEqualTo(Normalizer.normalize("Tiêu chí", Normalizer.Form.NFC));
        assertThat(Labels.clean("\u00A0\u2007")).isEmpty();
        assertThat(Labels.clean(null)).isEmpty();
    }

    @Test
    void codesAreTrimmedAndUpperCased() {
        assertThat(Labels.code(" pc08 ")).isEqualTo("PC08");
        assertThat(Labels.code("cah.bs")).isEqualTo("CAH.BS");
        assertThat(Labels.code("2024-6t")).isEqualTo("2024-6T");
        assertThat(Labels.code("\u00A0TNGT.VU\u00A0")).isEqualTo("TNGT.VU");
        assertThat(Labels.code(null)).isEmpty();
    }
}
