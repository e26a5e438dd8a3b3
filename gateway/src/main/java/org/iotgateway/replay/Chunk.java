package org.iotgateway.replay;

/**
 * One reusable slot of {@link ChunkPipeline}: a run of whole input lines and what parsing made of
 * them, as columns (channel id, timestamp, value) plus the per-chunk counts. Line numbers in
 * {@link #rejects} count from 1 at the chunk's first line; the consumer adds the lines before it.
 *
 * <p>Threads: a parsing thread owns a chunk from {@link #claim} to {@link #publish}, the consuming
 * thread from {@link #awaitReady} to {@link #release}. Those four calls hand it over (they
 * synchronise on the chunk, so everything written before a hand-over is visible after it) and may
 * block; every other method is called by the current owner only.
 */
final class Chunk {
    enum Kind {
        /** {@link #bytes} holds whole lines. */
        LINES,
        /** One line longer than the buffer was skipped. */
        OVERLONG,
        /** The input has ended; nothing follows. */
        END
    }

    final byte[] bytes;
    int length;
    Kind kind;
    long seq = -1;
    final int[] channel;
    final long[] ts;
    final double[] value;
    int size;
    /** Lines in this chunk, blank ones included (the header too, in chunk 0). */
    long lines;
    final RowRejects rejects = new RowRejects();
    /** Why parsing or reading this chunk failed; the consumer rethrows it. */
    Throwable failure;
    private State state = State.FREE;

    private enum State { FREE, FILLING, READY }

    /** @param capacity the most bytes of lines the chunk holds */
    Chunk(int capacity) {
        bytes = new byte[capacity + 1 + FastRowParser.PAD]; // + the '\n' a last line may lack
        int rows = capacity / RowParser.MIN_ROW_BYTES + 1;
        channel = new int[rows];
        ts = new long[rows];
        value = new double[rows];
    }

    void add(int channelId, long timestamp, double v) {
        int i = size++;
        channel[i] = channelId;
        ts[i] = timestamp;
        value[i] = v;
    }

    /**
     * Waits until the consumer has released this chunk (or {@code stop} is set), then resets it for
     * chunk number {@code next}. Parsing thread.
     *
     * @return false when stopped
     */
    synchronized boolean claim(long next, Stop stop) throws InterruptedException {
        while (state != State.FREE && !stop.stopped()) {
            wait();
        }
        if (stop.stopped()) {
            return false;
        }
        state = State.FILLING;
        seq = next;
        size = 0;
        lines = 0;
        length = 0;
        kind = Kind.LINES;
        failure = null;
        rejects.clear();
        return true;
    }

    /** Hands the filled chunk to the consumer. Parsing thread. */
    synchronized void publish() {
        state = State.READY;
        notifyAll();
    }

    /**
     * Waits until chunk number {@code expected} has been published here. Consuming thread.
     *
     * @return false when stopped
     */
    synchronized boolean awaitReady(long expected, Stop stop) throws InterruptedException {
        while (!(state == State.READY && seq == expected) && !stop.stopped()) {
            wait();
        }
        return state == State.READY && seq == expected;
    }

    /** Gives the chunk back for refilling. Consuming thread. */
    synchronized void release() {
        state = State.FREE;
        notifyAll();
    }

    /** Wakes any thread waiting on this chunk so it can see {@code stop}. Any thread. */
    synchronized void wake() {
        notifyAll();
    }

    /** Whether the pipeline has been stopped; read inside the chunk's monitor. */
    interface Stop {
        boolean stopped();
    }
}
