package thidua.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * thidua's settings ({@code thidua.*}, README and OPERATIONS.md), set in
 * {@code application.properties} or overridden like any Spring property
 * ({@code --thidua.max-rows=2000}, {@code THIDUA_MAX_ROWS=2000}). The defaults here are
 * those the application had before the record; {@code application.properties} sets the
 * same values. Not here: {@code thidua.delivery.*} (its own record in {@code delivery}) and
 * {@code thidua.serve} (set by the {@code serve} command, read by a condition).
 *
 * @param dataDir      the data dir: the embedded database, the log, staged uploads
 * @param inboxDir     where serve's console and API uploads file their originals (archive/ and rejected/ beside it)
 * @param outDir       where consolidations asked for in the console or the API write
 * @param jobsDir      the schedules serve keeps in Quartz
 * @param maxFileBytes the largest submitted workbook
 * @param maxRows      the most rows a submitted sheet may have
 * @param parseTimeout the longest the reading of one submitted file may take before it is rejected ({@code E-FILE-TIMEOUT})
 * @param parseHeapPercent the share of the heap that the files being read may use together; a file that would
 *                     need more is rejected unread ({@code E-FILE-TOO-COSTLY}); docs/isolation.md
 * @param report       the names the PDF report ({@code bao-cao-P.pdf}) carries as an official document
 */
@ConfigurationProperties("thidua")
public record ThiduaProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("inbox") Path inboxDir,
        @DefaultValue("out") Path outDir,
        @DefaultValue("jobs") Path jobsDir,
        @DefaultValue("10485760") long maxFileBytes,
        @DefaultValue("5000") int maxRows,
        @DefaultValue("30s") Duration parseTimeout,
        @DefaultValue("50") int parseHeapPercent,
        @DefaultValue Inbox inbox,
        @DefaultValue Console console,
        @DefaultValue Security security,
        @DefaultValue Report report) {

    /**
     * @param settleMillis a file modified this recently may still be being copied into the inbox: looked at again after it
     * @param hardCapBytes an inbox file larger than this is moved to rejected/, never copied
     *                     (0: ten times {@code max-file-bytes})
     * @param chunkFiles   files examined together and recorded in one transaction by an import
     *                     (a commit and Batch's bookkeeping paid once for them all)
     */
    public record Inbox(@DefaultValue("2000") long settleMillis, @DefaultValue("0") long hardCapBytes,
                        @DefaultValue("64") int chunkFiles) {
        public Inbox {
            if (chunkFiles < 1) {
                throw new IllegalArgumentException("thidua.inbox.chunk-files phải từ 1 trở lên");
            }
        }
    }

    /** The size past which an inbox file is moved aside unread (a 2 GB file must not be copied into rejected/). */
    public long inboxHardCap() {
        return inbox.hardCapBytes() > 0 ? inbox.hardCapBytes() : 10 * maxFileBytes;
    }

    /**
     * How much of an inbox file its SHA-256 covers: a file larger than {@code max-file-bytes} is refused
     * unread ({@code E-FILE-TOO-LARGE}), so its first {@code max-file-bytes} bytes and its size tell it
     * apart well enough, and a 100 MB file costs no more to hash than a 10 MB one.
     */
    public long inboxHashCap() {
        return maxFileBytes;
    }

    /**
     * @param idleTimeout a console session without a request for this long is signed out
     * @param hosts       the names the console and the API answer to (the {@code Host} header, port aside), besides
     *                    {@code server.address}; a request for any other name is refused (DNS rebinding)
     */
    public record Console(@DefaultValue("30m") Duration idleTimeout,
                          @DefaultValue({"localhost", "127.0.0.1", "[::1]"}) List<String> hosts) {
    }

    /**
     * @param maxFailed wrong passwords in a row that lock an account
     * @param lock      for how long
     */
    public record Security(@DefaultValue("5") int maxFailed, @DefaultValue("15m") Duration lock) {
    }

    /**
     * The names of the PDF report as an administrative document (Nghị định 30/2020/NĐ-CP): who issues it,
     * where, who signs it, who receives it. Written as people write them: the writer sets upper case where
     * the layout wants it. A line break in a name (in a {@code .properties} file: {@code \n}) starts a new line.
     *
     * @param parentBody  the body above the issuing unit, top left ({@code CÔNG AN TỈNH …})
     * @param issuingBody the unit issuing the report, top left under {@code parentBody}, in bold
     * @param number      the document number after {@code Số:} ({@code 125/BC-PV01}); blank: no number line
     * @param place       the place before the date ({@code Lạng Sơn}, giving {@code Lạng Sơn, ngày …}); blank: the date alone
     * @param signerTitle the signer's title above the signature ({@code TRƯỞNG PHÒNG}, {@code KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC})
     * @param signerName  the signer's name under the space to sign; blank: the space alone
     * @param recipients  the lines of {@code Nơi nhận:}, bottom left; empty: no such list
     */
    public record Report(
            @DefaultValue("CÔNG AN TỈNH") String parentBody,
            @DefaultValue("PHÒNG THAM MƯU") String issuingBody,
            @DefaultValue("") String number,
            @DefaultValue("") String place,
            @DefaultValue("TRƯỞNG PHÒNG") String signerTitle,
            @DefaultValue("") String signerName,
            @DefaultValue({"Ban Giám đốc Công an tỉnh (để báo cáo)", "Lưu: VT"}) List<String> recipients) {
    }
}
