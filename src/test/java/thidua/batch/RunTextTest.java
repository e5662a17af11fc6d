package thidua.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jobs' English summary lines, as the console and the audit log say them in Vietnamese. */
class RunTextTest {

    @Test
    void everySummaryShapeTheJobsWriteIsSaidInVietnameseWithoutServerPaths() {
        assertThat(RunText.summary("import: 33 accepted, 2 rejected, 0 duplicate"))
                .isEqualTo("33 tệp được nhận, 2 bị trả lại, 0 trùng lặp");
        assertThat(RunText.summary("upload: PA01.xlsx accepted as #7")).isEqualTo("tệp PA01.xlsx được nhận (#7)");
        assertThat(RunText.summary("upload: a b.xlsx duplicate as #9")).isEqualTo("tệp a b.xlsx trùng lặp (#9)");
        assertThat(RunText.summary("rerun: #5 PA01.xlsx is now accepted")).isEqualTo("tệp #5 PA01.xlsx nay được nhận");
        assertThat(RunText.summary("rerun: #5 PA01.xlsx is now still rejected (2 lỗi)"))
                .isEqualTo("tệp #5 PA01.xlsx vẫn bị trả lại (2 lỗi)");
        assertThat(RunText.summary("scheme: 2024 loaded, replacing the previous version (version 2): 2 periods, "
                + "4 blocks, 36 units, 18 indicators, 15 criteria"))
                .isEqualTo("bộ tiêu chí năm 2024 đã nạp, thay phiên bản trước (phiên bản 2): 2 kỳ, 4 khối, 36 đơn vị, "
                        + "18 chỉ tiêu, 15 tiêu chí");
        assertThat(RunText.summary("scheme: refused, 3 problem(s) in scheme-2024.xlsx"))
                .isEqualTo("bộ tiêu chí scheme-2024.xlsx bị từ chối: 3 lỗi");
        String consolidated = RunText.summary("consolidate: 2024: 32 of 36 units ranked (1 late), 2 returned, 2 missing; "
                + "outputs in /srv/thidua/out/2024; delivered to 2 recipient(s) (6 file(s)), outbox only "
                + "(no SMTP configured), 1 e-mail(s) pending");
        assertThat(consolidated).isEqualTo("kỳ 2024: 32/36 đơn vị được xếp hạng (1 nộp muộn), 2 bị trả lại, 2 chưa nộp; "
                + "đã gửi cho 2 nơi nhận (6 tệp), chỉ đặt vào thư mục gửi đi (chưa cấu hình máy chủ thư), "
                + "1 thư điện tử chờ gửi");
        assertThat(RunText.summary("consolidate: FAILED (job execution 12, FAILED); delivery: no recipients configured"))
                .isEqualTo("chưa cấu hình nơi nhận kết quả");
        assertThat(RunText.summary("something new: 3 things")).isEmpty();
    }

    @Test
    void parametersNameThePeriodTheFileAndFoldersByTheirLastNameOnly() {
        assertThat(RunText.parameters(Map.of("period", "2024", "out", "/srv/thidua/out", "requestedAt", "x")))
                .isEqualTo("kỳ 2024, ghi vào thư mục out");
        assertThat(RunText.parameters(Map.of("upload", "/srv/data/uploads/1.upload", "inbox", "/srv/inbox",
                "originalName", "PA01.xlsx", "login", "hq", "sha256", "ab"))).isEqualTo("tệp PA01.xlsx, người gửi hq");
        assertThat(RunText.job("rerunImportJob")).isEqualTo("Kiểm tra lại tệp");
        assertThat(RunText.status("FAILED")).isEqualTo("Lỗi");
    }
}
