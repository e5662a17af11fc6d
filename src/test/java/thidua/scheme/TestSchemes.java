package thidua.scheme;

import org.apache.poi.ss.usermodel.Workbook;

/** A scheme workbook read by the production reader ({@link SchemeReader}), for tests of other packages. */
public final class TestSchemes {
    private TestSchemes() {
    }

    /** The scheme {@code workbook} defines; fails the test when the reader refuses it. */
    public static Scheme read(Workbook workbook) {
        SchemeReadResult result = SchemeReader.read(workbook);
        if (!result.ok()) {
            throw new AssertionError("scheme refused: " + result.problems());
        }
        return result.scheme();
    }
}
