package thidua.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import thidua.access.AccountState;
import thidua.access.Role;
import thidua.batch.RunText;
import thidua.scoring.SubmissionStatus;
import thidua.submission.ImportStatus;
import thidua.upload.UploadStatus;

/**
 * Every value of every state a person reads has its Vietnamese words, and no two values of one
 * kind share them: a new status, role or verdict without a label fails here (the console
 * would otherwise show "Không rõ" or its English name).
 */
class WordsTest {
    private static final Words WORDS = new Words();

    @Test
    void everyVerdictOfAFileHasItsOwnWords() {
        assertLabels(UploadStatus.values(), WORDS::importStatus);
        assertLabels(ImportStatus.values(), WORDS::importStatus);
        assertThat(WORDS.importStatus(ImportStatus.ACCEPTED)).isEqualTo("Đã nhận");
        assertThat(WORDS.importStatus(ImportStatus.REJECTED)).isEqualTo("Bị trả lại");
        assertThat(WORDS.importStatus(ImportStatus.DUPLICATE)).isEqualTo("Trùng lặp");
        assertThat(WORDS.importStatus(UploadStatus.FAILED)).isEqualTo("Lỗi hệ thống");
        // By name too (how an audit row records a verdict), and the same words for the same verdict.
        for (ImportStatus s : ImportStatus.values()) {
            assertThat(WORDS.importStatus(s.name())).isEqualTo(WORDS.importStatus(s));
        }
        assertThat(WORDS.importStatus("SOMETHING")).isEqualTo("Không rõ");
        assertThat(WORDS.importStatus(null)).isEqualTo("Không rõ");
    }

    @Test
    void everyBatchStatusHasItsOwnWords() {
        assertLabels(BatchStatus.values(), s -> WORDS.runStatus(s.name()));
        assertThat(Arrays.stream(BatchStatus.values()).filter(s -> s != BatchStatus.UNKNOWN)
                .map(s -> RunText.status(s.name()))).doesNotContain("Không rõ");
        assertThat(RunText.status("COMPLETED")).isEqualTo("Hoàn tất");
        assertThat(RunText.status("FAILED")).isEqualTo("Lỗi");
        assertThat(RunText.status("STARTED")).isEqualTo("Đang chạy");
        assertThat(RunText.status("STOPPED")).isEqualTo("Đã dừng");
        assertThat(RunText.status("STOPPING")).isEqualTo("Đang dừng");
        assertThat(RunText.status("ABANDONED")).isEqualTo("Đã bỏ");
        assertThat(RunText.status("UNKNOWN")).isEqualTo("Không rõ");
        assertThat(RunText.status(null)).isEqualTo("Không rõ");
        assertThat(RunText.status("completed")).isEqualTo("Không rõ");
    }

    @Test
    void everyRoleStandingAndAccountStateHasItsOwnWords() {
        assertLabels(Role.values(), Role::label);
        assertThat(Arrays.stream(Role.values()).map(Role::label))
                .containsExactly("Quản trị", "Cơ quan thường trực", "Lãnh đạo", "Đơn vị");
        assertLabels(SubmissionStatus.values(), SubmissionStatus::label);
        assertThat(Arrays.stream(SubmissionStatus.values()).map(SubmissionStatus::label))
                .containsExactly("Đã nộp", "Nộp muộn", "Bị trả lại", "Chưa nộp");
        assertLabels(AccountState.values(), AccountState::label);
    }

    @Test
    void everyAuditedActionAndBadgeIsNamed() {
        assertThat(Words.ACTIONS.values()).allSatisfy(WordsTest::assertVietnamese).doesNotHaveDuplicates();
        for (UploadStatus s : UploadStatus.values()) {
            assertThat(WORDS.importBadge(s)).startsWith("badge ");
        }
        for (SubmissionStatus s : SubmissionStatus.values()) {
            assertThat(WORDS.standingBadge(s)).startsWith("badge ");
        }
        assertThat(WORDS.detail("USER_ADD", "UNIT PA01")).isEqualTo("Đơn vị PA01");
        assertThat(WORDS.detail("UPLOAD", "PA01-2024.xlsx: ACCEPTED")).isEqualTo("PA01-2024.xlsx: đã nhận");
        assertThat(WORDS.actor(null, "terminal")).isEqualTo("dòng lệnh trên máy chủ");
        assertThat(WORDS.actor(null, "127.0.0.1")).isEqualTo("chưa đăng nhập");
        assertThat(WORDS.address("terminal")).isEqualTo("tại máy chủ");
        assertThat(WORDS.address("10.0.0.5")).isEqualTo("10.0.0.5");
    }

    /** Each value's words: Vietnamese, in NFC, not its own name, not "Không rõ" (but for UNKNOWN), all different. */
    private static <E extends Enum<E>> void assertLabels(E[] values, Function<E, String> label) {
        List<String> labels = Arrays.stream(values).map(label).toList();
        for (E value : values) {
            String said = label.apply(value);
            assertVietnamese(said);
            assertThat(said).as(value.name()).isNotEqualToIgnoringCase(value.name());
            if (!value.name().equals("UNKNOWN")) {
                assertThat(said).as(value.name()).isNotEqualTo("Không rõ");
            }
        }
        assertThat(labels).as(values[0].getDeclaringClass().getSimpleName()).doesNotHaveDuplicates();
    }

    private static void assertVietnamese(String said) {
        assertThat(said).isNotBlank().isEqualTo(Normalizer.normalize(said, Normalizer.Form.NFC))
                .doesNotContainPattern("[A-Z]{2,}").doesNotContainPattern("_");
    }
}
