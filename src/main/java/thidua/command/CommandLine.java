package thidua.command;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import thidua.ThiduaApplication;

/** Entry point of every command: parse, start the application on the chosen data dir, run, exit code. */
public final class CommandLine {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_USAGE = 2;

    private CommandLine() {
    }

    public static int run(String[] args) {
        Invocation invocation;
        try {
            invocation = Invocation.parse(args);
        } catch (Invocation.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(Invocation.USAGE);
            return args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")) ? OK : BAD_USAGE;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ThiduaApplication.class)
                .web(WebApplicationType.NONE)
                .run("--thidua.data-dir=" + invocation.dataDir())) {
            return context.getBean(Commands.class).execute(invocation);
        }
    }
}
