package org.iotgateway.stream;

import org.iotgateway.stream.aggregate.LogBuckets;
import org.iotgateway.stream.aggregate.SlotMoments;
import org.iotgateway.stream.filter.Filter;

/**
 * The open windows of one channel, and its counters. Owned by the engine's thread.
 *
 * <p>Windows live in a small ring of preallocated slots indexed by window number (start / slide), so
 * a reading costs a division and a few stores per window it belongs to and never allocates. More
 * than one window can be open at once (sliding windows overlap; readings for the next window arrive
 * before the watermark closes the current one). Moments and the quantile sketch exist only when a
 * configured aggregate needs them.
 */
final class ChannelWindows {
    static final long EMPTY = Long.MIN_VALUE;

    /** Final but for {@link #reId}: a reload gives a kept channel a new dense id. */
    ChannelInfo info;
    final Filter[] filters;
    final long size;
    final long slide;
    final long lateness;
    private final long[] start;
    private final long[] count;
    private final double[] min;
    private final double[] max;
    private final double[] sum;
    private final double[] first;
    private final double[] last;
    private final long[] firstTs;
    private final long[] lastTs;
    private final boolean[] unsynced;
    private final SlotMoments moments;
    private final LogBuckets sketch;

    long accepted;
    long rejected;
    long filtered;
    long late;
    /** Tumbling only: the window the last reading went into, and its slot (a cache, checked before use). */
    long hotStart = EMPTY;
    int hotSlot;
    /** End of the newest window emitted ahead of the watermark; windows ending at or before it are closed for good. */
    long emittedThrough = Long.MIN_VALUE;

    ChannelWindows(ChannelInfo info, Filter[] filters, int minSlots) {
        this.info = info;
        this.filters = filters;
        this.size = info.windowMillis();
        this.slide = info.unwindowed() ? 1 : info.slideMillis();
        this.lateness = info.latenessMillis();
        int slots = slotsFor(info, minSlots);
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
        unsynced = new boolean[slots];
        moments = info.aggregates().stream().anyMatch(AggregateKind::needsMoments) ? new SlotMoments(slots) : null;
        sketch = info.aggregates().stream().anyMatch(AggregateKind::needsSketch) ? new LogBuckets(slots) : null;
    }

    /** Enough slots for every window a reading within the lateness can still reach, plus one. */
    static int slotsFor(ChannelInfo info, int minSlots) {
        if (info.unwindowed()) {
            return 1;
        }
        long needed = (info.windowMillis() + info.latenessMillis() + info.slideMillis() - 1) / info.slideMillis() + 1;
        return (int) Math.max(minSlots, Math.min(needed, 4096));
    }

    int slots() {
        return start.length;
    }

    /**
     * Gives these windows to the same channel under a new id (a reload moved it in the channel
     * table); the aggregates of its open windows then carry the new id, which picks their topic.
     * Only while no thread feeds the engine.
     */
    void reId(ChannelInfo to) {
        checkSameChannel(to);
        info = to;
    }

    /** Throws unless {@code other} is this channel, configured the same, under any id. */
    void checkSameChannel(ChannelInfo other) {
        ChannelInfo same = new ChannelInfo(other.id(), info.sensor(), info.channel(), info.unit(), info.windowMillis(),
                info.aggregates(), info.slideMillis(), info.latenessMillis(), info.emitEmpty());
        if (!same.equals(other)) {
            throw new IllegalArgumentException("not the same channel: " + info + " vs " + other);
        }
    }

    /** When the earliest open window closes, in watermark time; {@code Long.MAX_VALUE} if none is open. */
    long earliestClose() {
        long due = Long.MAX_VALUE;
        for (long s : start) {
            if (s != EMPTY) {
                due = Math.min(due, closeAt(s));
            }
        }
        return due;
    }

    /** The slot that window {@code windowStart} maps to; may be occupied by another window. */
    int slotOf(long windowStart) {
        return (int) Math.floorMod(Math.floorDiv(windowStart, slide), (long) start.length);
    }

    long startAt(int slot) {
        return start[slot];
    }

    /** When the window starting at {@code windowStart} closes, in watermark time. */
    long closeAt(long windowStart) {
        return windowStart + size + lateness;
    }

    void open(int slot, long windowStart) {
        start[slot] = windowStart;
        count[slot] = 0;
        min[slot] = Double.POSITIVE_INFINITY;
        max[slot] = Double.NEGATIVE_INFINITY;
        sum[slot] = 0;
        first[slot] = Double.NaN;
        last[slot] = Double.NaN;
        unsynced[slot] = false;
        if (moments != null) {
            moments.reset(slot);
        }
        if (sketch != null) {
            sketch.reset(slot);
        }
    }

    void add(int slot, long ts, double v, boolean clockUnsynced) {
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
        unsynced[slot] |= clockUnsynced;
        if (moments != null) {
            moments.add(slot, ts, v);
        }
        if (sketch != null) {
            sketch.add(slot, v);
        }
    }

    /** Turns the slot into an aggregate and frees it. */
    Aggregate close(int slot) {
        long s = start[slot];
        start[slot] = EMPTY;
        return new Aggregate(info, s, s + size, count[slot], min[slot], max[slot], sum[slot], first[slot], last[slot],
                spread(slot, s + size), unsynced[slot]);
    }

    private Aggregate.Spread spread(int slot, long end) {
        if (moments == null && sketch == null) {
            return Aggregate.Spread.NONE;
        }
        double nan = Double.NaN;
        return new Aggregate.Spread(
                moments == null ? nan : moments.stddev(slot),
                moments == null ? nan : moments.timeWeightedMean(slot, end),
                moments == null ? nan : moments.rate(slot),
                quantile(slot, 0.50), quantile(slot, 0.90), quantile(slot, 0.95), quantile(slot, 0.99));
    }

    private double quantile(int slot, double q) {
        if (sketch == null || count[slot] == 0) {
            return Double.NaN;
        }
        return Math.max(min[slot], Math.min(max[slot], sketch.quantile(slot, q)));
    }
}
