package thidua;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import thidua.command.CommandLine;

/** thidua: emulation-movement bookkeeping for a provincial police headquarters. */
@SpringBootApplication
public class ThiduaApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line on this application and returns its exit code (OPERATIONS.md). */
    public static int run(String[] args) {
        return CommandLine.run(ThiduaApplication.class, args);
    }
}
