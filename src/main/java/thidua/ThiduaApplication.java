package thidua;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import thidua.command.CommandLine;

/** thidua: emulation-movement bookkeeping for a provincial police headquarters. */
@SpringBootApplication
public class ThiduaApplication {

    /**
     * The JDK's own XML factories, named: without a name each factory POI and XMLBeans create for
     * every workbook is looked up through the whole class path (no jar on it provides another).
     */
    private static final Map<String, String> XML_FACTORIES = Map.of(
            "javax.xml.parsers.DocumentBuilderFactory", "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl",
            "javax.xml.parsers.SAXParserFactory", "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl",
            "javax.xml.transform.TransformerFactory", "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl",
            "javax.xml.stream.XMLInputFactory", "com.sun.xml.internal.stream.XMLInputFactoryImpl",
            "javax.xml.stream.XMLOutputFactory", "com.sun.xml.internal.stream.XMLOutputFactoryImpl",
            "javax.xml.stream.XMLEventFactory", "com.sun.xml.internal.stream.events.XMLEventFactoryImpl");

    public static void main(String[] args) {
        useJdkXmlFactories();
        // file names and the console in UTF-8 whatever the locale; the class-data archive when built
        var relaunched = Utf8Relaunch.ifNeeded(args);
        System.exit(relaunched.isPresent() ? relaunched.getAsInt() : run(args));
    }

    /** Names the JDK's XML factories ({@link #XML_FACTORIES}) unless the command line named others. */
    public static void useJdkXmlFactories() {
        XML_FACTORIES.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    /** Runs one command line on this application and returns its exit code (OPERATIONS.md). */
    public static int run(String[] args) {
        return CommandLine.run(ThiduaApplication.class, args);
    }
}
