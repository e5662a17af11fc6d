package thidua.command;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard input for a command run in a test (a password for {@code user add}), per thread like
 * {@link ConsoleCapture}: System.in is replaced once by a stream that reads the input given to the
 * reading thread, or the original input when it has none, so that two test classes running at the
 * same time never read each other's.
 */
public final class ConsoleInput {
    private static final InheritableThreadLocal<InputStream> INPUT = new InheritableThreadLocal<>();
    private static InputStream router;

    private ConsoleInput() {
    }

    /** Runs {@code command} with {@code text} on its standard input and returns its exit code and output. */
    public static ConsoleCapture.Result run(String text, ConsoleCapture.Command command) throws Exception {
        install();
        InputStream outer = INPUT.get();
        INPUT.set(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return ConsoleCapture.run(command);
        } finally {
            INPUT.set(outer);
        }
    }

    private static synchronized void install() {
        if (System.in != router) {
            router = new Router(System.in);
            System.setIn(router);
        }
    }

    private static final class Router extends InputStream {
        private final InputStream original;

        Router(InputStream original) {
            this.original = original;
        }

        private InputStream current() {
            InputStream in = INPUT.get();
            return in != null ? in : original;
        }

        @Override
        public int read() throws IOException {
            return current().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return current().read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return current().available();
        }
    }
}
