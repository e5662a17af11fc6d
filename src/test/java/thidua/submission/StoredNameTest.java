package thidua.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import thidua.workbook.Finding;

/** The generated name a stored original gets ({@link SubmissionFiler#storedName}): issue 11, item 4. */
class StoredNameTest {
    private static final String SHA = "e1415e3f8381" + "0".repeat(52);
    private static final Finding ERROR = Finding.error("E-VALUE-BLANK", "Chỉ tiêu", "E6", "Ô trống.");

    private static Examination rejected(String unit, String period, String sentAs) {
        InboxFile file = new InboxFile(Path.of("inbox", sentAs), sentAs, Instant.EPOCH, 10, SHA);
        return new Examination(file, ImportStatus.REJECTED,
                new ParsedSubmission(unit, period, Map.of(), Map.of(), List.of(ERROR)), null, null, "xlsx");
    }

    @Test
    void aFileThatNamesItsUnitAndPeriodIsStoredUnderThem() {
        assertThat(SubmissionFiler.storedName(19, rejected("PC04", "2024", "bao cao.xlsx")))
                .isEqualTo("000019-PC04-2024-e1415e3f.xlsx");
        assertThat(SubmissionFiler.storedName(7, rejected("CATP.HS", "2024-6T", "x.xlsx")))
                .isEqualTo("000007-CATP.HS-2024-6T-e1415e3f.xlsx");
    }

    @Test
    void aFileThatNamesNoReadableUnitOrPeriodKeepsTheOldForm() {
        assertThat(SubmissionFiler.storedName(19, rejected(null, null, "rong.xlsx"))).isEqualTo("000019-e1415e3f8381.xlsx");
        assertThat(SubmissionFiler.storedName(19, rejected("PC04", null, "a.xlsx"))).isEqualTo("000019-e1415e3f8381.xlsx");
        assertThat(SubmissionFiler.storedName(19, rejected("..", "2024", "a.xlsx"))).isEqualTo("000019-e1415e3f8381.xlsx");
        InboxFile file = new InboxFile(Path.of("inbox", "a.xlsx"), "a.xlsx", Instant.EPOCH, 10, SHA);
        assertThat(SubmissionFiler.storedName(3, new Examination(file, ImportStatus.DUPLICATE, null, null, 1L, "xlsx")))
                .isEqualTo("000003-e1415e3f8381.xlsx");
    }

    @Test
    void aHostileCodeIsMadeHarmlessAndTheSendersNameIsNeverUsed() {
        String traversal = SubmissionFiler.storedName(19, rejected("../x", "2024", "../../evil.xlsx"));
        assertThat(traversal).isEqualTo("000019-x-2024-e1415e3f.xlsx");
        String formula = SubmissionFiler.storedName(19, rejected("=HYPERLINK(\"http://x\")", "2024/../..", "=1+1.xlsx"));
        assertThat(formula).isEqualTo("000019-HYPERLINK__http___x-2024-e1415e3f.xlsx");
        for (String name : List.of(traversal, formula)) {
            assertThat(name).matches("\\d{6}-[A-Za-z0-9][A-Za-z0-9._-]*\\.xlsx").doesNotContain("/", "evil", "=");
            assertThat(Path.of("/srv/rejected").resolve(name).getParent()).isEqualTo(Path.of("/srv/rejected"));
        }
    }
}
