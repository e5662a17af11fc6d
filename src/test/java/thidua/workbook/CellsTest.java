package thidua.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CellsTest {

    private static CellValue text(String s) {
        return new CellValue(CellValue.Kind.TEXT, null, s, null, "A1");
    }

    private static CellValue number(String n) {
        return new CellValue(CellValue.Kind.NUMBER, new BigDecimal(n), "", null, "A1");
    }

    @Test
    void integersAreDigitsOptionallyGroupedInThrees() {
        assertThat(Cells.integer(text("45"))).contains(new BigDecimal("45"));
        assertThat(Cells.integer(text("1.234"))).contains(new BigDecimal("1234"));
        assertThat(Cells.integer(text("1,234,567"))).contains(new BigDecimal("1234567"));
        assertThat(Cells.integer(text("12 345"))).contains(new BigDecimal("12345"));
        assertThat(Cells.integer(text("12\u00A0345"))).contains(new BigDecimal("12345"));
        assertThat(Cells.integer(number("45"))).contains(new BigDecimal("45"));
        assertThat(Cells.integer(text("1.23"))).isEmpty();
        assertThat(Cells.integer(text("1.2345"))).isEmpty();
        assertThat(Cells.integer(text("1234.567"))).isEmpty();
        assertThat(Cells.integer(number("12.5"))).isEmpty();
        assertThat(Cells.integer(text("abc"))).isEmpty();
        assertThat(Cells.integer(text(""))).isEmpty();
    }

    @Test
    void decimalsTakeCommaOrPoint() {
        assertThat(Cells.decimal(text("8,25"))).contains(new BigDecimal("8.25"));
        assertThat(Cells.decimal(text("8.25"))).contains(new BigDecimal("8.25"));
        assertThat(Cells.decimal(text(" 9 "))).contains(new BigDecimal("9"));
        assertThat(Cells.decimal(number("7.5"))).contains(new BigDecimal("7.5"));
        assertThat(Cells.decimal(text("8,2,5"))).isEmpty();
        assertThat(Cells.decimal(text("tám"))).isEmpty();
    }

    @Test
    void datesAreDateCellsOrStrictDayMonthYear() {
        assertThat(Cells.date(new CellValue(CellValue.Kind.DATE, null, "", LocalDate.of(2024, 12, 20), "A1")))
                .contains(LocalDate.of(2024, 12, 20));
        assertThat(Cells.date(text("20/12/2024"))).contains(LocalDate.of(2024, 12, 20));
        assertThat(Cells.date(text("1/2/2024"))).contains(LocalDate.of(2024, 2, 1));
        assertThat(Cells.date(text("29/02/2024"))).contains(LocalDate.of(2024, 2, 29));
        assertThat(Cells.date(text("29/02/2023"))).isEmpty();
        assertThat(Cells.date(text("31/06/2024"))).isEmpty();
        assertThat(Cells.date(text("2024-12-20"))).isEmpty();
        assertThat(Cells.date(number("45646"))).isEmpty();
    }

    @Test
    void whiteSpaceOnlyTextIsBlank() {
        assertThat(text("  ").isBlank()).isTrue();
        assertThat(text("\u00A0").isBlank()).isTrue();
        assertThat(text(" 0 ").isBlank()).isFalse();
        assertThat(new CellValue(CellValue.Kind.BLANK, null, "", null, "A1").isBlank()).isTrue();
    }
}
