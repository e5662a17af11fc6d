package thidua.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import thidua.scheme.AwardRule;
import thidua.scheme.Block;
import thidua.scheme.BlockScope;
import thidua.scheme.Criterion;
import thidua.scheme.CriterionGroup;
import thidua.scheme.Grade;
import thidua.scheme.Indicator;
import thidua.scheme.IndicatorType;
import thidua.scheme.Period;
import thidua.scheme.Rule;
import thidua.scheme.Scheme;
import thidua.scheme.Unit;
import thidua.scheme.UnitTarget;
import thidua.scheme.UnitKind;
import thidua.scoring.PeriodResults;
import thidua.scoring.ReportedValue;
import thidua.scoring.SubmissionStatus;
import thidua.scoring.UnitReport;
import thidua.settings.ThiduaProperties;

/**
 * A small synthetic period (made-up numbers): block K1 of three departments (PC08
 * missing, PC02 late), block K2 of four communes (X02 and X03 tied, X01 with no
 * applicable criterion and a formula for a name, X04 returned).
 */
final class ReportFixture {

    static final String FORMULA_NAME = "=HYPERLINK(\"http://example.invalid\",\"Bấm vào đây\")";
    /** What a unit wrote, quoted by a warning of its file (X04's): it must stay text too. */
    static final String FORMULA_WARNING = "=HYPERLINK(\"http://x\",\"y\")";
    static final Period PERIOD = new Period("2025-6T", "Sơ kết 6 tháng năm 2025",
            LocalDate.of(2024, 12, 15), LocalDate.of(2025, 6, 14), LocalDate.of(2025, 6, 20));
    /** 16:15 on 19/06/2025 in Hà Nội. */
    static final Instant PC01_ARRIVAL = Instant.parse("2025-06-19T09:15:00Z");
    /** 10:30 on 21/06/2025 in Hà Nội: after the deadline. */
    static final Instant PC02_ARRIVAL = Instant.parse("2025-06-21T03:30:00Z");

    /** The information header of the fixture's outputs: made 08:30 on 20/06/2025 in Hà Nội, by scheme version 7. */
    static final OutputInfo INFO = OutputInfo.of(results(), 7, Instant.parse("2025-06-20T01:30:00Z"));

    /** The names of the PDF report as shipped: {@code thidua.report.*} left at their defaults. */
    static final ThiduaProperties.Report NAMES = names(Map.of());

    private ReportFixture() {
    }

    /** The names of the PDF report bound from {@code properties} ({@code thidua.report.…}) as the application binds them. */
    static ThiduaProperties.Report names(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("thidua", ThiduaProperties.class).report();
    }

    static Scheme scheme() {
        BlockScope k1 = BlockScope.of(Set.of("K1"));
        return new Scheme(2025, "Vì an ninh Tổ quốc", 100, bd("5"), bd("10"), bd("2"),
                List.of(PERIOD),
                // Out of order on purpose: outputs sort blocks by code.
                List.of(new Block("K2", "Khối Công an xã"), new Block("K1", "Khối Cảnh sát")),
                List.of(
                        new Unit("PC01", "Phòng Cảnh sát hình sự", UnitKind.DEPARTMENT, "K1"),
                        new Unit("PC02", "Phòng Cảnh sát kinh tế", UnitKind.DEPARTMENT, "K1"),
                        new Unit("PC08", "Phòng Cảnh sát giao thông", UnitKind.DEPARTMENT, "K1"),
                        new Unit("X01", FORMULA_NAME, UnitKind.COMMUNE, "K2"),
                        new Unit("X02", "Công an xã Tân Phú", UnitKind.COMMUNE, "K2"),
                        new Unit("X03", "Công an xã Hòa Bình", UnitKind.COMMUNE, "K2"),
                        new Unit("X04", "Công an xã An Lạc", UnitKind.COMMUNE, "K2")),
                List.of(
                        new Indicator("TPTT.KP", "Số vụ phạm pháp hình sự được khám phá", "Vụ",
                                IndicatorType.INTEGER, BlockScope.ALL),
                        new Indicator("TPTT.XR", "Số vụ phạm pháp hình sự xảy ra", "Vụ",
                                IndicatorType.INTEGER, BlockScope.ALL),
                        new Indicator("TNGT.CHET", "Số người chết do tai nạn giao thông", "Người",
                                IndicatorType.INTEGER, k1),
                        new Indicator("KHEN", "Số lần được khen thưởng đột xuất", "Lần",
                                IndicatorType.INTEGER, BlockScope.ALL)),
                List.of(
                        new Criterion("TL.KP", "Tỷ lệ khám phá án phạm pháp hình sự", CriterionGroup.I, Rule.TY_LE,
                                null, List.of("TPTT.KP"), List.of("TPTT.XR"), bd("80"), bd("10"), BlockScope.ALL),
                        new Criterion("GIAM.TNGT.CHET", "Giảm số người chết do tai nạn giao thông", CriterionGroup.II,
                                Rule.GIAM, "TNGT.CHET", List.of(), List.of(), bd("15"), bd("10"), k1),
                        new Criterion("THUONG.KHEN", "Được khen thưởng đột xuất", CriterionGroup.BONUS,
                                Rule.THUONG, "KHEN", List.of(), List.of(), null, bd("1"), BlockScope.ALL)),
                // PC02 registered its own target for deaths (20 %); from 10 to 0 it scores full marks either way.
                Map.of(new UnitTarget.Key("PC02", "GIAM.TNGT.CHET"), bd("20")),
                List.of(new Grade("Xuất sắc", bd("90")), new Grade("Tốt", bd("70")),
                        new Grade("Khá", bd("50")), new Grade("Trung bình", bd("0"))),
                List.of(new AwardRule("Cờ thi đua", 1, "Xuất sắc"), new AwardRule("Bằng khen", 2, "Tốt")));
    }

    static PeriodResults results() {
        Map<String, UnitReport> reports = new HashMap<>();
        reports.put("PC01", report("PC01", SubmissionStatus.SUBMITTED, PC01_ARRIVAL,
                30, 20, 40, 25, 0, 0, 18, 20));
        reports.put("PC02", report("PC02", SubmissionStatus.LATE, PC02_ARRIVAL,
                40, 30, 40, 40, 2, 0, 0, 10));
        // K2 baselines are all zero: its rate and sums have no change.
        reports.put("X01", report("X01", SubmissionStatus.SUBMITTED, PC01_ARRIVAL, 0, 0, 0, 0, 1, 0));
        reports.put("X02", report("X02", SubmissionStatus.SUBMITTED, PC01_ARRIVAL, 9, 0, 10, 0, 0, 0));
        reports.put("X03", report("X03", SubmissionStatus.SUBMITTED, PC01_ARRIVAL, 18, 0, 20, 0, 0, 0));
        reports.put("X04", new UnitReport("X04", SubmissionStatus.RETURNED, null, Map.of(), List.of(FORMULA_WARNING)));
        return PeriodResults.of(scheme(), PERIOD, reports);
    }

    /** Values in indicator order KP, XR, KHEN[, CHET], each as current then baseline. */
    private static UnitReport report(String unit, SubmissionStatus status, Instant arrival, long... v) {
        Map<String, ReportedValue> values = new HashMap<>();
        String[] codes = {"TPTT.KP", "TPTT.XR", "KHEN", "TNGT.CHET"};
        for (int i = 0; i < v.length / 2; i++) {
            values.put(codes[i], new ReportedValue(codes[i], BigDecimal.valueOf(v[2 * i]),
                    BigDecimal.valueOf(v[2 * i + 1])));
        }
        return new UnitReport(unit, status, arrival, values);
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
