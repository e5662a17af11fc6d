package thidua.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.samples.SampleProvince;
import thidua.workbook.Finding;
import thidua.workbook.Samples;
import thidua.workbook.UnreadableWorkbookException;
import thidua.workbook.WorkbookEdits;

class SchemeReaderTest {

    @TempDir
    Path dir;

    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    /** Reads an edited copy of the sample scheme, after saving and reopening it as the system would. */
    private SchemeReadResult readEdited(WorkbookEdits edits) throws IOException, UnreadableWorkbookException {
        try (edits; Workbook workbook = edits.saveAndOpen(dir, "scheme.xlsx")) {
            return SchemeReader.read(workbook);
        }
    }

    private static WorkbookEdits sample() {
        return WorkbookEdits.copyOf(Samples.SCHEME);
    }

    // ------------------------------------------------------------------ the sample

    @Test
    void sampleSchemeIsReadWithEveryTable() throws IOException {
        SchemeReadResult result;
        try (Workbook workbook = Samples.open(Samples.SCHEME)) {
            result = SchemeReader.read(workbook);
        }
        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        Scheme s = result.scheme();

        assertThat(s.year()).isEqualTo(2024);
        assertThat(s.movement()).isEqualTo("Vì an ninh Tổ quốc");
        assertThat(s.scale()).isEqualTo(100);
        assertThat(s.bonusCap()).isEqualByComparingTo("5");
        assertThat(s.deductionCap()).isEqualByComparingTo("10");
        assertThat(s.latePenalty()).isEqualByComparingTo("2");

        // periods: 2024 with date cells, 2024-6T with dd/mm/yyyy text
        assertThat(s.periods()).containsExactly(
                new Period("2024", "Tổng kết năm 2024", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 12, 14),
                        LocalDate.of(2024, 12, 20)),
                new Period("2024-6T", "Sơ kết 6 tháng đầu năm 2024", LocalDate.of(2023, 12, 15),
                        LocalDate.of(2024, 6, 14), LocalDate.of(2024, 6, 20)));

        assertThat(s.blocks()).extracting(Block::code).containsExactly("K1", "K2", "K3", "K4");
        assertThat(s.units()).hasSize(36);
        assertThat(s.units()).extracting(Unit::code)
                .containsExactlyElementsOf(SampleProvince.units().stream().map(SampleProvince.Unit::code).toList());
        assertThat(s.unit("CAH.BS")).contains(new Unit("CAH.BS", "Công an huyện Bắc Sơn", UnitKind.DISTRICT, "K1"));
        assertThat(s.unit("PC08")).contains(new Unit("PC08", "Phòng Cảnh sát giao thông", UnitKind.DEPARTMENT, "K3",
                "pc08.thidua@congan.hoason.example"));
        // the optional Email column: filled for some units, blank (null) for the others
        assertThat(s.units()).filteredOn(u -> u.email() != null).extracting(Unit::code)
                .containsExactlyInAnyOrder("CAH.AT", "PC04", "PC08", "PX01");
        assertThat(s.unitsOf("K1")).hasSize(11);
        assertThat(s.unitsOf("K2")).hasSize(8);
        assertThat(s.unitsOf("K3")).hasSize(10);
        assertThat(s.unitsOf("K4")).hasSize(7);

        assertThat(s.indicators()).hasSize(18);
        assertThat(s.indicator("TNGT.VU")).contains(new Indicator("TNGT.VU", "Số vụ tai nạn giao thông", "vụ",
                IndicatorType.INTEGER, BlockScope.of(java.util.Set.of("K1", "K3"))));
        assertThat(s.indicator("XDLL.DIEM").orElseThrow().type()).isEqualTo(IndicatorType.POINTS);
        assertThat(s.indicator("XDLL.DIEM").orElseThrow().appliesTo()).isEqualTo(BlockScope.ALL);
        assertThat(s.indicatorsFor("K3")).hasSize(16);
        assertThat(s.indicatorsFor("K2")).extracting(Indicator::code)
                .containsExactly("TP.XR", "TP.KP", "SC.DX", "XDLL.DIEM", "KT.CAPBO", "VP.KL");

        assertThat(s.criteria()).hasSize(15);
        assertThat(s.criteria()).extracting(Criterion::code).containsExactlyElementsOf(
                SampleProvince.criteria().stream().map(SampleProvince.Criterion::code).toList());
        Criterion tb = s.criteria().stream().filter(c -> c.code().equals("TL.TB.GQ")).findFirst().orElseThrow();
        assertThat(tb.rule()).isEqualTo(Rule.TY_LE);
        assertThat(tb.group()).isEqualTo(CriterionGroup.II);
        assertThat(tb.numerator()).containsExactly("TB.GQ");
        assertThat(tb.denominator()).containsExactly("TB.TON", "TB.MOI");
        assertThat(tb.indicator()).isNull();
        assertThat(tb.target()).isEqualByComparingTo("95");
        assertThat(tb.maxPoints()).isEqualByComparingTo("15");
        Criterion bang0 = s.criteria().stream().filter(c -> c.code().equals("BANG0.SC.DX")).findFirst().orElseThrow();
        assertThat(bang0.target()).isNull();
        assertThat(bang0.appliesTo()).isEqualTo(BlockScope.ALL);
        Criterion bonus = s.criteria().stream().filter(c -> c.code().equals("TH.KT.CAPBO")).findFirst().orElseThrow();
        assertThat(bonus.group()).isEqualTo(CriterionGroup.BONUS);
        assertThat(bonus.rule()).isEqualTo(Rule.THUONG);
        assertThat(bonus.maxPoints()).isEqualByComparingTo("0.5");
        Criterion chayNo = s.criteria().stream().filter(c -> c.code().equals("GIAM.CHAY.NO")).findFirst().orElseThrow();
        assertThat(chayNo.target()).isEqualByComparingTo("0");
        assertThat(chayNo.indicator()).isEqualTo("CHAY.NO");

        // registered targets
        assertThat(s.unitTargets()).hasSize(3);
        assertThat(s.unitTargets().get(new UnitTarget.Key("CAH.BS", "GIAM.TNGT.VU"))).isEqualByComparingTo("10");
        assertThat(s.unitTargets().get(new UnitTarget.Key("PC08", "GIAM.TNGT.CHET"))).isEqualByComparingTo("20");
        assertThat(s.unitTargets().get(new UnitTarget.Key("CATP.HS", "TL.KP"))).isEqualByComparingTo("85");
        Criterion giamVu = s.criteria().get(0);
        assertThat(s.targetFor("CAH.BS", giamVu)).isEqualByComparingTo("10");
        assertThat(s.targetFor("CAH.DL", giamVu)).isEqualByComparingTo("6");

        // grades in descending Điểm từ, awards in sheet order
        assertThat(s.grades()).extracting(Grade::label).containsExactly("Hoàn thành xuất sắc nhiệm vụ",
                "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ");
        assertThat(s.grades()).extracting(g -> g.minScore().intValueExact()).containsExactly(90, 70, 50, 0);
        assertThat(s.awards()).containsExactly(
                new AwardRule("Cờ thi đua của Bộ Công an", 1, "Hoàn thành xuất sắc nhiệm vụ"),
                new AwardRule("Cờ thi đua của UBND tỉnh", 2, "Hoàn thành xuất sắc nhiệm vụ"),
                new AwardRule("Bằng khen của Giám đốc Công an tỉnh", 3, "Hoàn thành tốt nhiệm vụ"),
                new AwardRule("Giấy khen", 5, "Hoàn thành tốt nhiệm vụ"));
    }

    @Test
    void gradesAreSortedDescendingWhateverTheSheetOrderAndAwardsKeepTheSheetOrder() throws Exception {
        SchemeReadResult result = readEdited(sample()
                // grades written in ascending order
                .text("Xếp loại", "A2", "Không hoàn thành nhiệm vụ").number("Xếp loại", "B2", 0)
                .text("Xếp loại", "A3", "Hoàn thành nhiệm vụ").number("Xếp loại", "B3", 50)
                .text("Xếp loại", "A4", "Hoàn thành xuất sắc nhiệm vụ").number("Xếp loại", "B4", 90)
                .text("Xếp loại", "A5", "Hoàn thành tốt nhiệm vụ").number("Xếp loại", "B5", 70)
                // awards: Giấy khen first, Cờ Bộ last
                .text("Khen thưởng", "A2", "Giấy khen").number("Khen thưởng", "B2", 5)
                .text("Khen thưởng", "C2", "Hoàn thành tốt nhiệm vụ")
                .text("Khen thưởng", "A5", "Cờ thi đua của Bộ Công an").number("Khen thưởng", "B5", 1)
                .text("Khen thưởng", "C5", "Hoàn thành xuất sắc nhiệm vụ"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.scheme().grades()).isEqualTo(Samples.scheme().grades());
        assertThat(result.scheme().awards()).extracting(AwardRule::title).containsExactly("Giấy khen",
                "Cờ thi đua của UBND tỉnh", "Bằng khen của Giám đốc Công an tỉnh", "Cờ thi đua của Bộ Công an");
    }

    @Test
    void scaleIs100Or1000AndDefaultsTo100() throws Exception {
        assertThat(readEdited(sample().number("Chung", "B3", 1000)).scheme().scale()).isEqualTo(1000);
        SchemeReadResult without = readEdited(sample().blank("Chung", "A3").blank("Chung", "B3"));
        assertThat(without.problems()).isEmpty();
        assertThat(without.scheme().scale()).isEqualTo(100);
        SchemeReadResult blankValue = readEdited(sample().blank("Chung", "B3"));
        assertThat(blankValue.problems()).isEmpty();
        assertThat(blankValue.scheme().scale()).isEqualTo(100);
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void brokenSchemeIsRefusedWithEveryProblemAtOnce() throws Exception {
        SchemeReadResult result = readEdited(sample()
                .number("Chung", "B3", 50)                         // Thang điểm 50
                .deleteSheet("Kỳ báo cáo")                          // missing sheet
                .text("Đơn vị", "D4", "K9")                        // CAH.DL in an unknown block
                .text("Đơn vị", "A7", " cah.th")                   // CAH.AT renamed to a duplicate of CAH.TH
                .text("Đơn vị", "C8", "Tỉnh")                      // CAH.PL: bad Loại
                .text("Tiêu chí", "E5", "TP.KHONGCO")              // GIAM.TP.TTXH on an unknown indicator
                .text("Tiêu chí", "E7", "TPNT.KP/XDLL.DIEM")       // TL.KP.NT: TY_LE over a Điểm indicator
                .blank("Tiêu chí", "F9")                           // GIAM.VA.TDC: blank target
                .text("Tiêu chí", "H13", "K3,K4")                  // TANG.TM.VB wider than TM.VB (K4)
                .text("Khen thưởng", "C4", "Xuất sắc"));           // unknown grade
        assertThat(result.ok()).isFalse();
        assertThat(result.scheme()).isNull();
        assertThat(result.problems()).allMatch(Finding::isError);
        assertThat(result.problems()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
        assertThat(result.problems())
                .extracting(Finding::code, Finding::sheet, Finding::cell)
                .containsExactlyInAnyOrder(
                        tuple("S-SCALE", "Chung", "B3"),
                        tuple("S-SHEET-MISSING", "Kỳ báo cáo", ""),
                        tuple("S-UNKNOWN-BLOCK", "Đơn vị", "D4"),
                        tuple("S-DUPLICATE", "Đơn vị", "A7"),
                        tuple("S-UNIT-KIND", "Đơn vị", "C8"),
                        tuple("S-UNKNOWN-INDICATOR", "Tiêu chí", "E5"),
                        tuple("S-RATE-ON-POINTS", "Tiêu chí", "E7"),
                        tuple("S-VALUE-BLANK", "Tiêu chí", "F9"),
                        tuple("S-SCOPE", "Tiêu chí", "H13"),
                        tuple("S-UNKNOWN-GRADE", "Khen thưởng", "C4"));
    }

    @Test
    void aUnitsEmailIsOptionalButWhenWrittenMustBeAnAddress() throws Exception {
        // CAH.BS is row 3 of Đơn vị: blank allowed, a plain address kept as written (trimmed)
        SchemeReadResult blank = readEdited(sample().blank("Đơn vị", "E2").text("Đơn vị", "E3", "  bacson@ca.example.vn "));
        assertThat(blank.problems()).isEmpty();
        assertThat(blank.scheme().unit("CATP.HS").orElseThrow().email()).isNull();
        assertThat(blank.scheme().unit("CAH.BS").orElseThrow().email()).isEqualTo("bacson@ca.example.vn");

        for (String bad : List.of("bac son@ca.example.vn", "bacson", "bacson@localhost", "a@b@ca.example.vn",
                "a@ca.example.vn; b@ca.example.vn", "=HYPERLINK(\"http://x\")", "thư@công-an.vn")) {
            SchemeReadResult refused = readEdited(sample().text("Đơn vị", "E3", bad));
            assertThat(refused.ok()).as(bad).isFalse();
            assertThat(refused.problems()).as(bad).extracting(Finding::code, Finding::sheet, Finding::cell)
                    .containsExactly(tuple("S-UNIT-EMAIL", "Đơn vị", "E3"));
            assertThat(refused.problems().get(0).message()).as(bad)
                    .contains("Email \"" + bad.strip() + "\"", "ô E3", "sheet Đơn vị", "địa chỉ thư điện tử")
                    .doesNotContain("Exception", "thidua.");
            assertThat(refused.problems().get(0).toString()).startsWith("S-UNIT-EMAIL Đơn vị!E3: ");
        }
    }

    @Test
    void eachRefusalNamesItsCell() throws Exception {
        // one mistake, one problem: the criterion reading an indicator refused for its own problem is not blamed too
        assertProblems(sample().text("Chỉ tiêu", "E16", "K4,K7"),
                tuple("S-UNKNOWN-BLOCK", "Chỉ tiêu", "E16"));
        assertProblems(sample().text("Chỉ tiêu", "D16", "Phần trăm"),
                tuple("S-INDICATOR-TYPE", "Chỉ tiêu", "D16"));
        // TM.VB is no longer written anywhere: the criterion that reads it really names an unknown indicator
        assertProblems(sample().text("Chỉ tiêu", "A16", "TNGT.VU"),
                tuple("S-DUPLICATE", "Chỉ tiêu", "A16"),
                tuple("S-UNKNOWN-INDICATOR", "Tiêu chí", "E13"));
        // a TY_LE sum naming an unknown indicator on its denominator side
        assertProblems(sample().text("Tiêu chí", "E10", "TB.GQ/TB.TON+TB.CU"),
                tuple("S-UNKNOWN-INDICATOR", "Tiêu chí", "E10"));
        assertProblems(sample().text("Tiêu chí", "E7", "TPNT.KP"),
                tuple("S-RATE-FORMAT", "Tiêu chí", "E7"));
        // a criterion refused for its own problem is not blamed again by the targets registered for it
        assertProblems(sample().text("Tiêu chí", "E6", "TP.KP"),
                tuple("S-RATE-FORMAT", "Tiêu chí", "E6"));
        assertProblems(sample().text("Tiêu chí", "D4", "GIAM_NHIEU"),
                tuple("S-RULE", "Tiêu chí", "D4"));
        assertProblems(sample().text("Tiêu chí", "C4", "IV"),
                tuple("S-GROUP", "Tiêu chí", "C4"));
        assertProblems(sample().text("Tiêu chí", "C15", "I"),
                tuple("S-GROUP-RULE", "Tiêu chí", "C15"));
        assertProblems(sample().text("Tiêu chí", "G4", "mười"),
                tuple("S-VALUE-NOT-NUMBER", "Tiêu chí", "G4"));
        assertProblems(sample().number("Tiêu chí", "F4", -5),
                tuple("S-VALUE-NEGATIVE", "Tiêu chí", "F4"));
        // an impossible date is refused, not moved to the end of the month
        assertProblems(sample().text("Kỳ báo cáo", "E3", "31/06/2024"),
                tuple("S-VALUE-NOT-DATE", "Kỳ báo cáo", "E3"));
        assertProblems(sample().text("Kỳ báo cáo", "E3", "30/02/2024"),
                tuple("S-VALUE-NOT-DATE", "Kỳ báo cáo", "E3"));
        assertProblems(sample().text("Kỳ báo cáo", "E3", "2024-06-20"),
                tuple("S-VALUE-NOT-DATE", "Kỳ báo cáo", "E3"));
        assertProblems(sample().text("Kỳ báo cáo", "C3", "15/12/2024"),
                tuple("S-PERIOD-DATES", "Kỳ báo cáo", "D3"));
        assertProblems(sample().text("Kỳ báo cáo", "A3", " 2024 "),
                tuple("S-DUPLICATE", "Kỳ báo cáo", "A3"));
        assertProblems(sample().text("Chỉ tiêu đăng ký", "A3", "PC99"),
                tuple("S-UNKNOWN-UNIT", "Chỉ tiêu đăng ký", "A3"));
        assertProblems(sample().text("Chỉ tiêu đăng ký", "B3", "BANG0.SC.DX"),
                tuple("S-TARGET-NOT-APPLICABLE", "Chỉ tiêu đăng ký", "B3"));
        // TANG.TP.KP applies to K2 only; PC08 is in K3
        assertProblems(sample().text("Chỉ tiêu đăng ký", "B3", "TANG.TP.KP"),
                tuple("S-SCOPE", "Chỉ tiêu đăng ký", "B3"));
        assertProblems(sample().text("Khen thưởng", "B3", "hai"),
                tuple("S-VALUE-NOT-INTEGER", "Khen thưởng", "B3"));
        assertProblems(sample().text("Khen thưởng", "B1", "Hạng"),
                tuple("S-HEADER-MISSING", "Khen thưởng", ""));
        assertProblems(sample().blank("Chung", "B2"),
                tuple("S-VALUE-BLANK", "Chung", "B2"));
        assertProblems(sample().number("Chung", "B1", 2024.5),
                tuple("S-VALUE-NOT-INTEGER", "Chung", "B1"));
    }

    @Test
    void theOptionalSheetOfRegisteredTargetsMayBeMissingButTheOthersMayNot() throws Exception {
        SchemeReadResult noTargets = readEdited(sample().deleteSheet("Chỉ tiêu đăng ký"));
        assertThat(noTargets.problems()).isEmpty();
        assertThat(noTargets.scheme().unitTargets()).isEmpty();

        SchemeReadResult noGeneral = readEdited(sample().deleteSheet("Chung"));
        assertThat(noGeneral.ok()).isFalse();
        assertThat(noGeneral.problems()).extracting(Finding::code, Finding::sheet, Finding::cell)
                .containsExactly(tuple("S-SHEET-MISSING", "Chung", ""));
    }

    @SafeVarargs
    private void assertProblems(WorkbookEdits edits, org.assertj.core.groups.Tuple... expected) throws Exception {
        SchemeReadResult result = readEdited(edits);
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(Finding::code, Finding::sheet, Finding::cell)
                .containsExactlyInAnyOrder(expected);
    }

    // ------------------------------------------------------------------ tolerance

    @Test
    void sheetNamesAndLabelsWithoutDiacriticsInUpperCaseInNfdOrWithExtraSpacesStillRead() throws Exception {
        SchemeReadResult result = readEdited(sample()
                .renameSheet("Chung", "CHUNG")
                .renameSheet("Kỳ báo cáo", "Ky bao cao")
                .renameSheet("Khối", nfd("Khối"))
                .renameSheet("Đơn vị", "DON  VI")
                .renameSheet("Chỉ tiêu", "chỉ tiêu")
                .renameSheet("Tiêu chí", " Tiêu   chí ")
                .renameSheet("Chỉ tiêu đăng ký", "Chi tieu dang ky")
                .renameSheet("Xếp loại", "XẾP LOẠI")
                .renameSheet("Khen thưởng", nfd("Khen thưởng"))
                // label/value pairs
                .text("CHUNG", "A1", "NAM THI DUA")
                .text("CHUNG", "A2", "ten phong trao")
                .text("CHUNG", "A3", "  Thang   điểm ")
                .text("CHUNG", "A4", nfd("Điểm thưởng tối đa"))
                .text("CHUNG", "A5", "DIEM TRU TOI DA")
                .text("CHUNG", "A6", "Điểm trừ\u00A0nộp muộn")
                // headers
                .text("Ky bao cao", "A1", "MA KY").text("Ky bao cao", "C1", "tu ngay")
                .text("Ky bao cao", "E1", " Hạn   nộp ")
                .text(nfd("Khối"), "A1", nfd("Mã khối")).text(nfd("Khối"), "B1", "TEN KHOI")
                .text("DON  VI", "A1", "ma don vi").text("DON  VI", "C1", "LOẠI").text("DON  VI", "D1", "Ma khoi")
                .text("chỉ tiêu", "A1", "MÃ CHỈ TIÊU").text("chỉ tiêu", "D1", "kieu")
                .text("chỉ tiêu", "E1", "Ap dung cho khoi")
                .text(" Tiêu   chí ", "E1", "Chi tieu").text(" Tiêu   chí ", "F1", "MUC TIEU (%)")
                .text(" Tiêu   chí ", "G1", "Điểm  tối  đa").text(" Tiêu   chí ", "H1", nfd("Áp dụng cho khối"))
                .text("Chi tieu dang ky", "C1", "Muc tieu (%)")
                .text("XẾP LOẠI", "B1", "diem tu")
                .text(nfd("Khen thưởng"), "C1", "XEP LOAI TOI THIEU")
                // values compared as labels
                .text("DON  VI", "C2", "huyen").text("DON  VI", "C13", "PHÒNG")
                .text("chỉ tiêu", "D2", "SO NGUYEN").text("chỉ tiêu", "D17", nfd("điểm"))
                .text(" Tiêu   chí ", "C15", "thuong").text(" Tiêu   chí ", "D2", "giam")
                .text(nfd("Khen thưởng"), "C5", "hoan thanh tot nhiem vu")
                // codes trimmed and upper-cased
                .text("DON  VI", "A3", " cah.bs ").text("Chi tieu dang ky", "A2", "cah.bs")
                .text("chỉ tiêu", "A2", "tngt.vu"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.scheme()).isEqualTo(Samples.scheme());
    }

    @Test
    void datesAreDateCellsOrDayMonthYearText() throws Exception {
        SchemeReadResult result = readEdited(sample()
                // the sample writes 2024 as date cells and 2024-6T as text: swap them
                .text("Kỳ báo cáo", "C2", "15/12/2023").text("Kỳ báo cáo", "D2", " 14/12/2024")
                .text("Kỳ báo cáo", "E2", "20/12/2024")
                .date("Kỳ báo cáo", "C3", LocalDate.of(2023, 12, 15))
                .date("Kỳ báo cáo", "D3", LocalDate.of(2024, 6, 14))
                .text("Kỳ báo cáo", "E3", "20/6/2024"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.scheme().periods()).isEqualTo(Samples.scheme().periods());
    }

    @Test
    void blockListsMayHaveSpacesAndLowerCaseCodes() throws Exception {
        SchemeReadResult result = readEdited(sample()
                .text("Chỉ tiêu", "E2", "K1, K3")
                .text("Chỉ tiêu", "E6", " k1 ,K2,  K3 ")
                .text("Chỉ tiêu", "E14", " * ")
                .text("Tiêu chí", "H2", "K1 ,K3")
                .text("Tiêu chí", "H6", "K1, K2, K3"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.scheme()).isEqualTo(Samples.scheme());
        assertThat(result.scheme().indicator("TP.XR").orElseThrow().appliesTo())
                .isEqualTo(BlockScope.of(java.util.Set.of("K1", "K2", "K3")));
    }

    @Test
    void numbersWrittenAsTextAndRowsBelowAnEmptyLineStillRead() throws Exception {
        SchemeReadResult result = readEdited(sample()
                .text("Tiêu chí", "F2", "6")
                .text("Tiêu chí", "G15", "0,5")
                .text("Khen thưởng", "B5", "5")
                .insertRows("Đơn vị", 10, 2));
        assertThat(result.problems()).isEmpty();
        assertThat(result.scheme()).isEqualTo(Samples.scheme());
    }

    @Test
    void whitespaceOnlyCellsAreBlank() throws Exception {
        // a row holding only a no-break space (pasted from a web page) is an empty row, not a broken unit
        SchemeReadResult result = readEdited(sample().text("Đơn vị", "B40", "\u00A0"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.scheme().units()).hasSize(36);
        // …and a no-break space alone is a blank value where one is required
        assertProblems(sample().text("Tiêu chí", "F9", "\u00A0 "), tuple("S-VALUE-BLANK", "Tiêu chí", "F9"));
    }

    @Test
    void readingDoesNotDependOnTheSheetOrder() throws Exception {
        SchemeReadResult result = readEdited(sample().with(w -> {
            w.setSheetOrder("Khen thưởng", 0);
            w.setSheetOrder("Chung", w.getNumberOfSheets() - 1);
        }));
        assertThat(result.problems()).isEmpty();
        assertThat(result.scheme()).isEqualTo(Samples.scheme());
    }
}
