package org.iotgateway.stream;

import org.iotgateway.stream.filter.Filter;

/**
 * The open tumbling windows of one channel, and its counters. Owned by the engine's thread.
 *
 * <p>Windows live in a small ring of preallocated slots indexed by window number, so a reading
 * costs a division and a few stores and never allocates. More than one window can be open at once
 * (readings for the next window arrive before the watermark closes the current one).
 */
final class ChannelWindows {
    static final long EMPTY = Long.MIN_VALUE;

    final ChannelInfo info;
    final Filter[] filters;
    final long size;
    private final long[] start;
    private final long[] count;
    private final double[] min;
    private final double[] max;
    private final double[] sum;
    private final double[] first;
    private final double[] last;
    private final long[] firstTs;
    private final long[] lastTs;

    long accepted;
    long rejected;
    long filtered;
    long late;
    /** End of the newest window emitted ahead of the watermark; windows ending at or before it are closed for good. */
    long emittedThrough = Long.MIN_VALUE;

    ChannelWindows(ChannelInfo info, Filter[] filters, int slots) {
        this.info = info;
        this.filters = filters;
        this.size = info.windowMillis();
        start = new long[slots];
        java.util.Arrays.fill(start, EMPTY);
        count = new long[slots];
        min = new double[slots];
        max = new double[slots];
        sum = new double[slots];
        first = new double[slots];
        last = new double[slots];
        firstTs = new long[slots];
        lastTs = new long[slots];
    }

    int slots() {
        return start.length;
    }

    /** The slot that window {@code windowStart} maps to; may be occupied by another window. */
    int slotOf(long windowStart) {
        return (int) Math.floorMod(Math.floorDiv(windowStart, size), (long) start.length);
    }

    long startAt(int slot) {
        return start[slot];
    }

    void open(int slot, long windowStart) {
        start[slot] = windowStart;
        count[slot] = 0;
        min[slot] = Double.POSITIVE_INFINITY;
        max[slot] = Double.NEGATIVE_INFINITY;
        sum[slot] = 0;
    }

    void add(int slot, long ts, double v) {
        long n = count[slot]++;
        if (v < min[slot]) {
            min[slot] = v;
        }
        if (v > max[slot]) {
            max[slot] = v;
        }
        sum[slot] += v;
        if (n == 0 || ts < firstTs[slot]) {
            first[slot] = v;
            firstTs[slot] = ts;
        }
        if (n == 0 || ts >= lastTs[slot]) {
            last[slot] = v;
            lastTs[slot] = ts;
        }
    }

    /** Turns the slot into an aggregate and frees it. */
    Aggregate close(int slot) {
        long s = start[slot];
        start[slot] = EMPTY;
        return new Aggregate(info, s, s + size, count[slot], min[slot], max[slot], sum[slot], first[slot], last[slot]);
    }
}
