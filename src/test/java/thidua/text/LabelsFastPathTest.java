package thidua.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Labels} skips normalising plain ASCII text (most codes and labels): whatever the text,
 * the result must be what the whole normalisation gives (written out here as FORMATS.md says it).
 * It also remembers the keys of other labels: asked again, it must give the same key.
 */
class LabelsFastPathTest {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static String clean(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").trim();
    }

    private static String key(String text) {
        String lower = clean(text).toLowerCase(Locale.ROOT);
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("").replace('đ', 'd');
    }

    @Provide
    Arbitrary<String> labels() {
        // ASCII (control characters and spaces included) most of the time, with Vietnamese and odd spaces mixed in
        return Arbitraries.strings().withCharRange('\u0000', '\u007F').withChars("ăâđêôơưĐÃỳ\u00A0\u2007\u202F\u0301\t\n")
                .ofMaxLength(12);
    }

    @Property(tries = 3000)
    void cleanIsTheWholeNormalisation(@ForAll("labels") String text) {
        assertThat(Labels.clean(text)).isEqualTo(clean(text));
    }

    @Property(tries = 3000)
    void keyIsTheWholeNormalisation(@ForAll("labels") String text) {
        assertThat(Labels.key(text)).isEqualTo(key(text));
    }

    @Property(tries = 3000)
    void aRememberedKeyIsTheWholeNormalisation(@ForAll("labels") String text) {
        String first = Labels.key(text);
        assertThat(Labels.key(new String(text.toCharArray()))).isEqualTo(first).isEqualTo(key(text));
    }
}
