package thidua.samples;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import thidua.samples.SampleProvince.Award;
import thidua.samples.SampleProvince.Block;
import thidua.samples.SampleProvince.Criterion;
import thidua.samples.SampleProvince.Grade;
import thidua.samples.SampleProvince.Indicator;
import thidua.samples.SampleProvince.Period;
import thidua.samples.SampleProvince.Unit;
import thidua.samples.SampleProvince.UnitTarget;

import static thidua.samples.WorkbookStyles.put;
import static thidua.samples.WorkbookStyles.row;

/** Writes the scheme workbook (FORMATS.md §1) from {@link SampleProvince}. Table headers are in row 1. */
final class SchemeWorkbookWriter {

    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    void write(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            WorkbookStyles s = new WorkbookStyles(workbook);
            general(workbook.createSheet("Chung"), s);
            periods(workbook.createSheet("Kỳ báo cáo"), s);
            blocks(workbook.createSheet("Khối"), s);
            units(workbook.createSheet("Đơn vị"), s);
            indicators(workbook.createSheet("Chỉ tiêu"), s);
            criteria(workbook.createSheet("Tiêu chí"), s);
            unitTargets(workbook.createSheet("Chỉ tiêu đăng ký"), s);
            grades(workbook.createSheet("Xếp loại"), s);
            awards(workbook.createSheet("Khen thưởng"), s);
            s.save(file);
        }
    }

    private void general(Sheet sheet, WorkbookStyles s) {
        pair(sheet, s, 0, "Năm thi đua", SampleProvince.YEAR);
        Row movement = row(sheet, 1);
        put(movement, 0, "Tên phong trào", s.section);
        put(movement, 1, SampleProvince.MOVEMENT, s.text);
        pair(sheet, s, 2, "Thang điểm", SampleProvince.SCALE);
        pair(sheet, s, 3, "Điểm thưởng tối đa", SampleProvince.BONUS_CAP.doubleValue());
        pair(sheet, s, 4, "Điểm trừ tối đa", SampleProvince.DEDUCTION_CAP.doubleValue());
        pair(sheet, s, 5, "Điểm trừ nộp muộn", SampleProvince.LATE_PENALTY.doubleValue());
        WorkbookStyles.widths(sheet, 24, 30);
    }

    private static void pair(Sheet sheet, WorkbookStyles s, int rowIndex, String label, double value) {
        Row row = row(sheet, rowIndex);
        put(row, 0, label, s.section);
        put(row, 1, value, s.number);
    }

    private void periods(Sheet sheet, WorkbookStyles s) {
        s.header(sheet, 0, "Mã kỳ", "Tên kỳ", "Từ ngày", "Đến ngày", "Hạn nộp");
        int r = 1;
        for (Period p : SampleProvince.periods()) {
            Row row = row(sheet, r++);
            put(row, 0, p.code(), s.text);
            put(row, 1, p.name(), s.text);
            date(row, 2, p.from(), p.datesAsText(), s);
            date(row, 3, p.to(), p.datesAsText(), s);
            date(row, 4, p.deadline(), p.datesAsText(), s);
        }
        WorkbookStyles.widths(sheet, 10, 32, 12, 12, 12);
    }

    private static void date(Row row, int column, LocalDate value, boolean asText, WorkbookStyles s) {
        if (asText) {
            put(row, column, value.format(DMY), s.text);
        } else {
            put(row, column, value, s.date);
        }
    }

    private void blocks(Sheet sheet, WorkbookStyles s) {
        s.header(sheet, 0, "Mã khối", "Tên khối");
        int r = 1;
        for (Block b : SampleProvince.blocks()) {
            Row row = row(sheet, r++);
            put(row, 0, b.code(), s.text);
            put(row, 1, b.name(), s.text);
        }
        WorkbookStyles.widths(sheet, 10, 36);
    }

    private void units(Sheet sheet, WorkbookStyles s) {
        s.header(sheet, 0, "Mã đơn vị", "Tên đơn vị", "Loại", "Mã khối", "Email");
        int r = 1;
        for (Unit u : SampleProvince.units()) {
            Row row = row(sheet, r++);
            put(row, 0, u.code(), s.text);
            put(row, 1, u.name(), s.text);
            put(row, 2, u.kind(), s.text);
            put(row, 3, u.blockCode(), s.text);
            String email = SampleProvince.email(u.code());
            if (email != null) {
                put(row, 4, email, s.text);
            }
        }
        WorkbookStyles.widths(sheet, 12, 60, 8, 9, 40);
    }

    private void indicators(Sheet sheet, WorkbookStyles s) {
        s.header(sheet, 0, "Mã chỉ tiêu", "Nội dung", "Đơn vị tính", "Kiểu", "Áp dụng cho khối");
        int r = 1;
        for (Indicator i : SampleProvince.indicators()) {
            Row row = row(sheet, r++);
            put(row, 0, i.code(), s.text);
            put(row, 1, i.name(), s.text);
            put(row, 2, i.measure(), s.text);
            put(row, 3, i.type().label(), s.text);
            put(row, 4, i.blocksText(), s.text);
        }
        WorkbookStyles.widths(sheet, 13, 60, 11, 11, 16);
    }

    private void criteria(Sheet sheet, WorkbookStyles s) {
        s.header(sheet, 0, "Mã tiêu chí", "Nội dung", "Nhóm", "Cách tính", "Chỉ tiêu", "Mục tiêu (%)",
                "Điểm tối đa", "Áp dụng cho khối");
        int r = 1;
        for (Criterion c : SampleProvince.criteria()) {
            Row row = row(sheet, r++);
            put(row, 0, c.code(), s.text);
            put(row, 1, c.name(), s.text);
            put(row, 2, c.group(), s.text);
            put(row, 3, c.rule(), s.text);
            put(row, 4, c.indicatorText(), s.text);
            number(row, 5, c.target(), s);
            number(row, 6, c.maxPoints(), s);
            put(row, 7, c.blocksText(), s.text);
        }
        WorkbookStyles.widths(sheet, 16, 58, 8, 10, 22, 12, 11, 16);
    }

    private void unitTargets(Sheet sheet, WorkbookStyles s) {
        s.header(sheet, 0, "Mã đơn vị", "Mã tiêu chí", "Mục tiêu (%)");
        int r = 1;
        for (UnitTarget t : SampleProvince.unitTargets()) {
            Row row = row(sheet, r++);
            put(row, 0, t.unitCode(), s.text);
            put(row, 1, t.criterionCode(), s.text);
            number(row, 2, t.target(), s);
        }
        WorkbookStyles.widths(sheet, 12, 18, 12);
    }

    private void grades(Sheet sheet, WorkbookStyles s) {
        s.header(sheet, 0, "Xếp loại", "Điểm từ");
        int r = 1;
        for (Grade g : SampleProvince.grades()) {
            Row row = row(sheet, r++);
            put(row, 0, g.name(), s.text);
            number(row, 1, g.from(), s);
        }
        WorkbookStyles.widths(sheet, 32, 10);
    }

    private void awards(Sheet sheet, WorkbookStyles s) {
        s.header(sheet, 0, "Hình thức", "Hạng tối đa", "Xếp loại tối thiểu");
        int r = 1;
        for (Award a : SampleProvince.awards()) {
            Row row = row(sheet, r++);
            put(row, 0, a.name(), s.text);
            put(row, 1, a.maxRank(), s.number);
            put(row, 2, a.minGrade(), s.text);
        }
        WorkbookStyles.widths(sheet, 38, 12, 32);
    }

    /** A numeric cell, or a blank bordered cell for a null value. */
    private static void number(Row row, int column, BigDecimal value, WorkbookStyles s) {
        if (value == null) {
            put(row, column, (String) null, s.text);
        } else {
            put(row, column, value.doubleValue(), s.number);
        }
    }
}
