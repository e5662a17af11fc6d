package thidua.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import thidua.scheme.Block;
import thidua.scoring.PeriodResults;
import thidua.scoring.Standing;

/**
 * Writes the scoring tables of a period, {@code bang-diem-P.xlsx} (FORMATS.md §3):
 * the ranking of every unit of the scheme, then one detail sheet per block.
 */
public final class ScoringTableWriter {

    public static final String FILE_PREFIX = "bang-diem";
    static final String RANKING_SHEET = "Xếp hạng";
    static final List<String> RANKING_HEADER = List.of(
            "Khối", "Hạng", "Mã đơn vị", "Tên đơn vị", "Tổng điểm", "Xếp loại", "Đề nghị khen thưởng");

    /** Writes {@code outDir/bang-diem-P.xlsx} atomically, creating the folder if missing, and returns its path. */
    public Path write(PeriodResults results, Path outDir) throws IOException {
        String title = "Bảng điểm thi đua – " + results.period().name() + " (" + results.period().code() + ")";
        try (OutputWorkbook out = new OutputWorkbook(title)) {
            ranking(out, results);
            BlockSheet blockSheet = new BlockSheet(out, results);
            for (Block block : results.scheme().blocks().stream().sorted(Comparator.comparing(Block::code)).toList()) {
                blockSheet.write(block);
            }
            return out.save(outDir.resolve(OutputWorkbook.fileName(FILE_PREFIX, results.period().code())));
        }
    }

    /** Standings are already ordered by block code, then rank, unranked units last. */
    private static void ranking(OutputWorkbook out, PeriodResults results) {
        Sheet sheet = out.sheet(RANKING_SHEET);
        out.headerRow(sheet, RANKING_HEADER);
        int r = 1;
        for (Standing s : results.standings()) {
            Row row = out.row(sheet, r++);
            out.text(row, 0, s.unit().blockCode());
            out.integer(row, 1, s.rank());
            out.text(row, 2, s.unit().code());
            out.text(row, 3, s.unit().name());
            out.decimal(row, 4, s.ranked() ? s.card().total() : null);
            out.text(row, 5, s.grade());
            out.text(row, 6, s.award());
        }
        out.layOut(sheet, 1, 0);
    }
}
