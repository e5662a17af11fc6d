package thidua.command;

import org.springframework.context.ApplicationContext;

/**
 * A command run in a test's running application as the command line runs it (parsed by
 * {@link Invocation}, executed by {@link Commands}), for tests of other packages: its exit code
 * and everything it printed ({@link ConsoleCapture}).
 */
public final class TestCommands {
    private TestCommands() {
    }

    /** {@code args} as typed after {@code java -jar thidua.jar}; a usage error fails the test. */
    public static ConsoleCapture.Result run(ApplicationContext context, String... args) throws Exception {
        Commands commands = context.getBean(Commands.class);
        Invocation invocation = parse(args);
        return ConsoleCapture.run(() -> commands.execute(invocation));
    }

    /** As {@link #run}, with {@code input} on standard input (a password for `user add`). */
    public static ConsoleCapture.Result runWithInput(ApplicationContext context, String input, String... args)
            throws Exception {
        Commands commands = context.getBean(Commands.class);
        Invocation invocation = parse(args);
        return ConsoleInput.run(input, () -> commands.execute(invocation));
    }

    private static Invocation parse(String... args) {
        try {
            return Invocation.parse(args);
        } catch (Invocation.UsageException e) {
            throw new AssertionError("not a command line: " + String.join(" ", args) + ": " + e.getMessage(), e);
        }
    }
}
