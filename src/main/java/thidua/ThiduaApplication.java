package thidua;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import thidua.command.CommandLine;

/** thidua: emulation-movement bookkeeping for a provincial police headquarters. */
@SpringBootApplication
public class ThiduaApplication {

    public static void main(String[] args) {
        System.exit(CommandLine.run(args));
    }
}
