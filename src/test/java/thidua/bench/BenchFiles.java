package thidua.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import thidua.samples.SampleProvince;
import thidua.testing.TestSubmissions;
import thidua.workbook.WorkbookEdits;

/**
 * The benchmark's files (for {@code bench.sh}; not a test): a scheme of N units made from
 * the shipped {@code scheme-2024.xlsx} (its units replaced by N units spread over the
 * sample blocks as the samples are; {@code Chỉ tiêu đăng ký} emptied, since it names
 * sample units), and an inbox with one valid submission per unit (a copy of the valid,
 * on-time sample of a unit of the same block, with the unit code and name changed) plus
 * {@code invalidPercent} % more files that must be rejected (a copy with one negative
 * `Kỳ này` value).
 *
 * <p>Usage: {@code BenchFiles N INVALID_PERCENT SCHEME_OUT INBOX_DIR|-}.
 */
public final class BenchFiles {
    private BenchFiles() {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        int invalidPercent = Integer.parseInt(args[1]);
        Path schemeOut = Path.of(args[2]);
        Path inbox = args[3].equals("-") ? null : Path.of(args[3]); // "-": the scheme alone
        Files.createDirectories(schemeOut.toAbsolutePath().getParent());

        // Valid, on-time samples per block: the templates of that block's units.
        Map<String, List<SampleProvince.Submission>> templates = new LinkedHashMap<>();
        Map<String, String> kindOf = new LinkedHashMap<>();
        for (SampleProvince.Block b : SampleProvince.blocks()) {
            templates.put(b.code(), new ArrayList<>());
        }
        java.util.Set<String> seenUnits = new java.util.HashSet<>();
        for (SampleProvince.Submission s : SampleProvince.submissions()) {
            if (s.valid() && !s.late() && seenUnits.add(s.unitCode())
                    && s.fileName().endsWith(".xlsx")) {
                SampleProvince.Unit u = SampleProvince.unit(s.unitCode());
                templates.get(u.blockCode()).add(s);
                kindOf.put(u.blockCode(), u.kind());
            }
        }
        templates.values().removeIf(List::isEmpty);
        int sampleUnits = templates.values().stream().mapToInt(List::size).sum();

        // N units, spread over the blocks in the samples' proportions, in block order.
        List<String[]> units = new ArrayList<>(); // code, name, kind, block, template file
        int assigned = 0;
        List<String> blocks = new ArrayList<>(templates.keySet());
        for (int bi = 0; bi < blocks.size(); bi++) {
            String block = blocks.get(bi);
            List<SampleProvince.Submission> ts = templates.get(block);
            int share = bi == blocks.size() - 1 ? n - assigned
                    : Math.max(1, (int) Math.round((double) n * ts.size() / sampleUnits));
            share = Math.min(share, n - assigned);
            for (int k = 0; k < share; k++) {
                int i = assigned + k + 1;
                String code = String.format("BM%05d", i);
                units.add(new String[] {code, "Đơn vị đo hiệu năng " + i + " (" + block + ")",
                        kindOf.get(block), block, ts.get(k % ts.size()).fileName()});
            }
            assigned += share;
        }

        writeScheme(units, schemeOut);
        if (inbox == null) {
            System.out.printf("bench: scheme of %d units in %d blocks (%s); no inbox%n",
                    units.size(), blocks.size(), schemeOut.getFileName());
            return;
        }
        Files.createDirectories(inbox);

        Map<String, WorkbookEdits> opened = new LinkedHashMap<>();
        int invalidEvery = invalidPercent <= 0 ? 0 : Math.max(1, 100 / invalidPercent);
        int invalid = 0;
        try {
            for (int i = 0; i < units.size(); i++) {
                String[] u = units.get(i);
                WorkbookEdits e = opened.computeIfAbsent(u[4],
                        f -> WorkbookEdits.copyOf(TestSubmissions.SAMPLES.resolve("2024").resolve(f)));
                e.text("Thông tin", "B4", u[0]);
                e.text("Thông tin", "B5", u[1]);
                e.text("Thông tin", "B7", "Người lập đo hiệu năng " + i);
                save(e, inbox, u[0] + "-2024.xlsx", i);
                if (invalidEvery > 0 && i % invalidEvery == invalidEvery - 1) {
                    // The same unit's file with one negative value: rejected (and distinct bytes).
                    try (WorkbookEdits bad = WorkbookEdits.copyOf(inbox.resolve(u[0] + "-2024.xlsx"))) {
                        String a1 = firstCurrentValue(bad.workbook());
                        bad.number("Chỉ tiêu", a1, -1);
                        save(bad, inbox, u[0] + "-2024-sai.xlsx", units.size() + invalid);
                        invalid++;
                    }
                }
            }
        } finally {
            for (WorkbookEdits e : opened.values()) {
                e.close();
            }
        }
        System.out.printf("bench: scheme of %d units in %d blocks (%s); inbox: %d valid + %d invalid files%n",
                units.size(), blocks.size(), schemeOut.getFileName(), units.size(), invalid);
    }

    private static void save(WorkbookEdits e, Path dir, String name, int i) throws IOException {
        Path file = e.saveAs(dir, name);
        Files.setLastModifiedTime(file, FileTime.from(TestSubmissions.ON_TIME.plusSeconds(i).toInstant()));
    }

    /** The A1 reference of the first indicator row's `Kỳ này` cell in sheet `Chỉ tiêu`. */
    private static String firstCurrentValue(Workbook wb) {
        Sheet sheet = wb.getSheet("Chỉ tiêu");
        int codeCol = -1;
        int currentCol = -1;
        for (int r = 0; r < 30; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING) {
                    String t = c.getStringCellValue().trim();
                    if (t.equals("Mã chỉ tiêu")) {
                        codeCol = c.getColumnIndex();
                    } else if (t.equals("Kỳ này")) {
                        currentCol = c.getColumnIndex();
                    }
                }
            }
            if (codeCol >= 0 && currentCol >= 0) {
                for (int d = r + 1; d <= sheet.getLastRowNum(); d++) {
                    Row data = sheet.getRow(d);
                    Cell code = data == null ? null : data.getCell(codeCol);
                    if (code != null && !code.toString().isBlank()) {
                        return new org.apache.poi.ss.util.CellReference(d, currentCol).formatAsString(false);
                    }
                }
            }
        }
        throw new IllegalStateException("no indicator row in sheet Chỉ tiêu");
    }

    /** The shipped scheme with its `Đơn vị` rows replaced and `Chỉ tiêu đăng ký` emptied. */
    private static void writeScheme(List<String[]> units, Path out) throws IOException {
        try (InputStream in = Files.newInputStream(TestSubmissions.SCHEME);
             Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet("Đơn vị");
            Row header = sheet.getRow(0);
            int emailCol = -1;
            for (Cell c : header) {
                if (c.toString().trim().equals("Email")) {
                    emailCol = c.getColumnIndex();
                }
            }
            Row styleRow = sheet.getRow(1);
            for (int r = sheet.getLastRowNum(); r >= 1; r--) {
                Row row = sheet.getRow(r);
                if (row != null && r != 1) {
                    sheet.removeRow(row);
                }
            }
            for (int i = 0; i < units.size(); i++) {
                Row row = i == 0 ? styleRow : sheet.createRow(i + 1);
                for (int c = 0; c < 4; c++) {
                    Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
                    if (i > 0 && styleRow.getCell(c) != null) {
                        cell.setCellStyle(styleRow.getCell(c).getCellStyle());
                    }
                    cell.setCellValue(units.get(i)[c]);
                }
                if (emailCol >= 0 && row.getCell(emailCol) != null) {
                    row.removeCell(row.getCell(emailCol));
                }
            }
            Sheet targets = wb.getSheet("Chỉ tiêu đăng ký");
            if (targets != null) {
                for (int r = targets.getLastRowNum(); r >= 1; r--) {
                    Row row = targets.getRow(r);
                    if (row != null) {
                        targets.removeRow(row);
                    }
                }
            }
            try (var os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
    }
}
