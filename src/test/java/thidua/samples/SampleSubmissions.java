package thidua.samples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import thidua.samples.SampleProvince.ExtraRow;
import thidua.samples.SampleProvince.Indicator;
import thidua.samples.SampleProvince.Submission;
import thidua.samples.SampleProvince.Values;

/**
 * Makes up the period-2024 figures of every unit, deterministically: a fixed-seed
 * {@link Random} drives values around a per-unit performance profile, then a few
 * hand-written overrides create the edge cases (zero baselines, invalid files…).
 */
final class SampleSubmissions {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);

    /** Units with no file at all. */
    static final List<String> MISSING = List.of("CAH.LG", "PV03");
    /** The unit whose only file arrives after the deadline. */
    static final String LATE = "CAH.TK";
    /** The unit that sends a corrected second file. */
    static final String RESUBMITTED = "PC02";
    /** Invalid: blank `Kỳ này` for TP.XR. */
    static final String INVALID_BLANK = "PA05";
    /** Invalid: TP.KP greater than TP.XR, plus an unknown indicator code row. */
    static final String INVALID_RATE = "PC04";

    private SampleSubmissions() {
    }

    /** How well a unit did: drives year-on-year change and rates. */
    private enum Profile {
        // change factor current/baseline for "reduce" indicators, discovery rate, serious-case rate,
        // report-settling rate, self-assessed points; each as [low, high]
        A(0.78, 0.90, 0.86, 0.95, 1.00, 1.00, 0.96, 0.99, 9.00, 9.75),
        B(0.89, 0.99, 0.77, 0.89, 0.88, 1.00, 0.93, 0.97, 8.25, 9.00),
        C(0.91, 1.01, 0.76, 0.86, 0.85, 1.00, 0.91, 0.96, 8.00, 8.75),
        D(0.97, 1.08, 0.70, 0.80, 0.75, 0.95, 0.87, 0.93, 7.00, 8.00);

        final double changeLo, changeHi, kpLo, kpHi, ntLo, ntHi, tbLo, tbHi, ptsLo, ptsHi;

        Profile(double changeLo, double changeHi, double kpLo, double kpHi, double ntLo, double ntHi,
                double tbLo, double tbHi, double ptsLo, double ptsHi) {
            this.changeLo = changeLo;
            this.changeHi = changeHi;
            this.kpLo = kpLo;
            this.kpHi = kpHi;
            this.ntLo = ntLo;
            this.ntHi = ntHi;
            this.tbLo = tbLo;
            this.tbHi = tbHi;
            this.ptsLo = ptsLo;
            this.ptsHi = ptsHi;
        }
    }

    /** Per-unit knobs: profile, size of traffic and crime work (1.0 = an average district). */
    private record Plan(String unit, Profile profile, double traffic, double crime, String author) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("CATP.HS", Profile.B, 1.6, 1.8, "Nguyễn Văn Hùng"),
            new Plan("CAH.BS", Profile.A, 1.0, 0.9, "Trần Thị Mai"),
            new Plan("CAH.DL", Profile.B, 0.9, 1.0, "Lê Quang Vinh"),
            new Plan("CAH.TH", Profile.C, 0.8, 0.8, "Phạm Thu Hà"),
            new Plan("CAH.NP", Profile.B, 1.1, 1.1, "Hoàng Minh Tuấn"),
            new Plan("CAH.AT", Profile.A, 0.7, 0.6, "Vũ Thị Lan"),
            new Plan("CAH.PL", Profile.D, 0.9, 1.0, "Đặng Văn Khoa"),
            new Plan("CAH.TK", Profile.B, 0.8, 0.7, "Bùi Thị Hồng"),
            new Plan("CAH.VT", Profile.C, 1.0, 0.9, "Đỗ Mạnh Cường"),
            new Plan("CAH.MX", Profile.B, 0.6, 0.5, "Ngô Thị Thảo"),
            new Plan("PA01", Profile.A, 0, 0.0, "Dương Văn Thành"),
            new Plan("PA02", Profile.B, 0, 0.05, "Lý Thị Ngọc"),
            new Plan("PA03", Profile.B, 0, 0.1, "Trịnh Quốc Bảo"),
            new Plan("PA04", Profile.C, 0, 0.06, "Mai Thị Hương"),
            new Plan("PA05", Profile.B, 0, 0.15, "Phan Đức Long"),
            new Plan("PA06", Profile.C, 0, 0.04, "Tạ Thị Yến"),
            new Plan("PA08", Profile.A, 0, 0.12, "Hồ Văn Nam"),
            new Plan("PA09", Profile.B, 0, 0.1, "Cao Thị Thủy"),
            new Plan("PC01", Profile.B, 0.0, 0.4, "Chu Văn Đạt"),
            new Plan("PC02", Profile.A, 0.0, 1.2, "Lưu Thị Phương"),
            new Plan("PC03", Profile.B, 0.0, 0.5, "Kiều Văn Sơn"),
            new Plan("PC04", Profile.B, 0.0, 0.7, "Đinh Thị Nhung"),
            new Plan("PC06", Profile.C, 0.0, 0.3, "Quách Văn Lâm"),
            new Plan("PC07", Profile.B, 0.0, 0.1, "Tô Thị Hạnh"),
            new Plan("PC08", Profile.A, 2.5, 0.2, "La Văn Phúc"),
            new Plan("PC09", Profile.C, 0.0, 0.1, "Âu Thị Diệu"),
            new Plan("PC10", Profile.D, 0.0, 0.1, "Khổng Văn Trí"),
            new Plan("PC11", Profile.B, 0.0, 0.15, "Thái Thị Oanh"),
            new Plan("PV01", Profile.A, 0, 0, "Lã Văn Quyết"),
            new Plan("PV06", Profile.B, 0, 0, "Mạc Thị Xuân"),
            new Plan("PX01", Profile.B, 0, 0, "Hà Văn Toàn"),
            new Plan("PX03", Profile.C, 0, 0, "Giang Thị Loan"),
            new Plan("PX05", Profile.B, 0, 0, "Nghiêm Văn Hải"),
            new Plan("PH10", Profile.C, 0, 0, "Văn Thị Kim"));

    /** Every file, in arrival order. Declared after PLANS: static fields initialise in order. */
    static final List<Submission> ALL = build();

    private static List<Submission> build() {
        Random random = new Random(20241214L);
        List<Submission> all = new ArrayList<>();
        for (Plan plan : PLANS) {
            Map<String, Values> values = generate(plan, random);
            applyOverrides(plan.unit(), values);
            OffsetDateTime arrival = arrival(plan.unit(), random);
            String fileName = plan.unit() + "-2024.xlsx";
            switch (plan.unit()) {
                case RESUBMITTED -> {
                    all.add(submission(plan, fileName, values, arrival, random));
                    all.add(correction(plan, values, random));
                }
                case INVALID_BLANK -> all.add(blankCurrent(plan, fileName, values, arrival, random));
                case INVALID_RATE -> all.add(rateAboveHundred(plan, fileName, values, arrival, random));
                default -> all.add(submission(plan, fileName, values, arrival, random));
            }
        }
        all.sort(Comparator.comparing(Submission::arrival));
        return List.copyOf(all);
    }

    /** PC02's second file, two days later: corrected discovered cases and settled reports. */
    private static Submission correction(Plan plan, Map<String, Values> first, Random r) {
        Map<String, Values> values = new LinkedHashMap<>(first);
        Values kp = first.get("TP.KP");
        Values xr = first.get("TP.XR");
        values.put("TP.KP", new Values(kp.current().add(BigDecimal.valueOf(3)).min(xr.current()), kp.baseline()));
        Values gq = first.get("TB.GQ");
        BigDecimal reports = first.get("TB.TON").current().add(first.get("TB.MOI").current());
        values.put("TB.GQ", new Values(gq.current().add(BigDecimal.valueOf(6)).min(reports), gq.baseline()));
        Map<String, String> notes = Map.of("TP.KP", "Điều chỉnh so với báo cáo lần 1",
                "TB.GQ", "Điều chỉnh so với báo cáo lần 1");
        OffsetDateTime arrival = OffsetDateTime.of(2024, 12, 19, 15, 20, 0, 0, VN);
        return submission(plan, plan.unit() + "-2024-lan2.xlsx", values, List.of(), arrival, r, notes, List.of());
    }

    /** Invalid: `Kỳ này` of TP.XR left blank. */
    private static Submission blankCurrent(Plan plan, String fileName, Map<String, Values> generated,
                                           OffsetDateTime arrival, Random r) {
        Map<String, Values> values = new LinkedHashMap<>(generated);
        values.put("TP.XR", new Values(null, generated.get("TP.XR").baseline()));
        return submission(plan, fileName, values, List.of(), arrival, r, Map.of(),
                List.of("Ô `Kỳ này` của chỉ tiêu TP.XR để trống"));
    }

    /** Invalid: more cases discovered than occurred, and a row with an unknown indicator code. */
    private static Submission rateAboveHundred(Plan plan, String fileName, Map<String, Values> generated,
                                               OffsetDateTime arrival, Random r) {
        Map<String, Values> values = new LinkedHashMap<>(generated);
        Values xr = generated.get("TP.XR");
        values.put("TP.KP", new Values(xr.current().add(BigDecimal.valueOf(2)), generated.get("TP.KP").baseline()));
        List<ExtraRow> extra = List.of(new ExtraRow("TP.MATUY", "Số vụ phạm tội về ma túy bị phát hiện", "vụ",
                values("57", "49")));
        return submission(plan, fileName, values, extra, arrival, r, Map.of(),
                List.of("TP.KP (Kỳ này) lớn hơn TP.XR (Kỳ này): tỷ lệ khám phá vượt 100 %",
                        "Mã chỉ tiêu TP.MATUY không có trong bộ tiêu chí"));
    }

    // ------------------------------------------------------------------ figures

    private static Map<String, Values> generate(Plan plan, Random r) {
        Profile p = plan.profile();
        Map<String, long[]> n = new HashMap<>(); // code -> {current, baseline}

        // I. traffic: baseline scaled by the unit's traffic work, current by the profile's change
        reduce(n, "TNGT.VU", round(plan.traffic() * uniform(r, 20, 40)), p, r);
        reduce(n, "TNGT.CHET", round(plan.traffic() * uniform(r, 8, 18)), p, r);
        reduce(n, "TNGT.BT", round(plan.traffic() * uniform(r, 15, 40)), p, r);

        // II. crime: social-order cases follow the profile, other cases add to the total occurred
        reduce(n, "TP.TTXH", round(plan.crime() * uniform(r, 40, 90)), p, r);
        long xrC = n.get("TP.TTXH")[0] + round(plan.crime() * uniform(r, 15, 35));
        long xrB = n.get("TP.TTXH")[1] + round(plan.crime() * uniform(r, 15, 35));
        n.put("TP.XR", new long[] {xrC, xrB});
        n.put("TP.KP", new long[] {share(xrC, uniform(r, p.kpLo, p.kpHi)), share(xrB, uniform(r, 0.80, 0.92))});
        long ntB = Math.min(xrB, round(plan.crime() * uniform(r, 3, 10)));
        long ntC = Math.min(xrC, round(ntB * uniform(r, 0.7, 1.2)));
        n.put("TPNT.XR", new long[] {ntC, ntB});
        n.put("TPNT.KP", new long[] {share(ntC, uniform(r, p.ntLo, p.ntHi)), share(ntB, uniform(r, 0.9, 1.0))});
        reduce(n, "VA.TDC", round(plan.crime() * uniform(r, 4, 12)), p, r);

        // III. crime reports: this year's backlog is last year's unsettled ones
        long tonB = round(plan.crime() * uniform(r, 10, 30));
        long moiB = round(plan.crime() * uniform(r, 200, 450));
        long gqB = share(tonB + moiB, uniform(r, 0.92, 0.98));
        long tonC = tonB + moiB - gqB;
        long moiC = round(moiB * uniform(r, 0.9, 1.1));
        long gqC = share(tonC + moiC, uniform(r, p.tbLo, p.tbHi));
        n.put("TB.TON", new long[] {tonC, tonB});
        n.put("TB.MOI", new long[] {moiC, moiB});
        n.put("TB.GQ", new long[] {gqC, gqB});

        // IV. security and order
        n.put("SC.DX", new long[] {(p == Profile.D && r.nextBoolean()) || (p == Profile.C && r.nextInt(4) == 0) ? 1 : 0,
                r.nextInt(4) == 0 ? 1 : 0});
        n.put("CHAY.NO", new long[] {p == Profile.D ? 1 : 0, r.nextInt(3) == 0 ? 1 : 0});

        // V. staff work
        long vbB = round(uniform(r, 80, 220));
        n.put("TM.VB", new long[] {round(vbB * (2 - uniform(r, p.changeLo, p.changeHi))), vbB});

        // VI. force building, awards, discipline
        n.put("KT.CAPBO", new long[] {switch (p) {
            case A -> 2 + r.nextInt(4);
            case B -> r.nextInt(3);
            case C -> r.nextInt(2);
            case D -> 0;
        }, r.nextInt(3)});
        n.put("VP.KL", new long[] {switch (p) {
            case A -> 0;
            case B, C -> r.nextInt(4) == 0 ? 1 : 0;
            case D -> 1 + r.nextInt(2);
        }, r.nextInt(2)});
        BigDecimal points = quarter(uniform(r, p.ptsLo, p.ptsHi));
        BigDecimal pointsBefore = r.nextBoolean() ? quarter(uniform(r, 7.5, 9.5)) : null;

        String block = SampleProvince.unit(plan.unit()).blockCode();
        Map<String, Values> values = new LinkedHashMap<>();
        for (Indicator indicator : SampleProvince.indicatorsFor(block)) {
            if (indicator.code().equals("XDLL.DIEM")) {
                values.put(indicator.code(), new Values(points, pointsBefore));
            } else {
                long[] cb = n.get(indicator.code());
                values.put(indicator.code(), new Values(BigDecimal.valueOf(cb[0]), BigDecimal.valueOf(cb[1])));
            }
        }
        return values;
    }

    private static void reduce(Map<String, long[]> n, String code, long baseline, Profile p, Random r) {
        n.put(code, new long[] {round(baseline * uniform(r, p.changeLo, p.changeHi)), baseline});
    }

    /** Hand-written edge cases on top of the random figures. */
    private static void applyOverrides(String unit, Map<String, Values> values) {
        switch (unit) {
            // the city: big numbers, some written as grouped text ("1.318") in the workbook
            case "CATP.HS" -> {
                values.put("TB.TON", values("64", "51"));
                values.put("TB.MOI", values("1318", "1247"));
                values.put("TB.GQ", values("1321", "1234"));
            }
            // accidents down 8.3 %: full points on the scheme's 6 % target, not on its registered 10 %
            case "CAH.BS" -> values.put("TNGT.VU", values("22", "24"));
            // a district with no serious case in either year (TY_LE denominator 0: not applicable)
            case "CAH.AT" -> {
                values.put("TPNT.XR", values("0", "0"));
                values.put("TPNT.KP", values("0", "0"));
            }
            // traffic deaths up from a zero baseline
            case "CAH.MX" -> values.put("TNGT.CHET", values("1", "0"));
            // a small department: no suspended case either year (GIAM with b = 0, c = 0)
            case "PC09" -> values.put("VA.TDC", values("0", "0"));
            // two security departments with identical outcomes: their totals tie
            case "PA02" -> {
                values.put("TP.XR", values("4", "3"));
                values.put("TP.KP", values("4", "3"));
                values.put("SC.DX", values("0", "0"));
                values.put("XDLL.DIEM", values("9.00", null));
                values.put("KT.CAPBO", values("1", "0"));
                values.put("VP.KL", values("0", "0"));
            }
            case "PA09" -> {
                values.put("TP.XR", values("10", "8"));
                values.put("TP.KP", values("9", "8"));
                values.put("SC.DX", values("0", "1"));
                values.put("XDLL.DIEM", values("9.00", "8.75"));
                values.put("KT.CAPBO", values("1", "1"));
                values.put("VP.KL", values("0", "0"));
            }
            // as many cases discovered as last year: TANG scores 0
            case "PA04" -> {
                values.put("TP.XR", values("6", "7"));
                values.put("TP.KP", values("5", "5"));
            }
            // modest progress: partial points on two reduction criteria
            case "PC03" -> {
                values.put("TP.TTXH", values("30", "31"));
                values.put("VA.TDC", values("6", "6"));
            }
            // staff work up only 2.7 % against a 5 % target
            case "PX03" -> values.put("TM.VB", values("116", "113"));
            // no incident this year after one last year
            case "PH10" -> values.put("SC.DX", values("0", "1"));
            default -> {
            }
        }
    }

    // ------------------------------------------------------------------ files

    private static OffsetDateTime arrival(String unit, Random r) {
        if (unit.equals(LATE)) {
            return OffsetDateTime.of(2024, 12, 23, 10, 0, 0, 0, VN);
        }
        if (unit.equals("CAH.MX")) { // on time: the deadline is the end of 20/12/2024
            return OffsetDateTime.of(2024, 12, 20, 23, 10, 0, 0, VN);
        }
        if (unit.equals(RESUBMITTED)) {
            return OffsetDateTime.of(2024, 12, 17, 8, 40, 0, 0, VN);
        }
        int day = 16 + r.nextInt(5);
        int hour = 7 + r.nextInt(10);
        int minute = 5 * r.nextInt(12);
        return OffsetDateTime.of(2024, 12, day, hour, minute, 0, 0, VN);
    }

    private static Submission submission(Plan plan, String fileName, Map<String, Values> values,
                                         OffsetDateTime arrival, Random r) {
        return submission(plan, fileName, values, List.of(), arrival, r, Map.of(), List.of());
    }

    private static Submission submission(Plan plan, String fileName, Map<String, Values> values,
                                         List<ExtraRow> extra, OffsetDateTime arrival, Random r,
                                         Map<String, String> notes, List<String> defects) {
        LocalDate created = arrival.toLocalDate().minusDays(r.nextInt(3));
        Map<String, String> allNotes = new LinkedHashMap<>(notes);
        Set<String> text = textCells(plan.unit());
        text.stream().map(t -> t.substring(0, t.indexOf(':')))
                .forEach(code -> allNotes.putIfAbsent(code, "Số liệu trích từ phần mềm quản lý"));
        return new Submission(fileName, plan.unit(), SampleProvince.PERIOD, plan.author(), created, arrival,
                values, extra, text, allNotes, defects);
    }

    /** Cells written as text numbers, as units often do. */
    private static Set<String> textCells(String unit) {
        return switch (unit) {
            case "CATP.HS" -> Set.of("TB.MOI:current", "TB.MOI:baseline");
            case "PC08" -> Set.of("TNGT.BT:current");
            case "CAH.NP" -> Set.of("XDLL.DIEM:current");
            default -> Set.of();
        };
    }

    // ------------------------------------------------------------------ helpers

    static Values values(String current, String baseline) {
        return new Values(current == null ? null : new BigDecimal(current),
                baseline == null ? null : new BigDecimal(baseline));
    }

    private static double uniform(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    private static long round(double x) {
        return Math.max(0, Math.round(x));
    }

    /** {@code round(total * rate)}, never more than {@code total}. */
    private static long share(long total, double rate) {
        return Math.min(total, round(total * rate));
    }

    private static BigDecimal quarter(double x) {
        return BigDecimal.valueOf(Math.round(x * 4)).divide(BigDecimal.valueOf(4)).setScale(2);
    }
}
