package thidua.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import thidua.ThiduaApplication;

/**
 * What thidua's main method sets up for the JVM, set up once for the test JVM too (registered in
 * META-INF/services): the in-process tests never go through main.
 */
public class TestJvm implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        ThiduaApplication.useJdkXmlFactories();
    }
}
