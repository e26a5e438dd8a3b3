package org.iotgateway.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the input on several threads and hands the results to one consumer in input order.
 *
 * <p>Parsing threads take turns at the reader, each taking the next chunk of whole lines (chunk
 * {@code n} goes into slot {@code n % slots}, once the consumer has released what it held), and
 * parse it outside the turn, at the same time as the others. The calling thread consumes chunk 0, 1,
 * 2... as each is published, so it sees exactly the sequence a single thread would have produced;
 * the slots bound how far parsing runs ahead, and the memory. A reading or parsing failure travels
 * in its chunk and is rethrown by {@link #run} when the consumer gets there; a failure of the
 * consumer stops the parsing threads.
 */
final class ChunkPipeline {
    /** Receives parsed chunks on the thread that called {@link #run}, in input order. */
    interface Consumer {
        void accept(Chunk c);
    }

    private final CsvChunkReader reader;
    private final RowParser parser;
    private final Chunk[] slots;
    private final int threads;
    private long nextToRead; // guarded by reader
    private boolean ended;   // guarded by reader
    private volatile boolean stopped;
    private final Chunk.Stop stop = () -> stopped;

    /**
     * @param threads parsing threads, at least 1
     * @param chunkSize the most bytes of lines per chunk (the reader's capacity)
     */
    ChunkPipeline(CsvChunkReader reader, RowParser parser, int threads, int chunkSize) {
        this.reader = reader;
        this.parser = parser;
        this.threads = threads;
        this.slots = new Chunk[threads * 2 + 1]; // each thread one ahead while the consumer works on one
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Chunk(chunkSize);
        }
    }

    /** Reads and parses the whole input, handing each chunk to {@code consumer}; blocks until done. */
    void run(Consumer consumer) throws IOException {
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::parseChunks, "replay-parse-" + i);
            t.setDaemon(true); // never keeps the JVM alive after a failed replay
            workers.add(t);
            t.start();
        }
        try {
            consume(consumer);
        } finally {
            stop();
            for (Thread t : workers) {
                join(t);
            }
        }
    }

    private void consume(Consumer consumer) throws IOException {
        for (long seq = 0; ; seq++) {
            Chunk c = slots[(int) (seq % slots.length)];
            try {
                if (!c.awaitReady(seq, stop)) {
                    throw new IllegalStateException("replay parsing stopped");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the replay parser", e);
            }
            rethrow(c.failure);
            if (c.kind == Chunk.Kind.END) {
                return;
            }
            consumer.accept(c);
            c.release();
        }
    }

    /** A parsing thread: take the next chunk, parse it, publish it; until the end or a stop. */
    private void parseChunks() {
        try {
            while (true) {
                Chunk c;
                synchronized (reader) {
                    if (ended) {
                        return;
                    }
                    long seq = nextToRead;
                    c = slots[(int) (seq % slots.length)];
                    if (!c.claim(seq, stop)) {
                        return;
                    }
                    nextToRead++;
                    try {
                        reader.next(c);
                        ended = c.kind == Chunk.Kind.END;
                    } catch (IOException e) {
                        c.failure = new ReplayInputException("reading the input failed: " + e, e);
                        ended = true;
                    } catch (RuntimeException | Error e) {
                        c.failure = e;
                        ended = true;
                    }
                }
                if (c.failure == null && c.kind != Chunk.Kind.END) {
                    try {
                        parser.parse(c);
                    } catch (RuntimeException | Error e) {
                        c.failure = e;
                    }
                }
                c.publish();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the consumer does not need this thread any more
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private void stop() {
        stopped = true;
        for (Chunk c : slots) {
            c.wake();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
