package thidua.report;

/** How the outputs of a consolidation are named: {@code prefix-P.extension}, P the period's code. */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * The output file name {@code prefix-P.extension}; the period code comes from the
     * scheme workbook, so characters no file system allows (and spaces) become {@code _}.
     */
    static String name(String prefix, String periodCode, String extension) {
        return prefix + "-" + periodCode.replaceAll("[\\\\/:*?\"<>|\\s]", "_") + "." + extension;
    }
}
