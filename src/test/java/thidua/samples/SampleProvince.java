package thidua.samples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The synthetic province behind the shipped samples, as plain Java: the 2024 scheme
 * (blocks, units, indicators, criteria…) and every submission file of period {@code 2024}
 * with the values written into it. Integration tests can derive expected figures from
 * here without going through production code. All names and numbers are made up.
 */
public final class SampleProvince {

    public static final int YEAR = 2024;
    public static final String MOVEMENT = "Vì an ninh Tổ quốc";
    public static final int SCALE = 100;
    public static final BigDecimal BONUS_CAP = new BigDecimal("5");
    public static final BigDecimal DEDUCTION_CAP = new BigDecimal("10");
    public static final BigDecimal LATE_PENALTY = new BigDecimal("2");

    /** The period whose submissions are generated. */
    public static final String PERIOD = "2024";
    public static final String SUBMISSION_FOLDER = "2024";
    public static final String SCHEME_FILE = "scheme-2024.xlsx";
    public static final String MANIFEST_FILE = "arrivals-2024.tsv";

    private SampleProvince() {
    }

    // ------------------------------------------------------------------ model

    public record Block(String code, String name) {
    }

    /** {@code kind} is the `Loại` label: `Phòng`, `Huyện` or `Xã`. */
    public record Unit(String code, String name, String kind, String blockCode) {
    }

    public enum IndicatorType {
        INTEGER("Số nguyên"),
        POINTS("Điểm");

        private final String label;

        IndicatorType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@code blocks} empty means every block (`*`). */
    public record Indicator(String code, String name, String measure, IndicatorType type,
                            String section, List<String> blocks) {
        public boolean appliesTo(String blockCode) {
            return blocks.isEmpty() || blocks.contains(blockCode);
        }

        public String blocksText() {
            return blocks.isEmpty() ? "*" : String.join(",", blocks);
        }
    }

    /**
     * A criterion as written in the scheme. {@code indicatorText} is a code or, for
     * {@code TY_LE}, {@code N/D} with {@code +}-joined sums. {@code target} is null for
     * rules without one; {@code maxPoints} is points per count for THUONG/TRU.
     */
    public record Criterion(String code, String name, String group, String rule, String indicatorText,
                            BigDecimal target, BigDecimal maxPoints, List<String> blocks) {
        public boolean appliesTo(String blockCode) {
            return blocks.isEmpty() || blocks.contains(blockCode);
        }

        public String blocksText() {
            return blocks.isEmpty() ? "*" : String.join(",", blocks);
        }

        public boolean isRate() {
            return rule.equals("TY_LE");
        }

        /** Numerator codes of a TY_LE criterion (empty otherwise). */
        public List<String> numerator() {
            return isRate() ? split(indicatorText.split("/")[0]) : List.of();
        }

        /** Denominator codes of a TY_LE criterion (empty otherwise). */
        public List<String> denominator() {
            return isRate() ? split(indicatorText.split("/")[1]) : List.of();
        }

        /** Every indicator code the criterion reads. */
        public List<String> indicatorCodes() {
            if (!isRate()) {
                return List.of(indicatorText);
            }
            return java.util.stream.Stream.concat(numerator().stream(), denominator().stream()).toList();
        }

        private static List<String> split(String sum) {
            return Arrays.stream(sum.split("\\+")).map(String::trim).toList();
        }
    }

    /** {@code datesAsText}: the scheme writes this period's dates as dd/mm/yyyy text instead of date cells. */
    public record Period(String code, String name, LocalDate from, LocalDate to, LocalDate deadline,
                         boolean datesAsText) {
    }

    public record UnitTarget(String unitCode, String criterionCode, BigDecimal target) {
    }

    public record Grade(String name, BigDecimal from) {
    }

    public record Award(String name, int maxRank, String minGrade) {
    }

    /** One row's numbers; null means a blank cell. */
    public record Values(BigDecimal current, BigDecimal baseline) {
    }

    /** A row whose code is not an indicator of the scheme (only in invalid samples). */
    public record ExtraRow(String code, String name, String measure, Values values) {
    }

    /**
     * One submission file. {@code values} holds the indicator rows in sheet order (a null
     * value is a blank cell); {@code textCells} names cells written as text, as
     * {@code "CODE:current"} or {@code "CODE:baseline"}; {@code notes} fills `Ghi chú`;
     * {@code defects} explains why an invalid file must be rejected (empty when valid).
     */
    public record Submission(String fileName, String unitCode, String periodCode, String author,
                             LocalDate createdOn, OffsetDateTime arrival, Map<String, Values> values,
                             List<ExtraRow> extraRows, Set<String> textCells, Map<String, String> notes,
                             List<String> defects) {
        public boolean valid() {
            return defects.isEmpty();
        }

        /** Arrived after the end of the period's deadline day (Asia/Ho_Chi_Minh, +07:00). */
        public boolean late() {
            LocalDate deadline = period(periodCode).orElseThrow().deadline();
            return arrival.isAfter(deadline.plusDays(1).atStartOfDay().atOffset(arrival.getOffset()));
        }

        public BigDecimal current(String indicator) {
            Values v = values.get(indicator);
            return v == null ? null : v.current();
        }

        public BigDecimal baseline(String indicator) {
            Values v = values.get(indicator);
            return v == null ? null : v.baseline();
        }
    }

    // ------------------------------------------------------------------ scheme

    private static final List<Block> BLOCKS = List.of(
            new Block("K1", "Khối Công an huyện, thành phố"),
            new Block("K2", "Khối An ninh"),
            new Block("K3", "Khối Cảnh sát"),
            new Block("K4", "Khối Tham mưu, Hậu cần"));

    private static final List<Unit> UNITS = List.of(
            // K1: 11 district units (invented place names)
            new Unit("CATP.HS", "Công an thành phố Hòa Sơn", "Huyện", "K1"),
            new Unit("CAH.BS", "Công an huyện Bắc Sơn", "Huyện", "K1"),
            new Unit("CAH.DL", "Công an huyện Đông Lâm", "Huyện", "K1"),
            new Unit("CAH.TH", "Công an huyện Tây Hòa", "Huyện", "K1"),
            new Unit("CAH.NP", "Công an huyện Nam Phong", "Huyện", "K1"),
            new Unit("CAH.AT", "Công an huyện An Thịnh", "Huyện", "K1"),
            new Unit("CAH.PL", "Công an huyện Phước Lộc", "Huyện", "K1"),
            new Unit("CAH.TK", "Công an huyện Trà Khê", "Huyện", "K1"),
            new Unit("CAH.VT", "Công an huyện Vân Tiên", "Huyện", "K1"),
            new Unit("CAH.MX", "Công an huyện Minh Xá", "Huyện", "K1"),
            new Unit("CAH.LG", "Công an huyện Lạc Giang", "Huyện", "K1"),
            // K2: security departments
            new Unit("PA01", "Phòng An ninh đối ngoại", "Phòng", "K2"),
            new Unit("PA02", "Phòng An ninh chính trị nội bộ", "Phòng", "K2"),
            new Unit("PA03", "Phòng An ninh kinh tế", "Phòng", "K2"),
            new Unit("PA04", "Phòng An ninh nội địa", "Phòng", "K2"),
            new Unit("PA05", "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "Phòng", "K2"),
            new Unit("PA06", "Phòng An ninh văn hóa, tư tưởng", "Phòng", "K2"),
            new Unit("PA08", "Phòng Quản lý xuất nhập cảnh", "Phòng", "K2"),
            new Unit("PA09", "Phòng An ninh điều tra", "Phòng", "K2"),
            // K3: police departments
            new Unit("PC01", "Văn phòng Cơ quan Cảnh sát điều tra", "Phòng", "K3"),
            new Unit("PC02", "Phòng Cảnh sát hình sự", "Phòng", "K3"),
            new Unit("PC03", "Phòng Cảnh sát kinh tế", "Phòng", "K3"),
            new Unit("PC04", "Phòng Cảnh sát điều tra tội phạm về ma túy", "Phòng", "K3"),
            new Unit("PC06", "Phòng Cảnh sát quản lý hành chính về trật tự xã hội", "Phòng", "K3"),
            new Unit("PC07", "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Phòng", "K3"),
            new Unit("PC08", "Phòng Cảnh sát giao thông", "Phòng", "K3"),
            new Unit("PC09", "Phòng Kỹ thuật hình sự", "Phòng", "K3"),
            new Unit("PC10", "Phòng Cảnh sát quản lý tạm giữ, tạm giam và thi hành án hình sự tại cộng đồng", "Phòng", "K3"),
            new Unit("PC11", "Phòng Cảnh sát cơ động", "Phòng", "K3"),
            // K4: staff and logistics departments
            new Unit("PV01", "Phòng Tham mưu", "Phòng", "K4"),
            new Unit("PV03", "Phòng Pháp chế và cải cách hành chính, tư pháp", "Phòng", "K4"),
            new Unit("PV06", "Phòng Hồ sơ", "Phòng", "K4"),
            new Unit("PX01", "Phòng Tổ chức cán bộ", "Phòng", "K4"),
            new Unit("PX03", "Phòng Công tác Đảng và công tác chính trị", "Phòng", "K4"),
            new Unit("PX05", "Thanh tra Công an tỉnh", "Phòng", "K4"),
            new Unit("PH10", "Phòng Hậu cần", "Phòng", "K4"));

    /**
     * The units with an address in the scheme's optional {@code Email} column (where their
     * error reports go); the others leave it blank. PC04 sends an invalid file, so its error
     * report is e-mailed; PA05, the other, has none: its report goes to its outbox folder only.
     */
    private static final Map<String, String> EMAILS = Map.of(
            "PC04", "pc04.thidua@congan.hoason.example",
            "PC08", "pc08.thidua@congan.hoason.example",
            "CAH.AT", "thidua@cah-anthinh.congan.hoason.example",
            "PX01", "px01@congan.hoason.example");

    /** The unit's address in the scheme, or null (blank cell). */
    public static String email(String unitCode) {
        return EMAILS.get(unitCode);
    }

    /** Section titles of the submission sheet, in order. */
    public static final List<String> SECTIONS = List.of(
            "Trật tự an toàn giao thông",
            "Đấu tranh phòng, chống tội phạm",
            "Tiếp nhận, giải quyết tố giác, tin báo về tội phạm",
            "Bảo đảm an ninh, trật tự",
            "Công tác tham mưu",
            "Xây dựng lực lượng, thi đua, khen thưởng");

    private static final List<String> K1_K3 = List.of("K1", "K3");
    private static final List<String> ALL = List.of();

    private static final List<Indicator> INDICATORS = List.of(
            integer("TNGT.VU", "Số vụ tai nạn giao thông", "vụ", 0, K1_K3),
            integer("TNGT.CHET", "Số người chết do tai nạn giao thông", "người", 0, K1_K3),
            integer("TNGT.BT", "Số người bị thương do tai nạn giao thông", "người", 0, K1_K3),
            integer("TP.TTXH", "Số vụ phạm tội về trật tự xã hội", "vụ", 1, K1_K3),
            integer("TP.XR", "Số vụ phạm tội xảy ra thuộc phạm vi phụ trách", "vụ", 1, List.of("K1", "K2", "K3")),
            integer("TP.KP", "Số vụ phạm tội đã điều tra, khám phá", "vụ", 1, List.of("K1", "K2", "K3")),
            integer("TPNT.XR", "Số vụ án rất nghiêm trọng, đặc biệt nghiêm trọng xảy ra", "vụ", 1, K1_K3),
            integer("TPNT.KP", "Số vụ án rất nghiêm trọng, đặc biệt nghiêm trọng đã khám phá", "vụ", 1, K1_K3),
            integer("VA.TDC", "Số vụ án tạm đình chỉ điều tra", "vụ", 1, K1_K3),
            integer("TB.TON", "Số tố giác, tin báo về tội phạm tồn kỳ trước chuyển sang", "tin", 2, K1_K3),
            integer("TB.MOI", "Số tố giác, tin báo về tội phạm mới tiếp nhận", "tin", 2, K1_K3),
            integer("TB.GQ", "Số tố giác, tin báo về tội phạm đã giải quyết", "tin", 2, K1_K3),
            integer("SC.DX", "Số vụ việc phức tạp về an ninh, trật tự xảy ra đột xuất, bất ngờ", "vụ", 3, ALL),
            integer("CHAY.NO", "Số vụ cháy, nổ đặc biệt nghiêm trọng", "vụ", 3, List.of("K1")),
            integer("TM.VB", "Số văn bản tham mưu, đề xuất được lãnh đạo Công an tỉnh phê duyệt", "văn bản", 4,
                    List.of("K4")),
            new Indicator("XDLL.DIEM", "Điểm tự chấm công tác xây dựng lực lượng", "điểm", IndicatorType.POINTS,
                    SECTIONS.get(5), ALL),
            integer("KT.CAPBO", "Số tập thể, cá nhân được khen thưởng cấp Bộ trở lên", "lượt", 5, ALL),
            integer("VP.KL", "Số cán bộ, chiến sĩ vi phạm bị xử lý kỷ luật", "người", 5, ALL));

    private static final List<Criterion> CRITERIA = List.of(
            criterion("GIAM.TNGT.VU", "Kiềm chế, giảm số vụ tai nạn giao thông so với cùng kỳ", "I", "GIAM",
                    "TNGT.VU", "6", "10", K1_K3),
            criterion("GIAM.TNGT.CHET", "Giảm số người chết do tai nạn giao thông so với cùng kỳ", "I", "GIAM",
                    "TNGT.CHET", "15", "15", K1_K3),
            criterion("GIAM.TNGT.BT", "Giảm số người bị thương do tai nạn giao thông so với cùng kỳ", "I", "GIAM",
                    "TNGT.BT", "5", "10", K1_K3),
            criterion("GIAM.TP.TTXH", "Kéo giảm số vụ phạm tội về trật tự xã hội so với cùng kỳ", "II", "GIAM",
                    "TP.TTXH", "7", "15", K1_K3),
            criterion("TL.KP", "Tỷ lệ điều tra, khám phá các vụ phạm tội", "II", "TY_LE",
                    "TP.KP/TP.XR", "80", "20", List.of("K1", "K2", "K3")),
            criterion("TL.KP.NT", "Tỷ lệ khám phá án rất nghiêm trọng, đặc biệt nghiêm trọng", "II", "TY_LE",
                    "TPNT.KP/TPNT.XR", "95", "15", K1_K3),
            criterion("TANG.TP.KP", "Tăng số vụ phát hiện, đấu tranh so với cùng kỳ", "II", "TANG",
                    "TP.KP", "5", "10", List.of("K2")),
            criterion("GIAM.VA.TDC", "Giảm số vụ án tạm đình chỉ điều tra so với cùng kỳ", "II", "GIAM",
                    "VA.TDC", "10", "10", K1_K3),
            criterion("TL.TB.GQ", "Tỷ lệ giải quyết tố giác, tin báo về tội phạm", "II", "TY_LE",
                    "TB.GQ/TB.TON+TB.MOI", "95", "15", K1_K3),
            criterion("BANG0.SC.DX", "Không để xảy ra vụ việc đột xuất, bất ngờ", "III", "BANG_0",
                    "SC.DX", null, "10", ALL),
            criterion("GIAM.CHAY.NO", "Không để gia tăng số vụ cháy, nổ đặc biệt nghiêm trọng", "III", "GIAM",
                    "CHAY.NO", "0", "10", List.of("K1")),
            criterion("TANG.TM.VB", "Tăng số văn bản tham mưu được phê duyệt so với cùng kỳ", "III", "TANG",
                    "TM.VB", "5", "10", List.of("K4")),
            criterion("TC.XDLL", "Công tác xây dựng lực lượng (đơn vị tự chấm)", "III", "TU_CHAM",
                    "XDLL.DIEM", null, "10", ALL),
            criterion("TH.KT.CAPBO", "Điểm thưởng: tập thể, cá nhân được khen thưởng cấp Bộ trở lên", "Thưởng",
                    "THUONG", "KT.CAPBO", null, "0.5", ALL),
            criterion("TRU.VP.KL", "Điểm trừ: cán bộ, chiến sĩ vi phạm bị xử lý kỷ luật", "Trừ", "TRU",
                    "VP.KL", null, "1", ALL));

    private static final List<Period> PERIODS = List.of(
            new Period("2024", "Tổng kết năm 2024", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 12, 14),
                    LocalDate.of(2024, 12, 20), false),
            new Period("2024-6T", "Sơ kết 6 tháng đầu năm 2024", LocalDate.of(2023, 12, 15),
                    LocalDate.of(2024, 6, 14), LocalDate.of(2024, 6, 20), true));

    private static final List<UnitTarget> UNIT_TARGETS = List.of(
            new UnitTarget("CAH.BS", "GIAM.TNGT.VU", new BigDecimal("10")),
            new UnitTarget("PC08", "GIAM.TNGT.CHET", new BigDecimal("20")),
            new UnitTarget("CATP.HS", "TL.KP", new BigDecimal("85")));

    private static final List<Grade> GRADES = List.of(
            new Grade("Hoàn thành xuất sắc nhiệm vụ", new BigDecimal("90")),
            new Grade("Hoàn thành tốt nhiệm vụ", new BigDecimal("70")),
            new Grade("Hoàn thành nhiệm vụ", new BigDecimal("50")),
            new Grade("Không hoàn thành nhiệm vụ", BigDecimal.ZERO));

    private static final List<Award> AWARDS = List.of(
            new Award("Cờ thi đua của Bộ Công an", 1, "Hoàn thành xuất sắc nhiệm vụ"),
            new Award("Cờ thi đua của UBND tỉnh", 2, "Hoàn thành xuất sắc nhiệm vụ"),
            new Award("Bằng khen của Giám đốc Công an tỉnh", 3, "Hoàn thành tốt nhiệm vụ"),
            new Award("Giấy khen", 5, "Hoàn thành tốt nhiệm vụ"));

    // ------------------------------------------------------------------ accessors

    public static List<Block> blocks() {
        return BLOCKS;
    }

    public static List<Unit> units() {
        return UNITS;
    }

    public static List<Indicator> indicators() {
        return INDICATORS;
    }

    public static List<Criterion> criteria() {
        return CRITERIA;
    }

    public static List<Period> periods() {
        return PERIODS;
    }

    public static List<UnitTarget> unitTargets() {
        return UNIT_TARGETS;
    }

    public static List<Grade> grades() {
        return GRADES;
    }

    public static List<Award> awards() {
        return AWARDS;
    }

    public static Optional<Period> period(String code) {
        return PERIODS.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public static Unit unit(String code) {
        return UNITS.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }

    public static Indicator indicator(String code) {
        return INDICATORS.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    public static List<Unit> unitsOf(String blockCode) {
        return UNITS.stream().filter(u -> u.blockCode().equals(blockCode)).toList();
    }

    public static List<Indicator> indicatorsFor(String blockCode) {
        return INDICATORS.stream().filter(i -> i.appliesTo(blockCode)).toList();
    }

    public static List<Criterion> criteriaFor(String blockCode) {
        return CRITERIA.stream().filter(c -> c.appliesTo(blockCode)).toList();
    }

    /** The unit's target for a criterion: its registered one if any, else the scheme's. */
    public static BigDecimal target(String unitCode, Criterion criterion) {
        return UNIT_TARGETS.stream()
                .filter(t -> t.unitCode().equals(unitCode) && t.criterionCode().equals(criterion.code()))
                .map(UnitTarget::target).findFirst().orElse(criterion.target());
    }

    /** Every submission file of period 2024, in arrival order. */
    public static List<Submission> submissions() {
        return SampleSubmissions.ALL;
    }

    /** Per unit, the latest valid submission (the one that counts in roll-ups). */
    public static Map<String, Submission> countedSubmissions() {
        Map<String, Submission> latest = new LinkedHashMap<>();
        submissions().stream().filter(Submission::valid)
                .sorted(Comparator.comparing(Submission::arrival))
                .forEach(s -> latest.put(s.unitCode(), s));
        return latest;
    }

    /** Per unit, the first valid submission (its arrival decides lateness). */
    public static Map<String, Submission> firstAcceptedSubmissions() {
        Map<String, Submission> first = new LinkedHashMap<>();
        submissions().stream().filter(Submission::valid)
                .sorted(Comparator.comparing(Submission::arrival))
                .forEach(s -> first.putIfAbsent(s.unitCode(), s));
        return first;
    }

    /** Units that sent no file at all. */
    public static List<String> missingUnits() {
        Set<String> sent = submissions().stream().map(Submission::unitCode)
                .collect(java.util.stream.Collectors.toSet());
        return UNITS.stream().map(Unit::code).filter(c -> !sent.contains(c)).toList();
    }

    private static Indicator integer(String code, String name, String measure, int section, List<String> blocks) {
        return new Indicator(code, name, measure, IndicatorType.INTEGER, SECTIONS.get(section), blocks);
    }

    private static Criterion criterion(String code, String name, String group, String rule, String indicators,
                                       String target, String max, List<String> blocks) {
        return new Criterion(code, name, group, rule, indicators, target == null ? null : new BigDecimal(target),
                new BigDecimal(max), blocks);
    }
}
