package thidua.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs a command while capturing what it prints on System.out (the console log included:
 * Logback's console appender writes to the current System.out), still showing it in the test log.
 *
 * <p>Test classes of different Spring contexts run at the same time (pom.xml), so the capture is
 * per thread: System.out is replaced once by a stream that copies each write to the capture of the
 * thread writing it (and of threads started during the capture, which inherit it), and always to
 * the original System.out. A command's own lines are captured, another test's never are.
 */
public final class ConsoleCapture {
    private static final InheritableThreadLocal<ByteArrayOutputStream> CAPTURE = new InheritableThreadLocal<>();
    private static PrintStream router;

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
        install();
        ByteArrayOutputStream outer = CAPTURE.get();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CAPTURE.set(captured);
        try {
            int exit = command.run();
            synchronized (captured) {
                return new Result(exit, captured.toString(StandardCharsets.UTF_8));
            }
        } finally {
            CAPTURE.set(outer);
        }
    }

    /** What {@code action} printed on System.out, from its thread (a test's own assertion on a log line). */
    public static String output(Command action) throws Exception {
        return run(action).output();
    }

    private static synchronized void install() {
        if (System.out != router) {
            router = new PrintStream(new Router(System.out), true, StandardCharsets.UTF_8);
            System.setOut(router);
        }
    }

    /** Each write to the writing thread's capture, if it has one, and to the original stream. */
    private static final class Router extends OutputStream {
        private final OutputStream original;

        Router(OutputStream original) {
            this.original = original;
        }

        @Override
        public void write(int x) throws IOException {
            ByteArrayOutputStream capture = CAPTURE.get();
            if (capture != null) {
                synchronized (capture) {
                    capture.write(x);
                }
            }
            original.write(x);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            ByteArrayOutputStream capture = CAPTURE.get();
            if (capture != null) {
                synchronized (capture) {
                    capture.write(bytes, off, len);
                }
            }
            original.write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }
    }
}
