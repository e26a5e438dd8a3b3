package org.iotgateway.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.iotgateway.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints each aggregate's payload as one JSON line on stdout ({@code run --print}), once the
 * outbox has committed it (or, while its store is unusable, holds it in memory for the broker):
 * a printed line is one the gateway has taken charge of, not one a crash in the next 100 ms can
 * still take away. The stream thread only enqueues; a slow terminal or a full pipe never stalls
 * the pipeline. Lines that do not fit the queue are skipped on the console (counted, logged at
 * shutdown) — the aggregates themselves are in the outbox either way. An aggregate the outbox
 * dropped (its queue full) is still printed, once later seqs are committed.
 */
final class ConsolePrinter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsolePrinter.class);

    private static final Line STOP = new Line(Long.MAX_VALUE, "stop");
    private static final Duration COMMIT_POLL = Duration.ofMillis(200);

    private final BlockingQueue<Line> lines = new ArrayBlockingQueue<>(10_000);
    private final AtomicLong skipped = new AtomicLong();
    private final Outbox outbox;
    private final Thread thread;
    private volatile boolean closing;

    private record Line(long seq, String text) {
    }

    ConsolePrinter(PrintStream out, Outbox outbox) {
        this.outbox = outbox;
        thread = new Thread(() -> run(out), "console-printer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Any thread; never blocks. */
    void print(long seq, String line) {
        if (!lines.offer(new Line(seq, line))) {
            skipped.incrementAndGet();
        }
    }

    private void run(PrintStream out) {
        try {
            for (Line line = lines.take(); line != STOP; line = lines.take()) {
                // At close the outbox has committed all it could: print the rest as they are.
                while (!closing && !outbox.awaitCommitted(line.seq(), COMMIT_POLL)) {
                    out.flush();
                    Thread.sleep(10); // a closed outbox answers at once: no spinning until close()
                }
                out.println(line.text());
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
        closing = true;
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
