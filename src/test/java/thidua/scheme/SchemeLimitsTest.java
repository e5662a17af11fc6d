package thidua.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.workbook.Finding;
import thidua.workbook.Samples;

/**
 * A scheme has limits of its own, far above a national scheme, and a scheme past them is
 * refused in a scheme's words (the file, the sheet, the limit), never a submission's.
 */
class SchemeLimitsTest {

    @TempDir
    Path dir;

    /**
     * The sample scheme with units added to {@value SchemeReader#UNITS} until it has
     * {@code units}, each a copy of a sample unit's kind and block under a new code; and,
     * when {@code extraRows} is above zero, a sheet "Ghi chú" of that many rows of text.
     */
    private Path scheme(int units, int extraRows) throws IOException {
        Path file = dir.resolve("bo-tieu-chi-" + units + "-" + extraRows + ".xlsx");
        try (InputStream in = Files.newInputStream(Samples.SCHEME); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(SchemeReader.UNITS);
            int samples = sheet.getLastRowNum(); // header in row 0, one sample unit a row
            for (int i = samples; i < units; i++) {
                Row like = sheet.getRow(1 + i % samples);
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(String.format("QG%05d", i));
                row.createCell(1).setCellValue("Đơn vị toàn quốc " + i);
                row.createCell(2).setCellValue(like.getCell(2).getStringCellValue());
                row.createCell(3).setCellValue(like.getCell(3).getStringCellValue());
            }
            if (extraRows > 0) {
                Sheet notes = wb.createSheet("Ghi chú");
                for (int r = 0; r < extraRows; r++) {
                    notes.createRow(r).createCell(0).setCellValue("ghi chú " + r);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    @Test
    void aNationalSchemeOfFiveThousandUnitsLoads() throws IOException {
        SchemeReadResult result = SchemeLoader.read(scheme(5_000, 0), SchemeLimits.DEFAULT);

        assertThat(result.problems()).isEmpty();
        assertThat(result.scheme().units()).hasSize(5_000);
    }

    @Test
    void oneUnitPastTheLimitIsRefusedInAScheme_sWords() throws IOException {
        SchemeLimits limits = new SchemeLimits(5_000, 2_000, 2_000, 100_000);
        Path file = scheme(5_001, 0);

        SchemeReadResult result = SchemeLoader.read(file, limits);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("S-SCHEME-TOO-MANY-UNITS");
            assertThat(p.sheet()).isEqualTo("Đơn vị");
            assertThat(p.message()).contains("Bộ tiêu chí \"" + file.getFileName() + "\"", "sheet \"Đơn vị\"",
                    "5.001 đơn vị", "vượt giới hạn 5.000 đơn vị của một bộ tiêu chí");
            assertNotASubmission_sWording(p);
        });
        assertThat(SchemeLoader.read(scheme(5_000, 0), limits).ok()).isTrue();
    }

    @Test
    void aSheetPastTheRowLimitIsRefusedWithItsName() throws IOException {
        SchemeLimits limits = new SchemeLimits(50_000, 2_000, 2_000, 6_000);
        Path file = scheme(100, 6_001);

        SchemeReadResult result = SchemeLoader.read(file, limits);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("S-SCHEME-TOO-MANY-ROWS");
            assertThat(p.message()).contains("Bộ tiêu chí \"" + file.getFileName() + "\"", "sheet \"Ghi chú\"",
                    "6.001 dòng", "vượt giới hạn 6.000 dòng một sheet của bộ tiêu chí");
            assertNotASubmission_sWording(p);
        });
    }

    /** Far past the row limit the pre-check refuses before loading (a bomb's defence), still about a scheme. */
    @Test
    void aSheetFarPastTheRowLimitIsRefusedBeforeLoadingInAScheme_sWords() throws IOException {
        SchemeLimits limits = new SchemeLimits(50_000, 2_000, 2_000, 3_000);
        Path file = scheme(100, 6_001);

        SchemeReadResult result = SchemeLoader.read(file, limits);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("E-FILE-TOO-MANY-ROWS");
            assertThat(p.message()).contains("Bộ tiêu chí \"" + file.getFileName() + "\"", "hơn 6.000 dòng",
                    "giới hạn 3.000 dòng một sheet của bộ tiêu chí");
            assertNotASubmission_sWording(p);
        });
    }

    private static void assertNotASubmission_sWording(Finding p) {
        assertThat(p.message()).doesNotContain("báo cáo", "gửi lại");
    }
}
