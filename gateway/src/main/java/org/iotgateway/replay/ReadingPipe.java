package org.iotgateway.replay;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands parsed readings from the parsing thread to one engine thread, in order, in a few reusable
 * batches (no allocation per reading), so parsing and windowing overlap on two cores. The engine
 * sees exactly the sequence it would see single-threaded, so the output is identical.
 *
 * <p>{@link #reading} and {@link #finish} are called by the parsing thread; the engine thread is
 * started here. A failure on the engine thread (a failed write) stops the parser at its next batch
 * and is rethrown by {@link #finish}.
 */
final class ReadingPipe implements ReadingTarget {
    static final int BATCH = 16_384;
    private static final int BATCHES = 4;

    private static final class Batch {
        final int[] channel = new int[BATCH];
        final long[] ts = new long[BATCH];
        final double[] value = new double[BATCH];
        int size;
    }

    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final Batch end = new Batch();
    private final Thread engineThread;
    private volatile Throwable failure;
    private Batch current;

    ReadingPipe(ReadingTarget engineSide) {
        for (int i = 0; i < BATCHES - 1; i++) {
            free.add(new Batch());
        }
        current = new Batch();
        engineThread = new Thread(() -> drain(engineSide), "replay-engine");
        engineThread.setDaemon(true); // never keeps the JVM alive after a failed replay
        engineThread.start();
    }

    @Override
    public void reading(int channel, long ts, double value) {
        Batch b = current;
        int i = b.size;
        b.channel[i] = channel;
        b.ts[i] = ts;
        b.value[i] = value;
        if ((b.size = i + 1) == BATCH) {
            hand(b);
            current = take(free);
        }
    }

    /** Hands over the rest, waits for the engine thread, and rethrows what stopped it. */
    void finish() {
        if (current.size > 0) {
            hand(current);
        }
        hand(end);
        try {
            engineThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the replay engine", e);
        }
        rethrow();
    }

    private void drain(ReadingTarget target) {
        try {
            while (true) {
                Batch b = full.take();
                if (b == end) {
                    return;
                }
                for (int i = 0; i < b.size; i++) {
                    target.reading(b.channel[i], b.ts[i], b.value[i]);
                }
                b.size = 0;
                free.put(b);
            }
        } catch (Throwable t) {
            failure = t;
            full.clear();
            free.clear();
            free.add(new Batch()); // unblock a parser waiting for a free batch; it stops at the next hand-over
        }
    }

    private void hand(Batch b) {
        rethrow();
        try {
            full.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing readings to the replay engine", e);
        }
    }

    private Batch take(BlockingQueue<Batch> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the replay engine", e);
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
