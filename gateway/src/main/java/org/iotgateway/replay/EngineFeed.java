package org.iotgateway.replay;

import org.iotgateway.stream.WindowEngine;

/**
 * Feeds parsed chunks to the engine, in input order, with the data's own time as the watermark: the
 * largest timestamp so far, moved <em>before</em> the reading itself is handed over. That is the
 * same lateness rule as moving it after (a reading's window always ends after its own timestamp),
 * but it closes the previous windows first, so aggregates leave strictly in close-time order.
 * Also adds up the chunks' line counts and rejects, turning their line numbers into the input's.
 * The consuming thread of {@link ChunkPipeline} only.
 */
final class EngineFeed implements ChunkPipeline.Consumer {
    private final WindowEngine engine;
    private final RowRejects rejects;
    private long maxTs = Long.MIN_VALUE;
    private long lines;
    private long accepted;

    EngineFeed(WindowEngine engine, RowRejects rejects) {
        this.engine = engine;
        this.rejects = rejects;
    }

    @Override
    public void accept(Chunk c) {
        rejects.addAll(c.rejects, lines);
        lines += c.lines;
        accepted += c.size;
        int[] channel = c.channel;
        long[] ts = c.ts;
        double[] value = c.value;
        for (int i = 0, n = c.size; i < n; i++) {
            long t = ts[i];
            if (t > maxTs) {
                maxTs = t;
                engine.advanceWatermark(t);
            }
            engine.onReading(channel[i], t, value[i]);
        }
    }

    /** Lines consumed so far, the header included. */
    long lines() {
        return lines;
    }

    /** Rows handed to the engine so far. */
    long accepted() {
        return accepted;
    }
}
