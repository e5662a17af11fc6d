package thidua.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One function over a list on every core, the results in the list's order. The threads are
 * the call's own (started for it, ended with it): what they log belongs to the caller's
 * thread, as a console capture sees it, and nothing outlives the call.
 */
public final class Parallel {
    private Parallel() {
    }

    /** A function that may fail as a file read does. */
    @FunctionalInterface
    public interface Work<T, R> {
        R apply(T item) throws IOException;
    }

    /** {@code work} of each item; the first failure (in the list's order) is thrown once all have ended. */
    public static <T, R> List<R> map(List<? extends T> items, Work<T, R> work) throws IOException {
        int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            List<R> results = new ArrayList<>();
            for (T item : items) {
                results.add(work.apply(item));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, Thread.currentThread().getName() + "-examine");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>();
            Throwable failure = null;
            for (Future<R> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    results.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while examining files");
                }
            }
            if (failure != null) {
                rethrow(failure);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Throws what another thread failed with, as it was thrown there: an IOException, an
     * unchecked exception or an Error as itself, anything else wrapped.
     */
    public static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }
}
