package thidua;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import thidua.command.CommandLine;

/** thidua: emulation-movement bookkeeping for a provincial police headquarters. */
@SpringBootApplication
public class ThiduaApplication {

    public static void main(String[] args) {
        var relaunched = Utf8Relaunch.ifNeeded(); // file names and the console in UTF-8 whatever the locale
        System.exit(relaunched.isPresent() ? relaunched.getAsInt() : run(args));
    }

    /** Runs one command line on this application and returns its exit code (OPERATIONS.md). */
    public static int run(String[] args) {
        return CommandLine.run(ThiduaApplication.class, args);
    }
}
