package thidua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import thidua.scoring.PeriodResults;

/** Consolidating a period again replaces its outputs whole, and leaves nothing else behind. */
class RegenerationTest {

    @TempDir
    Path dir;

    @Test
    void theSecondWriteOfEveryOutputWinsAndNoTemporaryFileIsLeft() throws IOException {
        PeriodResults results = ReportFixture.results();
        OutputInfo later = OutputInfo.of(results, 8, Instant.parse("2025-06-21T02:00:00Z"));
        for (OutputInfo info : List.of(ReportFixture.INFO, later)) {
            new ScoringTableWriter().write(results, info, dir);
            new SummaryWriter().write(results, info, dir);
            new PdfReportWriter(ReportFixture.NAMES).write(results, info, dir);
        }
        assertThat(names(dir)).containsExactly("bang-diem-2025-6T.xlsx", "bao-cao-2025-6T.pdf", "tong-hop-2025-6T.xlsx");
        for (String name : List.of("bang-diem-2025-6T.xlsx", "tong-hop-2025-6T.xlsx")) {
            try (Workbook wb = WorkbookFactory.create(dir.resolve(name).toFile(), null, true)) {
                wb.forEach(sheet -> assertThat(sheet.getRow(2).getCell(0).getStringCellValue())
                        .isEqualTo("Lập lúc: 21/06/2025 09:00   Bộ tiêu chí: năm 2025, phiên bản 8"));
            }
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
