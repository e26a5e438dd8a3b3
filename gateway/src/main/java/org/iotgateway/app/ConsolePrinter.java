package org.iotgateway.app;

import java.io.PrintStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints each aggregate's payload as one JSON line on stdout ({@code run --print}). The stream
 * thread only enqueues; a slow terminal or a full pipe never stalls the pipeline. Lines that do
 * not fit the queue are skipped on the console (counted, logged at shutdown) — the aggregates
 * themselves are in the outbox either way.
 */
final class ConsolePrinter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsolePrinter.class);
    private static final String STOP = new String("stop");

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(10_000);
    private final AtomicLong skipped = new AtomicLong();
    private final Thread thread;

    ConsolePrinter(PrintStream out) {
        thread = new Thread(() -> run(out), "console-printer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Any thread; never blocks. */
    void print(String line) {
        if (!lines.offer(line)) {
            skipped.incrementAndGet();
        }
    }

    private void run(PrintStream out) {
        try {
            for (String line = lines.take(); line != STOP; line = lines.take()) {
                out.println(line);
                if (lines.isEmpty()) {
                    out.flush();
                }
            }
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            lines.put(STOP);
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (skipped.get() > 0) {
            LOG.warn("console output could not keep up: {} aggregate lines were not printed (they are in the outbox)",
                    skipped.get());
        }
    }
}
