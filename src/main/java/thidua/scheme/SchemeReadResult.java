package thidua.scheme;

import java.util.List;
import thidua.workbook.Finding;

/** A scheme that passed every check, or the problems that refuse it. */
record SchemeReadResult(Scheme scheme, List<Finding> problems) {
    public boolean ok() {
        return scheme != null;
    }
}
