package thidua.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Workbook;
import thidua.text.Labels;
import thidua.workbook.CellValue;
import thidua.workbook.Cells;
import thidua.workbook.Finding;
import thidua.workbook.Grid;
import thidua.workbook.Tables;

/**
 * Reads and checks a scheme workbook (FORMATS.md §1). Returns the scheme only when it
 * has no problem at all; otherwise every problem found, so headquarters can fix the
 * workbook in one pass.
 */
final class SchemeReader {
    static final String GENERAL = "Chung";
    static final String PERIODS = "Kỳ báo cáo";
    static final String BLOCKS = "Khối";
    static final String UNITS = "Đơn vị";
    static final String INDICATORS = "Chỉ tiêu";
    static final String CRITERIA = "Tiêu chí";
    static final String UNIT_TARGETS = "Chỉ tiêu đăng ký";
    static final String GRADES = "Xếp loại";
    static final String AWARDS = "Khen thưởng";
    /** The optional column of {@value #UNITS}: where the unit's error reports are e-mailed. */
    static final String EMAIL = "Email";
    /**
     * A plausible address, one per cell: a local part and a domain with a dot, ASCII, no
     * spaces, no second {@code @}, no list separators; what SMTP would refuse outright.
     */
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private final List<Finding> problems = new ArrayList<>();
    /**
     * Every code written in a row, valid or not ("unit:PC08"). A reference to a code whose
     * own row has a problem is not reported again: one mistake, one problem.
     */
    private final Set<String> written = new HashSet<>();

    /** True when {@code code} of {@code kind} was written somewhere, so a dangling reference to it is not news. */
    private boolean writtenButInvalid(String kind, String code) {
        return written.contains(kind + ":" + code);
    }

    /** The file's name as the messages about the scheme's size give it. */
    private final String fileName;
    private final SchemeLimits limits;

    private SchemeReader(String fileName, SchemeLimits limits) {
        this.fileName = fileName;
        this.limits = limits;
    }

    public static SchemeReadResult read(Workbook workbook) {
        return read(Grid.of(workbook), "", SchemeLimits.DEFAULT);
    }

    /** Reads {@code workbook}, the scheme file {@code fileName}, within {@code limits}. */
    static SchemeReadResult read(Grid workbook, String fileName, SchemeLimits limits) {
        return new SchemeReader(fileName, limits).readAll(workbook);
    }

    private SchemeReadResult readAll(Grid workbook) {
        if (!sheetsWithinLimits(workbook)) {
            return new SchemeReadResult(null, List.copyOf(problems));
        }
        General general = general(workbook);
        List<Period> periods = periods(workbook);
        List<Block> blocks = blocks(workbook);
        Set<String> blockCodes = new HashSet<>(blocks.stream().map(Block::code).toList());
        List<Unit> units = units(workbook, blockCodes);
        List<Indicator> indicators = indicators(workbook, blockCodes);
        List<Criterion> criteria = criteria(workbook, blockCodes, indicators);
        List<Grade> grades = grades(workbook);
        List<AwardRule> awards = awards(workbook, grades);
        Map<UnitTarget.Key, BigDecimal> targets = unitTargets(workbook, units, criteria);
        List<Finding> tooMany = problems.stream().filter(p -> p.code().startsWith("S-SCHEME-TOO-MANY-")).toList();
        if (!tooMany.isEmpty()) {
            // the rows past a limit were not read: what refers to them would be reported as dangling
            return new SchemeReadResult(null, tooMany);
        }
        if (!problems.isEmpty() || general == null) {
            return new SchemeReadResult(null, List.copyOf(problems));
        }
        Scheme scheme = new Scheme(general.year, general.movement, general.scale, general.bonusCap,
                general.deductionCap, general.latePenalty, periods, blocks, units, indicators, criteria,
                Map.copyOf(targets), grades, awards);
        return new SchemeReadResult(scheme, List.of());
    }

    /** "Bộ tiêu chí "scheme-2024.xlsx"", or "Bộ tiêu chí" when the file has no name here. */
    private String scheme() {
        return fileName.isEmpty() ? "Bộ tiêu chí" : "Bộ tiêu chí \"" + fileName + "\"";
    }

    /**
     * Every sheet within the scheme's row limit before any is read: a sheet past it is
     * reported with its name and nothing else is read (its rows would be noise).
     */
    private boolean sheetsWithinLimits(Grid workbook) {
        for (Grid.Sheet sheet : workbook.sheets()) {
            int rows = sheet.physicalRows();
            if (rows > limits.maxRows()) {
                problems.add(Finding.error("S-SCHEME-TOO-MANY-ROWS", sheet.name(), "", scheme()
                        + ": sheet \"" + sheet.name() + "\" có " + SchemeLimits.number(rows)
                        + " dòng, vượt giới hạn " + SchemeLimits.number(limits.maxRows())
                        + " dòng một sheet của bộ tiêu chí (kể cả dòng tiêu đề): cần xóa các dòng thừa "
                        + "hoặc chia bộ tiêu chí rồi nạp lại."));
            }
        }
        return problems.isEmpty();
    }

    /**
     * False (with the problem recorded) when {@code table} has more rows than a scheme
     * may: {@code what} is what one row is ("đơn vị", "chỉ tiêu", "tiêu chí").
     */
    private boolean withinLimit(SchemeRows table, List<Integer> rows, int limit, String code, String what) {
        if (rows.size() <= limit) {
            return true;
        }
        problems.add(Finding.error(code, table.sheetName(), "", scheme() + ": sheet \"" + table.sheetName()
                + "\" có " + SchemeLimits.number(rows.size()) + " " + what + ", vượt giới hạn "
                + SchemeLimits.number(limit) + " " + what + " của một bộ tiêu chí: cần kiểm tra lại sheet \""
                + table.sheetName() + "\" (dòng thừa, dòng chép trùng) rồi nạp lại."));
        return false;
    }

    private record General(int year, String movement, int scale, BigDecimal bonusCap, BigDecimal deductionCap,
                           BigDecimal latePenalty) {
    }

    private General general(Grid workbook) {
        Optional<Grid.Sheet> sheet = Tables.sheet(workbook, GENERAL);
        if (sheet.isEmpty()) {
            problems.add(Finding.error("S-SHEET-MISSING", GENERAL, "", "Thiếu sheet \"" + GENERAL + "\"."));
            return null;
        }
        String name = sheet.get().name();
        List<String> labels = List.of("Năm thi đua", "Tên phong trào", "Thang điểm", "Điểm thưởng tối đa",
                "Điểm trừ tối đa", "Điểm trừ nộp muộn");
        Map<String, CellValue> values = Tables.labelValues(sheet.get(), labels);
        int before = problems.size();
        Optional<BigDecimal> year = generalNumber(name, values, "Năm thi đua");
        String movement = values.containsKey("Tên phong trào") ? Cells.text(values.get("Tên phong trào")) : "";
        if (movement.isEmpty()) {
            problems.add(Finding.error("S-VALUE-BLANK", name, ref(values, "Tên phong trào"),
                    "Thiếu \"Tên phong trào\"."));
        }
        int scale = 100;
        if (values.containsKey("Thang điểm") && !values.get("Thang điểm").isBlank()) {
            Optional<BigDecimal> s = Cells.decimal(values.get("Thang điểm"));
            if (s.isPresent() && (s.get().compareTo(BigDecimal.valueOf(100)) == 0
                    || s.get().compareTo(BigDecimal.valueOf(1000)) == 0)) {
                scale = s.get().intValue();
            } else {
                problems.add(Finding.error("S-SCALE", name, ref(values, "Thang điểm"),
                        "\"Thang điểm\" phải là 100 hoặc 1000."));
            }
        }
        Optional<BigDecimal> bonus = generalNumber(name, values, "Điểm thưởng tối đa");
        Optional<BigDecimal> deduction = generalNumber(name, values, "Điểm trừ tối đa");
        Optional<BigDecimal> late = generalNumber(name, values, "Điểm trừ nộp muộn");
        if (year.isPresent() && year.get().stripTrailingZeros().scale() > 0) {
            problems.add(Finding.error("S-VALUE-NOT-INTEGER", name, ref(values, "Năm thi đua"),
                    "\"Năm thi đua\" phải là một năm, ví dụ 2024."));
        }
        if (problems.size() > before) {
            return null;
        }
        return new General(year.get().intValue(), movement, scale, bonus.get(), deduction.get(), late.get());
    }

    private Optional<BigDecimal> generalNumber(String sheet, Map<String, CellValue> values, String label) {
        CellValue v = values.get(label);
        Optional<BigDecimal> n = v == null ? Optional.empty() : Cells.decimal(v);
        if (n.isEmpty() || n.get().signum() < 0) {
            problems.add(Finding.error(v == null || v.isBlank() ? "S-VALUE-BLANK" : "S-VALUE-NOT-NUMBER", sheet,
                    ref(values, label), "Cần \"" + label + "\" là một số không âm"
                            + (v == null ? " (không tìm thấy nhãn này ở cột A–C)." : ", đang là \"" + v.display() + "\".")));
            return Optional.empty();
        }
        return n;
    }

    private static String ref(Map<String, CellValue> values, String label) {
        CellValue v = values.get(label);
        return v == null ? "" : v.ref();
    }

    private List<Period> periods(Grid workbook) {
        List<Period> periods = new ArrayList<>();
        SchemeRows.open(workbook, PERIODS, List.of("Mã kỳ", "Tên kỳ", "Từ ngày", "Đến ngày", "Hạn nộp"),
                List.of(), true, problems).ifPresent(t -> {
                    Set<String> seen = new HashSet<>();
                    for (int r : t.rows()) {
                        Optional<String> code = t.requiredText(r, "Mã kỳ").map(Labels::code);
                        Optional<String> name = t.requiredText(r, "Tên kỳ");
                        Optional<LocalDate> from = t.requiredDate(r, "Từ ngày");
                        Optional<LocalDate> to = t.requiredDate(r, "Đến ngày");
                        Optional<LocalDate> deadline = t.requiredDate(r, "Hạn nộp");
                        if (code.isPresent() && !seen.add(code.get())) {
                            t.problem(r, "Mã kỳ", "S-DUPLICATE", "Mã kỳ \"" + code.get() + "\" bị trùng.");
                        } else if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
                            t.problem(r, "Đến ngày", "S-PERIOD-DATES", "\"Đến ngày\" phải sau \"Từ ngày\".");
                        } else if (code.isPresent() && name.isPresent() && from.isPresent() && to.isPresent()
                                && deadline.isPresent()) {
                            periods.add(new Period(code.get(), name.get(), from.get(), to.get(), deadline.get()));
                        }
                    }
                });
        return periods;
    }

    private List<Block> blocks(Grid workbook) {
        List<Block> blocks = new ArrayList<>();
        SchemeRows.open(workbook, BLOCKS, List.of("Mã khối", "Tên khối"), List.of(), true, problems).ifPresent(t -> {
            Set<String> seen = new HashSet<>();
            for (int r : t.rows()) {
                Optional<String> code = t.requiredText(r, "Mã khối").map(Labels::code);
                code.ifPresent(c -> written.add("block:" + c));
                Optional<String> name = t.requiredText(r, "Tên khối");
                if (code.isPresent() && !seen.add(code.get())) {
                    t.problem(r, "Mã khối", "S-DUPLICATE", "Mã khối \"" + code.get() + "\" bị trùng.");
                } else if (code.isPresent() && name.isPresent()) {
                    blocks.add(new Block(code.get(), name.get()));
                }
            }
        });
        return blocks;
    }

    private List<Unit> units(Grid workbook, Set<String> blockCodes) {
        List<Unit> units = new ArrayList<>();
        SchemeRows.open(workbook, UNITS, List.of("Mã đơn vị", "Tên đơn vị", "Loại", "Mã khối"), List.of(EMAIL), true,
                problems).ifPresent(t -> {
                    Set<String> seen = new HashSet<>();
                    List<Integer> rows = t.rows();
                    if (!withinLimit(t, rows, limits.maxUnits(), "S-SCHEME-TOO-MANY-UNITS", "đơn vị")) {
                        return;
                    }
                    for (int r : rows) {
                        Optional<String> code = t.requiredText(r, "Mã đơn vị").map(Labels::code);
                        code.ifPresent(c -> written.add("unit:" + c));
                        Optional<String> name = t.requiredText(r, "Tên đơn vị");
                        Optional<UnitKind> kind = t.requiredText(r, "Loại").flatMap(k -> {
                            Optional<UnitKind> found = Arrays.stream(UnitKind.values())
                                    .filter(u -> Labels.same(u.label(), k)).findFirst();
                            if (found.isEmpty()) {
                                t.problem(r, "Loại", "S-UNIT-KIND",
                                        "Loại đơn vị \"" + k + "\" không hợp lệ: cần Phòng, Huyện hoặc Xã.");
                            }
                            return found;
                        });
                        Optional<String> block = t.requiredText(r, "Mã khối").map(Labels::code);
                        if (block.isPresent() && !blockCodes.contains(block.get())) {
                            if (!writtenButInvalid("block", block.get())) {
                                t.problem(r, "Mã khối", "S-UNKNOWN-BLOCK",
                                        "Mã khối \"" + block.get() + "\" không có trong sheet Khối.");
                            }
                            block = Optional.empty();
                        }
                        String email = t.optionalText(r, EMAIL);
                        boolean emailOk = email.isEmpty() || EMAIL_ADDRESS.matcher(email).matches();
                        if (!emailOk) {
                            t.problem(r, EMAIL, "S-UNIT-EMAIL", "Email \"" + email + "\" ở ô "
                                    + t.cell(r, EMAIL).ref() + " của sheet " + UNITS
                                    + " không phải một địa chỉ thư điện tử (cần dạng ten@donvi.vn, một địa chỉ một ô;"
                                    + " để trống nếu đơn vị không nhận báo cáo lỗi qua thư).");
                        }
                        if (code.isPresent() && !seen.add(code.get())) {
                            t.problem(r, "Mã đơn vị", "S-DUPLICATE", "Mã đơn vị \"" + code.get() + "\" bị trùng.");
                        } else if (code.isPresent() && name.isPresent() && kind.isPresent() && block.isPresent() && emailOk) {
                            units.add(new Unit(code.get(), name.get(), kind.get(), block.get(),
                                    email.isEmpty() ? null : email));
                        }
                    }
                });
        return units;
    }

    private Optional<BlockScope> scope(SchemeRows t, int r, String label, Set<String> blockCodes) {
        Optional<String> text = t.requiredText(r, label);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().equals("*")) {
            return Optional.of(BlockScope.ALL);
        }
        Set<String> codes = new HashSet<>();
        for (String part : text.get().split("[,;]")) {
            String code = Labels.code(part);
            if (code.isEmpty()) {
                continue;
            }
            if (!blockCodes.contains(code)) {
                if (!writtenButInvalid("block", code)) {
                    t.problem(r, label, "S-UNKNOWN-BLOCK", "Mã khối \"" + code + "\" không có trong sheet Khối.");
                }
                return Optional.empty();
            }
            codes.add(code);
        }
        return Optional.of(BlockScope.of(codes));
    }

    private List<Indicator> indicators(Grid workbook, Set<String> blockCodes) {
        List<Indicator> indicators = new ArrayList<>();
        SchemeRows.open(workbook, INDICATORS, List.of("Mã chỉ tiêu", "Nội dung", "Kiểu", "Áp dụng cho khối"),
                List.of("Đơn vị tính"), true, problems).ifPresent(t -> {
                    Set<String> seen = new HashSet<>();
                    List<Integer> rows = t.rows();
                    if (!withinLimit(t, rows, limits.maxIndicators(), "S-SCHEME-TOO-MANY-INDICATORS", "chỉ tiêu")) {
                        return;
                    }
                    for (int r : rows) {
                        Optional<String> code = t.requiredText(r, "Mã chỉ tiêu").map(Labels::code);
                        code.ifPresent(c -> written.add("indicator:" + c));
                        Optional<String> name = t.requiredText(r, "Nội dung");
                        Optional<IndicatorType> type = t.requiredText(r, "Kiểu").flatMap(k -> {
                            Optional<IndicatorType> found = Arrays.stream(IndicatorType.values())
                                    .filter(i -> Labels.same(i.label(), k)).findFirst();
                            if (found.isEmpty()) {
                                t.problem(r, "Kiểu", "S-INDICATOR-TYPE",
                                        "Kiểu \"" + k + "\" không hợp lệ: cần Số nguyên hoặc Điểm.");
                            }
                            return found;
                        });
                        Optional<BlockScope> scope = scope(t, r, "Áp dụng cho khối", blockCodes);
                        if (code.isPresent() && !seen.add(code.get())) {
                            t.problem(r, "Mã chỉ tiêu", "S-DUPLICATE", "Mã chỉ tiêu \"" + code.get() + "\" bị trùng.");
                        } else if (code.isPresent() && name.isPresent() && type.isPresent() && scope.isPresent()) {
                            indicators.add(new Indicator(code.get(), name.get(), t.optionalText(r, "Đơn vị tính"),
                                    type.get(), scope.get()));
                        }
                    }
                });
        return indicators;
    }

    private List<Criterion> criteria(Grid workbook, Set<String> blockCodes, List<Indicator> indicators) {
        List<Criterion> criteria = new ArrayList<>();
        Map<String, Indicator> byCode = new LinkedHashMap<>();
        indicators.forEach(i -> byCode.put(i.code(), i));
        SchemeRows.open(workbook, CRITERIA, List.of("Mã tiêu chí", "Nội dung", "Nhóm", "Cách tính", "Chỉ tiêu",
                "Mục tiêu (%)", "Điểm tối đa", "Áp dụng cho khối"), List.of(), true, problems).ifPresent(t -> {
                    Set<String> seen = new HashSet<>();
                    List<Integer> rows = t.rows();
                    if (!withinLimit(t, rows, limits.maxCriteria(), "S-SCHEME-TOO-MANY-CRITERIA", "tiêu chí")) {
                        return;
                    }
                    for (int r : rows) {
                        new CriterionRow(t, r, blockCodes, byCode).read().ifPresent(c -> {
                            if (!seen.add(c.code())) {
                                t.problem(r, "Mã tiêu chí", "S-DUPLICATE", "Mã tiêu chí \"" + c.code() + "\" bị trùng.");
                            } else {
                                criteria.add(c);
                            }
                        });
                    }
                });
        return criteria;
    }

    /** One row of `Tiêu chí`, checked against the indicators and blocks. */
    private final class CriterionRow {
        private final SchemeRows t;
        private final int r;
        private final Set<String> blockCodes;
        private final Map<String, Indicator> indicators;

        CriterionRow(SchemeRows t, int r, Set<String> blockCodes, Map<String, Indicator> indicators) {
            this.t = t;
            this.r = r;
            this.blockCodes = blockCodes;
            this.indicators = indicators;
        }

        Optional<Criterion> read() {
            Optional<String> code = t.requiredText(r, "Mã tiêu chí").map(Labels::code);
            code.ifPresent(c -> written.add("criterion:" + c));
            Optional<String> name = t.requiredText(r, "Nội dung");
            Optional<CriterionGroup> group = t.requiredText(r, "Nhóm").flatMap(g -> {
                Optional<CriterionGroup> found = Arrays.stream(CriterionGroup.values())
                        .filter(x -> Labels.same(x.label(), g)).findFirst();
                if (found.isEmpty()) {
                    t.problem(r, "Nhóm", "S-GROUP", "Nhóm \"" + g + "\" không hợp lệ: cần I, II, III, Thưởng hoặc Trừ.");
                }
                return found;
            });
            Optional<Rule> rule = t.requiredText(r, "Cách tính").flatMap(text -> {
                String key = Labels.code(text).replace(' ', '_');
                Optional<Rule> found = Arrays.stream(Rule.values()).filter(x -> x.name().equals(key)).findFirst();
                if (found.isEmpty()) {
                    t.problem(r, "Cách tính", "S-RULE", "Cách tính \"" + text
                            + "\" không hợp lệ: cần TY_LE, GIAM, TANG, BANG_0, TU_CHAM, THUONG hoặc TRU.");
                }
                return found;
            });
            Optional<BlockScope> scope = scope(t, r, "Áp dụng cho khối", blockCodes);
            Optional<BigDecimal> max = t.requiredNumber(r, "Điểm tối đa");
            if (rule.isEmpty() || group.isEmpty()) {
                return Optional.empty();
            }
            boolean consistent = rule.get() == Rule.THUONG ? group.get() == CriterionGroup.BONUS
                    : rule.get() == Rule.TRU ? group.get() == CriterionGroup.DEDUCTION
                    : group.get().isScored();
            if (!consistent) {
                t.problem(r, "Nhóm", "S-GROUP-RULE", "Nhóm \"" + group.get().label() + "\" không đi với cách tính "
                        + rule.get() + ": THUONG thuộc nhóm Thưởng, TRU thuộc nhóm Trừ, các cách tính khác thuộc nhóm I–III.");
            }
            BigDecimal target = null;
            if (rule.get().hasTarget()) {
                target = t.requiredNumber(r, "Mục tiêu (%)").orElse(null);
            }
            String indicatorText = t.requiredText(r, "Chỉ tiêu").orElse(null);
            if (indicatorText == null || scope.isEmpty() || max.isEmpty() || code.isEmpty() || name.isEmpty()
                    || !consistent || (rule.get().hasTarget() && target == null)) {
                return Optional.empty();
            }
            String single = null;
            List<String> numerator = List.of();
            List<String> denominator = List.of();
            if (rule.get() == Rule.TY_LE) {
                String[] sides = indicatorText.split("/");
                if (sides.length != 2) {
                    t.problem(r, "Chỉ tiêu", "S-RATE-FORMAT",
                            "TY_LE cần dạng Tử/Mẫu, ví dụ TPTT.KP/TPTT.XR hoặc TB.GQ/TB.TON+TB.MOI.");
                    return Optional.empty();
                }
                numerator = codes(sides[0]);
                denominator = codes(sides[1]);
            } else {
                single = Labels.code(indicatorText);
            }
            Criterion criterion = new Criterion(code.get(), name.get(), group.get(), rule.get(), single, numerator,
                    denominator, target, max.get(), scope.get());
            return checkIndicators(criterion) ? Optional.of(criterion) : Optional.empty();
        }

        private List<String> codes(String side) {
            return Arrays.stream(side.split("\\+")).map(Labels::code).filter(s -> !s.isEmpty()).toList();
        }

        private boolean checkIndicators(Criterion criterion) {
            boolean ok = !criterion.indicatorCodes().isEmpty()
                    && (criterion.rule() != Rule.TY_LE
                    || (!criterion.numerator().isEmpty() && !criterion.denominator().isEmpty()));
            if (!ok) {
                t.problem(r, "Chỉ tiêu", "S-RATE-FORMAT", "Thiếu mã chỉ tiêu.");
                return false;
            }
            for (String code : criterion.indicatorCodes()) {
                Indicator indicator = indicators.get(code);
                if (indicator == null) {
                    if (!writtenButInvalid("indicator", code)) {
                        t.problem(r, "Chỉ tiêu", "S-UNKNOWN-INDICATOR", "Chỉ tiêu \"" + code
                                + "\" không có trong sheet Chỉ tiêu.");
                    }
                    ok = false;
                } else if (criterion.rule() == Rule.TY_LE && indicator.type() != IndicatorType.INTEGER) {
                    t.problem(r, "Chỉ tiêu", "S-RATE-ON-POINTS", "TY_LE chỉ tính trên chỉ tiêu kiểu Số nguyên; \""
                            + code + "\" là kiểu Điểm.");
                    ok = false;
                } else if (!covers(indicator.appliesTo(), criterion.appliesTo())) {
                    t.problem(r, "Áp dụng cho khối", "S-SCOPE", "Tiêu chí áp dụng cho khối " + criterion.appliesTo()
                            + " nhưng chỉ tiêu \"" + code + "\" chỉ áp dụng cho khối " + indicator.appliesTo() + ".");
                    ok = false;
                }
            }
            return ok;
        }

        private boolean covers(BlockScope indicator, BlockScope criterion) {
            if (indicator.all()) {
                return true;
            }
            Set<String> needed = criterion.all() ? blockCodes : criterion.blockCodes();
            return indicator.blockCodes().containsAll(needed);
        }
    }

    private List<Grade> grades(Grid workbook) {
        List<Grade> grades = new ArrayList<>();
        SchemeRows.open(workbook, GRADES, List.of("Xếp loại", "Điểm từ"), List.of(), true, problems).ifPresent(t -> {
            Set<String> seen = new HashSet<>();
            for (int r : t.rows()) {
                Optional<String> label = t.requiredText(r, "Xếp loại");
                Optional<BigDecimal> from = t.requiredNumber(r, "Điểm từ");
                if (label.isPresent() && !seen.add(Labels.key(label.get()))) {
                    t.problem(r, "Xếp loại", "S-DUPLICATE", "Xếp loại \"" + label.get() + "\" bị trùng.");
                } else if (label.isPresent() && from.isPresent()) {
                    grades.add(new Grade(label.get(), from.get()));
                }
            }
            if (grades.isEmpty()) {
                problems.add(Finding.error("S-NO-GRADES", t.sheetName(), "", "Cần ít nhất một dòng xếp loại."));
            }
        });
        grades.sort(Comparator.comparing(Grade::minScore).reversed());
        return List.copyOf(grades);
    }

    private List<AwardRule> awards(Grid workbook, List<Grade> grades) {
        List<AwardRule> awards = new ArrayList<>();
        SchemeRows.open(workbook, AWARDS, List.of("Hình thức", "Hạng tối đa", "Xếp loại tối thiểu"), List.of(), true,
                problems).ifPresent(t -> {
                    for (int r : t.rows()) {
                        Optional<String> title = t.requiredText(r, "Hình thức");
                        CellValue rankCell = t.cell(r, "Hạng tối đa");
                        Optional<BigDecimal> rank = Cells.integer(rankCell).filter(n -> n.signum() > 0);
                        if (rank.isEmpty()) {
                            t.problem(r, "Hạng tối đa", "S-VALUE-NOT-INTEGER",
                                    "\"Hạng tối đa\" cần một số nguyên dương, đang là \"" + rankCell.display() + "\".");
                        }
                        Optional<String> grade = t.requiredText(r, "Xếp loại tối thiểu").flatMap(g -> {
                            Optional<String> found = grades.stream().map(Grade::label)
                                    .filter(l -> Labels.same(l, g)).findFirst();
                            if (found.isEmpty()) {
                                t.problem(r, "Xếp loại tối thiểu", "S-UNKNOWN-GRADE",
                                        "Xếp loại \"" + g + "\" không có trong sheet Xếp loại.");
                            }
                            return found;
                        });
                        if (title.isPresent() && rank.isPresent() && grade.isPresent()) {
                            awards.add(new AwardRule(title.get(), rank.get().intValueExact(), grade.get()));
                        }
                    }
                });
        return List.copyOf(awards);
    }

    private Map<UnitTarget.Key, BigDecimal> unitTargets(Grid workbook, List<Unit> units, List<Criterion> criteria) {
        Map<UnitTarget.Key, BigDecimal> targets = new LinkedHashMap<>();
        SchemeRows.open(workbook, UNIT_TARGETS, List.of("Mã đơn vị", "Mã tiêu chí", "Mục tiêu (%)"), List.of(), false,
                problems).ifPresent(t -> {
                    for (int r : t.rows()) {
                        Optional<String> unitCode = t.requiredText(r, "Mã đơn vị").map(Labels::code);
                        Optional<String> criterionCode = t.requiredText(r, "Mã tiêu chí").map(Labels::code);
                        Optional<BigDecimal> target = t.requiredNumber(r, "Mục tiêu (%)");
                        Optional<Unit> unit = unitCode.flatMap(c -> units.stream().filter(u -> u.code().equals(c)).findFirst());
                        Optional<Criterion> criterion = criterionCode.flatMap(
                                c -> criteria.stream().filter(x -> x.code().equals(c)).findFirst());
                        if (unitCode.isPresent() && unit.isEmpty() && !writtenButInvalid("unit", unitCode.get())) {
                            t.problem(r, "Mã đơn vị", "S-UNKNOWN-UNIT", "Đơn vị \"" + unitCode.get()
                                    + "\" không có trong sheet Đơn vị.");
                        }
                        if (criterionCode.isPresent() && criterion.isEmpty()
                                && !writtenButInvalid("criterion", criterionCode.get())) {
                            t.problem(r, "Mã tiêu chí", "S-UNKNOWN-CRITERION", "Tiêu chí \"" + criterionCode.get()
                                    + "\" không có trong sheet Tiêu chí.");
                        }
                        if (unit.isEmpty() || criterion.isEmpty() || target.isEmpty()) {
                            continue;
                        }
                        if (!criterion.get().rule().hasTarget()) {
                            t.problem(r, "Mã tiêu chí", "S-TARGET-NOT-APPLICABLE", "Tiêu chí \"" + criterionCode.get()
                                    + "\" (" + criterion.get().rule() + ") không có mục tiêu để đăng ký.");
                        } else if (!criterion.get().appliesTo().includes(unit.get().blockCode())) {
                            t.problem(r, "Mã tiêu chí", "S-SCOPE", "Tiêu chí \"" + criterionCode.get()
                                    + "\" không áp dụng cho khối " + unit.get().blockCode() + " của đơn vị.");
                        } else if (targets.put(new UnitTarget.Key(unit.get().code(), criterion.get().code()),
                                target.get()) != null) {
                            t.problem(r, "Mã đơn vị", "S-DUPLICATE", "Đơn vị \"" + unitCode.get()
                                    + "\" đăng ký hai lần cho tiêu chí \"" + criterionCode.get() + "\".");
                        }
                    }
                });
        return targets;
    }
}
