package thidua.workbook;

import javax.xml.stream.XMLInputFactory;

/**
 * The one StAX parser of the parts of a workbook someone sent us: Woodstox, named (the JDK's
 * factories are the whole process's default: ThiduaApplication), 3–5 times faster than the
 * JDK's on a workbook's many small parts; no DTD, no external entity, ever.
 */
final class StaxParsers {
    static final XMLInputFactory FACTORY = new com.ctc.wstx.stax.WstxInputFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private StaxParsers() {
    }
}
