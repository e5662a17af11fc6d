package thidua.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs a command while capturing what it prints on System.out (the console log
 * included: Logback's console appender writes to the current System.out), still
 * showing it in the test log.
 */
public final class ConsoleCapture {
    private ConsoleCapture() {
    }

    /** The command's exit code and everything it printed. */
    public record Result(int exit, String output) {
    }

    @FunctionalInterface
    public interface Command {
        int run() throws Exception;
    }

    public static Result run(Command command) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(captured, original), true, StandardCharsets.UTF_8));
        try {
            int exit = command.run();
            return new Result(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    /** Writes to the capture and still shows the output in the test log. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
