package thidua.submission;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.annotation.PreDestroy;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import thidua.job.Parallel;
import thidua.settings.ThiduaProperties;
import thidua.workbook.Finding;
import thidua.workbook.Grid;
import thidua.workbook.UnreadableWorkbookException;
import thidua.workbook.WorkbookFiles;
import thidua.workbook.WorkbookLimits;

/**
 * Opens a submitted workbook within a memory and a time budget, so that one costly file
 * is rejected on its own and never takes the process with it (docs/isolation.md).
 *
 * <p>Memory: POI loads a workbook whole, at about {@link #HEAP_PER_BYTE} bytes of heap per
 * byte of inflated part. The parts' inflated sizes are counted beforehand (as the zip's
 * central directory declares them, which the reading never exceeds; an entry without a
 * declared size is inflated and counted), and the cost is reserved from a
 * share of the heap ({@code thidua.parse-heap-percent}) that all parses in progress split:
 * a file that could never fit is rejected {@code E-FILE-TOO-COSTLY} before any allocation,
 * others wait for room. An OutOfMemoryError that still happens in the parse thread rejects
 * the file the same way (with {@code -XX:+ExitOnOutOfMemoryError} it ends the process).
 *
 * <p>Time: the parse runs in a worker thread; after {@code thidua.parse-timeout} the file is
 * rejected {@code E-FILE-TIMEOUT}. POI cannot be interrupted, so the worker is left to finish
 * on its own (its workbook is then closed) and keeps its memory reservation until it does.
 */
@Component
class ParseBudget {
    /** Measured about 19 (dense numeric cells, POI 5.5); rounded up for sparser XML and POI's own overhead. */
    static final long HEAP_PER_BYTE = 32;
    private static final Logger log = LoggerFactory.getLogger("thidua.import");

    private final long heapBudget;
    private final Duration timeout;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "thidua-parse-" + threads.incrementAndGet());
        t.setDaemon(true); // a parse left running never holds the JVM up at exit
        return t;
    });
    private long reserved;
    private final AtomicLong tooCostly = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicInteger overrunning = new AtomicInteger();

    @Autowired
    ParseBudget(ThiduaProperties settings) {
        this(Runtime.getRuntime().maxMemory() / 100 * settings.parseHeapPercent(), settings.parseTimeout());
    }

    /** For tests: a budget of its own. */
    ParseBudget(long heapBudget, Duration timeout) {
        this.heapBudget = heapBudget;
        this.timeout = timeout;
    }

    /** A workbook opened within the budget; closing it gives its memory back. */
    interface Opened extends AutoCloseable {
        Grid workbook();

        @Override
        void close() throws IOException;
    }

    Opened open(Path file, WorkbookLimits limits) throws UnreadableWorkbookException, IOException {
        long cost = cost(file, limits);
        if (cost > heapBudget) {
            tooCostly.incrementAndGet();
            throw tooCostly();
        }
        reserve(cost);
        Parse parse = new Parse(file, limits, cost);
        try {
            workers.execute(parse);
        } catch (RuntimeException e) {
            release(cost);
            throw e;
        }
        try {
            Grid workbook = parse.result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Opened() {
                @Override
                public Grid workbook() {
                    return workbook;
                }

                @Override
                public void close() throws IOException {
                    try {
                        workbook.close();
                    } finally {
                        release(cost);
                    }
                }
            };
        } catch (TimeoutException e) {
            parse.abandon();
            timedOut.incrementAndGet();
            log.warn("{}: parsing took over {}, rejected (E-FILE-TIMEOUT); {} parse(s) still running",
                    file.getFileName(), timeout, overrunning.get());
            throw new UnreadableWorkbookException(Finding.error("E-FILE-TIMEOUT", "", "",
                    "Đọc tệp mất hơn " + duration(timeout) + " (giới hạn cho mỗi tệp): tệp quá lớn hoặc "
                            + "bất thường so với một báo cáo, cần xóa dữ liệu thừa, lưu lại bằng Excel rồi gửi lại."));
        } catch (InterruptedException e) {
            parse.abandon();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while parsing " + file.getFileName());
        } catch (ExecutionException e) {
            release(cost);
            return rethrow(e.getCause());
        }
    }

    /**
     * One parse in a worker thread. When its caller gives up on it, whichever side comes last (the
     * caller that abandons it or the worker that ends) closes its workbook and gives its memory back,
     * exactly once: the worker completes its result, then looks at the flag; the caller sets the flag,
     * then looks at the result, so at least one of them sees the other. (A FutureTask's cancel cannot
     * say this: it succeeds while the task still runs, and then nobody cleaned up.)
     */
    private final class Parse implements Runnable {
        final CompletableFuture<Grid> result = new CompletableFuture<>();
        private final AtomicBoolean abandoned = new AtomicBoolean();
        private final AtomicBoolean cleaned = new AtomicBoolean();
        private final Path file;
        private final WorkbookLimits limits;
        private final long cost;

        Parse(Path file, WorkbookLimits limits, long cost) {
            this.file = file;
            this.limits = limits;
            this.cost = cost;
        }

        @Override
        public void run() {
            try {
                result.complete(abandoned.get() ? null : WorkbookFiles.read(file, limits)); // not started: not read
            } catch (Throwable t) { // an OutOfMemoryError included: the caller rejects the file for it
                result.completeExceptionally(t);
            }
            if (abandoned.get()) {
                cleanUp();
            }
        }

        void abandon() {
            overrunning.incrementAndGet();
            abandoned.set(true);
            if (result.isDone()) {
                cleanUp();
            }
        }

        private void cleanUp() {
            if (cleaned.compareAndSet(false, true)) {
                overrunning.decrementAndGet();
                closeQuietly(result.isCompletedExceptionally() ? null : result.getNow(null));
                release(cost);
            }
        }
    }

    private Opened rethrow(Throwable cause) throws UnreadableWorkbookException, IOException {
        if (cause instanceof OutOfMemoryError) {
            tooCostly.incrementAndGet();
            log.warn("parsing ran out of memory, rejected (E-FILE-TOO-COSTLY)");
            throw tooCostly();
        }
        if (cause instanceof UnreadableWorkbookException e) {
            throw e;
        }
        Parallel.rethrow(cause);
        throw new IllegalStateException(cause); // not reached: rethrow always throws
    }

    private UnreadableWorkbookException tooCostly() {
        return new UnreadableWorkbookException(Finding.error("E-FILE-TOO-COSTLY", "", "",
                "Nội dung tệp quá lớn để đọc an toàn (cần hơn " + mib(heapBudget) + " MB bộ nhớ): một báo cáo "
                        + "chỉ gồm các dòng chỉ tiêu, cần xóa dữ liệu, ảnh và sheet thừa, lưu lại bằng Excel rồi gửi lại."));
    }

    /**
     * Heap the parse will need, counted no further than the budget: an .xlsx by its parts
     * once inflated, a legacy .xls (loaded whole) by its size; anything else is not read.
     */
    long cost(Path file, WorkbookLimits limits) throws IOException {
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException | RuntimeException e) {
            return 0; // unreadable, or too short for any magic (0 bytes): opening it says why
        }
        if (magic == FileMagic.OLE2) {
            return Files.size(file) * HEAP_PER_BYTE;
        }
        if (magic != FileMagic.OOXML) {
            return 0;
        }
        long inflated = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.getSize() >= 0) {
                    if (limits.refusesPart(entry.getSize(), entry.getCompressedSize())) {
                        return 0; // refused by the reading before it inflates anything of that part
                    }
                    // The size the central directory declares: workbook.CheckedZip never inflates an
                    // entry past it (a file that says less than it holds is refused), so it bounds the cost.
                    inflated += entry.getSize();
                    if (inflated * HEAP_PER_BYTE > heapBudget) {
                        return inflated * HEAP_PER_BYTE;
                    }
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        inflated += n;
                        if (inflated * HEAP_PER_BYTE > heapBudget) {
                            return inflated * HEAP_PER_BYTE;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a corrupt zip or one past POI's zip-bomb limits: opening it says which
        }
        return inflated * HEAP_PER_BYTE;
    }

    private synchronized void reserve(long bytes) throws InterruptedIOException {
        try {
            while (reserved > 0 && reserved + bytes > heapBudget) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for memory to parse");
        }
        reserved += bytes;
    }

    private synchronized void release(long bytes) {
        reserved -= bytes;
        notifyAll();
    }

    private static void closeQuietly(Grid workbook) {
        if (workbook != null) {
            workbook.close(); // read-only: nothing to lose
        }
    }

    private static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " giây" : d.toMillis() + " mili giây";
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** Files rejected for memory since start. */
    long tooCostlyCount() {
        return tooCostly.get();
    }

    /** Files rejected for time since start. */
    long timedOutCount() {
        return timedOut.get();
    }

    /** Parses given up on that still run. */
    int overrunning() {
        return overrunning.get();
    }

    /** Heap held by the parses in progress and the workbooks not yet closed. */
    synchronized long reserved() {
        return reserved;
    }

    long heapBudget() {
        return heapBudget;
    }

    Duration timeout() {
        return timeout;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
