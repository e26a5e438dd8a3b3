package org.iotgateway.stream;

import java.util.List;
import org.iotgateway.stream.filter.Filter;

/**
 * Filters readings and folds them into epoch-aligned tumbling event-time windows, closing each
 * window when the watermark passes its end.
 *
 * <p>The same engine serves live mode (the ring's consumer thread feeds it; a wall-clock tick moves
 * the watermark) and replay (the data's own time moves it), so batch and live agree by
 * construction. Single-threaded: every method is called from one thread; nothing blocks and the
 * per-reading path does not allocate.
 *
 * <p>Semantics: a reading whose window ended at or before the watermark is late: counted, not
 * aggregated. Aggregates leave in window-end order (ties: channel id order), with one exception:
 * a reading further ahead than a channel's window slots reach forces that channel's older windows
 * out early (still in end order within the channel); their stragglers then count as late, and so
 * does a reading further behind the channel's newest open window than the slots reach. Either way
 * no window is ever emitted twice.
 */
public final class WindowEngine {
    private final ChannelWindows[] channels;
    private final AggregateListener listener;
    private long watermark = Long.MIN_VALUE;
    private long nextCloseAt = Long.MAX_VALUE;

    /**
     * @param channels the channels, where {@code channels.get(i).id() == i}
     * @param filters per channel id, its filter chain in config order
     * @param maxOpenWindows how many windows of one channel may be open at once (at least 2)
     */
    public WindowEngine(List<ChannelInfo> channels, List<Filter[]> filters, int maxOpenWindows,
                        AggregateListener listener) {
        if (maxOpenWindows < 2) {
            throw new IllegalArgumentException("maxOpenWindows must be at least 2");
        }
        this.channels = new ChannelWindows[channels.size()];
        for (int i = 0; i < this.channels.length; i++) {
            ChannelInfo info = channels.get(i);
            if (info.id() != i) {
                throw new IllegalArgumentException("channel ids must be dense and in order: " + info);
            }
            this.channels[i] = new ChannelWindows(info, filters.get(i), maxOpenWindows);
        }
        this.listener = listener;
    }

    /** Processes one reading (already accepted by the ring, or read by replay). */
    public void onReading(int channel, long ts, double value) {
        ChannelWindows c = channels[channel];
        c.accepted++;
        if (!Double.isFinite(value)) {
            c.rejected++;
            return;
        }
        double v = value;
        for (Filter f : c.filters) {
            v = f.apply(ts, v);
            if (Double.isNaN(v)) {
                if (f.dropKind() == Filter.DropKind.REJECTED) {
                    c.rejected++;
                } else {
                    c.filtered++;
                }
                return;
            }
        }
        long size = c.size;
        long windowStart = Math.floorDiv(ts, size) * size;
        long windowEnd = windowStart + size;
        if (windowEnd <= watermark) {
            c.late++;
            return;
        }
        if (windowEnd <= c.emittedThrough) {
            // Its window was already emitted early (below): a second aggregate for it would
            // contradict the first on the wire.
            c.late++;
            return;
        }
        int slot = c.slotOf(windowStart);
        long occupant = c.startAt(slot);
        if (occupant != windowStart) {
            if (occupant > windowStart) {
                // Further behind the newest open window than the slots reach: evicting the newer
                // window would emit it twice (now, and again when its readings continue).
                c.late++;
                return;
            }
            if (occupant != ChannelWindows.EMPTY) {
                // A reading further ahead than the slots reach (a clock jump, a bogus stamp):
                // emit the occupant now rather than lose either, and with it any older window
                // of this channel, so the channel's own aggregates stay in end order.
                emitEarly(c, occupant + size);
            }
            c.open(slot, windowStart);
            if (windowEnd < nextCloseAt) {
                nextCloseAt = windowEnd;
            }
        }
        c.add(slot, ts, v);
    }

    /** Moves the watermark forward (never back) and closes every window that ends at or before it. */
    public void advanceWatermark(long newWatermark) {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        while (nextCloseAt <= watermark) {
            closeWindowsEndingAt(nextCloseAt);
        }
    }

    /** Closes every open window, whatever the watermark (end of a replay, shutdown). */
    public void flush() {
        while (nextCloseAt != Long.MAX_VALUE) {
            closeWindowsEndingAt(nextCloseAt);
        }
    }

    public long watermark() {
        return watermark;
    }

    /** Counters of one channel, as of now; call from the engine's thread. */
    public ChannelCounts counts(int channel) {
        ChannelWindows c = channels[channel];
        return new ChannelCounts(c.accepted, c.rejected, c.filtered, c.late);
    }

    public int channelCount() {
        return channels.length;
    }

    /** Emits every open window of {@code c} ending at or before {@code end}, in end order; they stay closed. */
    private void emitEarly(ChannelWindows c, long end) {
        while (true) {
            int oldest = -1;
            for (int s = 0; s < c.slots(); s++) {
                long start = c.startAt(s);
                if (start != ChannelWindows.EMPTY && start + c.size <= end
                        && (oldest < 0 || start < c.startAt(oldest))) {
                    oldest = s;
                }
            }
            if (oldest < 0) {
                break;
            }
            listener.onAggregate(c.close(oldest));
        }
        c.emittedThrough = end;
    }

    private void closeWindowsEndingAt(long end) {
        long next = Long.MAX_VALUE;
        for (ChannelWindows c : channels) {
            for (int s = 0; s < c.slots(); s++) {
                long start = c.startAt(s);
                if (start == ChannelWindows.EMPTY) {
                    continue;
                }
                if (start + c.size == end) {
                    listener.onAggregate(c.close(s));
                } else if (start + c.size < next) {
                    next = start + c.size;
                }
            }
        }
        nextCloseAt = next;
    }
}
