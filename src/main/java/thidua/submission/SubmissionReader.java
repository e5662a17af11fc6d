package thidua.submission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import thidua.scheme.Criterion;
import thidua.scheme.Indicator;
import thidua.scheme.IndicatorType;
import thidua.scheme.Rule;
import thidua.scheme.Scheme;
import thidua.scheme.Unit;
import thidua.scoring.ReportedValue;
import thidua.text.Labels;
import thidua.workbook.CellRef;
import thidua.workbook.CellValue;
import thidua.workbook.Cells;
import thidua.workbook.Finding;
import thidua.workbook.Grid;
import thidua.workbook.Tables;

/**
 * Reads a unit's submission workbook (FORMATS.md §2) and checks it against the scheme
 * that defines its period. Every problem of the file is reported, never only the first.
 */
final class SubmissionReader {
    static final String INFO = "Thông tin";
    static final String VALUES = "Chỉ tiêu";
    static final String UNIT = "Mã đơn vị";
    static final String PERIOD = "Kỳ báo cáo";
    static final String CODE = "Mã chỉ tiêu";
    static final String CURRENT = "Kỳ này";
    static final String BASELINE = "Cùng kỳ";

    private final Function<String, Optional<Scheme>> schemeOfPeriod;
    private final String senderUnit;
    private final List<Finding> findings = new ArrayList<>();

    private SubmissionReader(Function<String, Optional<Scheme>> schemeOfPeriod, String senderUnit) {
        this.schemeOfPeriod = schemeOfPeriod;
        this.senderUnit = senderUnit;
    }

    /** @param schemeOfPeriod the current scheme that defines a period code, if any */
    public static ParsedSubmission read(Grid workbook, Function<String, Optional<Scheme>> schemeOfPeriod) {
        return read(workbook, schemeOfPeriod, null);
    }

    /**
     * @param senderUnit the unit of a UNIT user who sent the file, null for the inbox and
     *                   headquarters: a file naming another unit is refused (E-UNIT-NOT-OWN),
     *                   and whatever it names, the submission is the sender's unit's
     */
    public static ParsedSubmission read(Grid workbook, Function<String, Optional<Scheme>> schemeOfPeriod,
                                        String senderUnit) {
        return new SubmissionReader(schemeOfPeriod, senderUnit).readAll(workbook);
    }

    private ParsedSubmission readAll(Grid workbook) {
        Optional<Grid.Sheet> info = Tables.sheet(workbook, INFO);
        Optional<Grid.Sheet> values = Tables.sheet(workbook, VALUES);
        if (info.isEmpty()) {
            findings.add(Finding.error("E-SHEET-MISSING", INFO, "", "Thiếu sheet \"" + INFO
                    + "\" (mã đơn vị, kỳ báo cáo): cần dùng đúng mẫu báo cáo."));
        }
        if (values.isEmpty()) {
            findings.add(Finding.error("E-SHEET-MISSING", VALUES, "", "Thiếu sheet \"" + VALUES
                    + "\" (số liệu các chỉ tiêu): cần dùng đúng mẫu báo cáo."));
        }
        String unitCode = null;
        String periodCode = null;
        Scheme scheme = null;
        Unit unit = null;
        if (info.isPresent()) {
            Map<String, CellValue> pairs = Tables.labelValues(info.get(), List.of(UNIT, PERIOD));
            String sheetName = info.get().name();
            unitCode = codeOf(pairs.get(UNIT), sheetName, UNIT, "E-UNIT-MISSING");
            if (senderUnit != null && unitCode != null && !unitCode.equals(senderUnit)) {
                findings.add(Finding.error("E-UNIT-NOT-OWN", sheetName, pairs.get(UNIT).ref(),
                        "Tệp ghi mã đơn vị \"" + unitCode + "\" nhưng tài khoản gửi thuộc đơn vị " + senderUnit
                                + ": mỗi đơn vị chỉ nộp báo cáo của chính mình (ghi " + senderUnit + " ở ô này)."));
            }
            periodCode = codeOf(pairs.get(PERIOD), sheetName, PERIOD, "E-PERIOD-MISSING");
            if (periodCode != null) {
                scheme = schemeOfPeriod.apply(periodCode).orElse(null);
                if (scheme == null) {
                    findings.add(Finding.error("E-PERIOD-UNKNOWN", sheetName, pairs.get(PERIOD).ref(),
                            "Kỳ báo cáo \"" + periodCode + "\" không có trong bộ tiêu chí nào đã nạp."));
                }
            }
            if (scheme != null && unitCode != null) {
                unit = scheme.unit(unitCode).orElse(null);
                if (unit == null) {
                    findings.add(Finding.error("E-UNIT-UNKNOWN", sheetName, pairs.get(UNIT).ref(),
                            "Mã đơn vị \"" + unitCode + "\" không có trong bộ tiêu chí năm " + scheme.year() + "."));
                }
            }
        }
        Map<String, ReportedValue> reported = new LinkedHashMap<>();
        Map<String, String[]> cells = new LinkedHashMap<>();
        if (values.isPresent()) {
            new ValueSheet(values.get(), scheme, unit, reported, cells).read();
        }
        // A UNIT user's file is that unit's submission whatever it names: another unit's status never changes by it.
        return new ParsedSubmission(senderUnit != null ? senderUnit : unitCode, periodCode, Map.copyOf(reported),
                Map.copyOf(cells), List.copyOf(findings));
    }

    private String codeOf(CellValue value, String sheet, String label, String missingCode) {
        if (value == null || value.isBlank()) {
            findings.add(Finding.error(missingCode, sheet, value == null ? "" : value.ref(),
                    "Thiếu \"" + label + "\": ghi nhãn ở cột A–C và giá trị ở ô bên phải."));
            return null;
        }
        return Labels.code(value.display());
    }

    /** The `Chỉ tiêu` sheet: one row per indicator under the header row. */
    private final class ValueSheet {
        private final Grid.Sheet sheet;
        private final Scheme scheme;
        private final Unit unit;
        private final Map<String, ReportedValue> reported;
        private final Map<String, String[]> cells;

        ValueSheet(Grid.Sheet sheet, Scheme scheme, Unit unit, Map<String, ReportedValue> reported,
                   Map<String, String[]> cells) {
            this.sheet = sheet;
            this.scheme = scheme;
            this.unit = unit;
            this.reported = reported;
            this.cells = cells;
        }

        void read() {
            Optional<Tables.Header> found = Tables.header(sheet, List.of(CODE, CURRENT, BASELINE), List.of());
            if (found.isEmpty()) {
                error("E-HEADER-MISSING", "", "Không tìm thấy dòng tiêu đề có các cột \"" + CODE + "\", \""
                        + CURRENT + "\", \"" + BASELINE + "\" trong " + Tables.SEARCH_ROWS + " dòng đầu.");
                return;
            }
            Tables.Header header = found.get();
            Set<String> seen = new HashSet<>();
            for (int r = header.row() + 1; r <= sheet.lastRowNum(); r++) {
                CellValue codeCell = sheet.cell(r, header.column(CODE));
                String code = Labels.code(codeCell.display());
                if (code.isEmpty()) {
                    continue; // section title or spacer row
                }
                if (!seen.add(code)) {
                    error("E-INDICATOR-DUPLICATE", codeCell.ref(), "Chỉ tiêu \"" + code
                            + "\" xuất hiện hai lần: mỗi chỉ tiêu chỉ ghi một dòng.");
                    continue;
                }
                if (scheme == null) {
                    continue; // nothing to check the row against; the period error says why
                }
                Optional<Indicator> indicator = scheme.indicator(code);
                if (indicator.isEmpty()) {
                    error("E-INDICATOR-UNKNOWN", codeCell.ref(), "Mã chỉ tiêu \"" + code
                            + "\" không có trong bộ tiêu chí năm " + scheme.year() + ".");
                    continue;
                }
                CellValue current = sheet.cell(r, header.column(CURRENT));
                CellValue baseline = sheet.cell(r, header.column(BASELINE));
                if (unit != null && !indicator.get().appliesTo().includes(unit.blockCode())) {
                    findings.add(Finding.warning("W-INDICATOR-NOT-APPLICABLE", sheet.name(), codeCell.ref(),
                            "Chỉ tiêu \"" + code + "\" không áp dụng cho khối " + unit.blockCode()
                                    + " của đơn vị: bỏ qua dòng này."));
                    continue;
                }
                Optional<BigDecimal> c = value(indicator.get(), current, true);
                Optional<BigDecimal> b = value(indicator.get(), baseline, baselineRequired(indicator.get()));
                if (c.isPresent() && (b.isPresent() || baseline.isBlank())) {
                    reported.put(code, new ReportedValue(code, c.get(), b.orElse(null)));
                    cells.put(code, new String[] {current.ref(), baseline.ref()});
                    warnIfJump(code, c.get(), b.orElse(null), current.ref());
                }
            }
            if (scheme != null && unit != null) {
                checkComplete(header, seen);
                checkCriteria();
            }
        }

        /** A value more than ten times its baseline is usually a typing slip (an extra digit): warn, do not block. */
        private void warnIfJump(String code, BigDecimal current, BigDecimal baseline, String cell) {
            if (baseline != null && baseline.signum() > 0 && current.compareTo(baseline.multiply(BigDecimal.TEN)) > 0) {
                findings.add(Finding.warning("W-VALUE-JUMP", sheet.name(), cell, "Kỳ này của \"" + code
                        + "\" là " + current.toPlainString() + ", gấp hơn 10 lần cùng kỳ (" + baseline.toPlainString()
                        + "): cần kiểm tra lại số liệu."));
            }
        }

        /** `Cùng kỳ` is required for counts, and for points that a GIAM/TANG criterion compares. */
        private boolean baselineRequired(Indicator indicator) {
            if (indicator.type() == IndicatorType.INTEGER) {
                return true;
            }
            if (unit == null) {
                return false; // unknown unit: its criteria are unknown too
            }
            return scheme.criteriaFor(unit.blockCode()).stream()
                    .anyMatch(c -> (c.rule() == Rule.GIAM || c.rule() == Rule.TANG)
                            && c.indicator().equals(indicator.code()));
        }

        private Optional<BigDecimal> value(Indicator indicator, CellValue cell, boolean required) {
            String column = cell == null ? "" : cell.ref();
            String what = "\"" + indicator.code() + "\" ô " + column;
            switch (cell.kind()) {
                case BLANK -> {
                    if (required) {
                        error("E-VALUE-BLANK", column, "Ô trống: cần ghi số liệu cho " + what
                                + " (ô trống không được hiểu là 0; nếu không có thì ghi 0).");
                    }
                    return Optional.empty();
                }
                case ERROR -> {
                    error("E-VALUE-ERROR-CELL", column, "Ô " + column + " là lỗi công thức " + cell.text()
                            + ": cần một số.");
                    return Optional.empty();
                }
                case NO_CACHED_VALUE -> {
                    error("E-VALUE-NO-CACHED", column, "Ô " + column + " là công thức chưa được tính: "
                            + "cần mở tệp bằng Excel, lưu lại rồi gửi.");
                    return Optional.empty();
                }
                default -> {
                }
            }
            if (cell.isBlank()) {
                if (required) {
                    error("E-VALUE-BLANK", column, "Ô trống: cần ghi số liệu cho " + what + ".");
                }
                return Optional.empty();
            }
            Optional<BigDecimal> n = indicator.type() == IndicatorType.INTEGER ? Cells.integer(cell) : Cells.decimal(cell);
            if (n.isEmpty()) {
                boolean numeric = Cells.decimal(cell).isPresent();
                if (indicator.type() == IndicatorType.INTEGER && numeric) {
                    error("E-VALUE-NOT-INTEGER", column, "Giá trị \"" + cell.display() + "\" của " + what
                            + " phải là số nguyên không âm.");
                } else {
                    error("E-VALUE-NOT-NUMBER", column, "Giá trị \"" + cell.display() + "\" của " + what
                            + " không phải là số" + (indicator.type() == IndicatorType.INTEGER
                            ? " nguyên (ví dụ 45 hoặc 1.234)." : " (ví dụ 8,5)."));
                }
                return Optional.empty();
            }
            if (n.get().signum() < 0) {
                error("E-VALUE-NEGATIVE", column, "Giá trị " + n.get().toPlainString() + " của " + what
                        + " không được âm.");
                return Optional.empty();
            }
            return n;
        }

        private void checkComplete(Tables.Header header, Set<String> seen) {
            String codeHeader = CellRef.of(header.row(), header.column(CODE));
            for (Indicator indicator : scheme.indicatorsFor(unit.blockCode())) {
                if (!seen.contains(indicator.code())) {
                    error("E-INDICATOR-MISSING", codeHeader, "Thiếu chỉ tiêu \"" + indicator.code() + "\" ("
                            + indicator.name() + "): khối " + unit.blockCode() + " phải báo cáo chỉ tiêu này.");
                }
            }
        }

        /** Checks that need several rows: a rate's numerator within its denominator, self-assessed points within 0…m. */
        private void checkCriteria() {
            for (Criterion criterion : scheme.criteriaFor(unit.blockCode())) {
                if (!criterion.indicatorCodes().stream().allMatch(reported::containsKey)) {
                    continue; // the missing or bad value is already reported
                }
                if (criterion.rule() == Rule.TY_LE) {
                    checkRate(criterion, true);
                    checkRate(criterion, false);
                } else if (criterion.rule() == Rule.TU_CHAM) {
                    BigDecimal points = reported.get(criterion.indicator()).current();
                    if (points.compareTo(criterion.maxPoints()) > 0) {
                        error("E-POINTS-RANGE", cells.get(criterion.indicator())[0], "Điểm tự chấm "
                                + points.toPlainString() + " của \"" + criterion.indicator()
                                + "\" vượt điểm tối đa " + criterion.maxPoints().toPlainString() + " (cần từ 0 đến "
                                + criterion.maxPoints().toPlainString() + ").");
                    }
                }
            }
        }

        private void checkRate(Criterion criterion, boolean current) {
            BigDecimal n = BigDecimal.ZERO;
            BigDecimal d = BigDecimal.ZERO;
            for (String code : criterion.numerator()) {
                BigDecimal v = current ? reported.get(code).current() : reported.get(code).baseline();
                n = n.add(v == null ? BigDecimal.ZERO : v);
            }
            for (String code : criterion.denominator()) {
                BigDecimal v = current ? reported.get(code).current() : reported.get(code).baseline();
                d = d.add(v == null ? BigDecimal.ZERO : v);
            }
            if (n.compareTo(d) > 0) {
                String first = criterion.numerator().get(0);
                error("E-RATE-NUMERATOR-GT", cells.get(first)[current ? 0 : 1], "Tiêu chí " + criterion.code() + ": "
                        + String.join("+", criterion.numerator()) + " = " + n.toPlainString() + " lớn hơn "
                        + String.join("+", criterion.denominator()) + " = " + d.toPlainString() + " ở cột \""
                        + (current ? CURRENT : BASELINE) + "\": tử số không được lớn hơn mẫu số.");
            }
        }

        private void error(String code, String cell, String message) {
            findings.add(Finding.error(code, sheet.name(), cell, message));
        }
    }
}
