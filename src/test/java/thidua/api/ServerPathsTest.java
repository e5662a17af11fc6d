package thidua.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the API keeps of a text written for the terminal: no folder of the server, everything else as it was. */
class ServerPathsTest {

    @Test
    void absolutePathsKeepOnlyTheirLastSegment() {
        assertThat(ServerPaths.hide("consolidate: 2024: 3 of 40 units ranked; outputs in /srv/thidua/out/2024"))
                .isEqualTo("consolidate: 2024: 3 of 40 units ranked; outputs in …/2024");
        assertThat(ServerPaths.hide("inbox=/srv/thidua/inbox, out=/srv/thidua/out, period=2024"))
                .isEqualTo("inbox=…/inbox, out=…/out, period=2024");
        assertThat(ServerPaths.hide("Không lưu được C:\\thidua\\inbox\\PA01.xlsx vào D:\\luu\\2024"))
                .isEqualTo("Không lưu được …/PA01.xlsx vào …/2024");
        assertThat(ServerPaths.hide("upload=/srv/thidua/data/uploads/3f2a.upload"))
                .isEqualTo("upload=…/3f2a.upload");
    }

    @Test
    void datesRatiosUrlsAndCellsAreLeftAlone() {
        String text = "hạn 20/12/2024, tỷ lệ 3/4, xem http://127.0.0.1:8080/api/imports/7, ô Chỉ tiêu!E6, kỳ 2024";
        assertThat(ServerPaths.hide(text)).isEqualTo(text);
        assertThat(ServerPaths.hide((String) null)).isNull();
    }
}
