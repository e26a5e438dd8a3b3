package org.iotgateway.stream;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The engine's per-channel counters, copied out by the consumer thread (once a second and at the
 * end) so that other threads can read them: the engine's own counters are plain fields of its one
 * thread. Each value is read whole (no torn longs on a 32-bit Pi), the four of a channel may be up
 * to one copy apart. Copying allocates nothing.
 */
final class ChannelCountsBoard {
    private static final int FIELDS = 4;
    private final AtomicLongArray values;

    ChannelCountsBoard(int channels) {
        this.values = new AtomicLongArray(channels * FIELDS);
    }

    /** Consumer thread. */
    void copyFrom(WindowEngine engine) {
        for (int c = 0; c < engine.channelCount(); c++) {
            ChannelCounts n = engine.counts(c);
            int i = c * FIELDS;
            values.setRelease(i, n.accepted());
            values.setRelease(i + 1, n.rejected());
            values.setRelease(i + 2, n.filtered());
            values.setRelease(i + 3, n.late());
        }
    }

    /** Any thread. */
    ChannelCounts get(int channel) {
        int i = channel * FIELDS;
        return new ChannelCounts(values.getAcquire(i), values.getAcquire(i + 1), values.getAcquire(i + 2),
                values.getAcquire(i + 3));
    }
}
