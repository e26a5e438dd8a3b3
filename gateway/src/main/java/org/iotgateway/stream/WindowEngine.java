package org.iotgateway.stream;

import java.util.List;
import org.iotgateway.stream.filter.Filter;

/**
 * Filters readings and folds them into epoch-aligned event-time windows (tumbling, or sliding by a
 * slide that divides the size), closing each window when the watermark passes its end plus the
 * channel's allowed lateness.
 *
 * <p>The same engine serves live mode (the ring's consumer thread feeds it; a wall-clock tick moves
 * the watermark) and replay (the data's own time moves it), so batch and live agree by
 * construction. Single-threaded: every method is called from one thread; nothing blocks and the
 * per-reading path does not allocate (except for channels without windows, which emit one
 * aggregate per reading).
 *
 * <p>Semantics: a reading belongs to every window that contains its timestamp (one when tumbling,
 * size / slide when sliding). It is late when at least one of those windows was already closed
 * (its end + lateness at or before the watermark): counted once as late, and still added to those
 * of its windows that are open. Aggregates leave in close-time order (end + lateness; ties: channel
 * id order), with one exception: a reading further ahead than a channel's window slots reach
 * forces that channel's older windows out early (still in end order within the channel); their
 * stragglers then count as late, and so does a reading further behind the channel's newest open
 * window than the slots reach. Either way no window is ever emitted twice, except after
 * {@link #restartAt}.
 */
public final class WindowEngine {
    private final ChannelWindows[] channels;
    private final AggregateListener listener;
    private long watermark = Long.MIN_VALUE;
    private long nextCloseAt = Long.MAX_VALUE;
    private boolean clockUnsynced;

    /**
     * @param channels the channels, where {@code channels.get(i).id() == i}
     * @param filters per channel id, its filter chain in config order
     * @param maxOpenWindows how many windows of one channel may be open at once at least (at least 2);
     *        channels with lateness or sliding windows get as many more as they need
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
        if (c.size == 0) {
            listener.onAggregate(Unwindowed.of(c.info, ts, v, clockUnsynced));
            return;
        }
        long hot = c.hotStart;
        if (ts >= hot && ts < hot + c.size && c.startAt(c.hotSlot) == hot) {
            // Tumbling and still in the window of the previous reading (the usual case): an open
            // window is never due (advanceWatermark closes those), so no division is needed.
            c.add(c.hotSlot, ts, v, clockUnsynced);
            return;
        }
        long slide = c.slide;
        long oldest = Math.floorDiv(ts, slide) * slide;
        while (oldest - slide > ts - c.size) {
            oldest -= slide;
        }
        boolean missed = false;
        for (long ws = oldest; ws <= ts; ws += slide) {
            missed |= !addTo(c, ws, ts, v);
        }
        if (missed) {
            c.late++;
        }
    }

    /** Adds to the window starting at {@code ws}; false when that window is closed for good. */
    private boolean addTo(ChannelWindows c, long ws, long ts, double v) {
        if (c.closeAt(ws) <= watermark || ws + c.size <= c.emittedThrough) {
            // Closed, or emitted early (below): a second aggregate for it would contradict the first.
            return false;
        }
        int slot = c.slotOf(ws);
        long occupant = c.startAt(slot);
        if (occupant != ws) {
            if (occupant > ws) {
                // Further behind the newest open window than the slots reach: evicting the newer
                // window would emit it twice (now, and again when its readings continue).
                return false;
            }
            if (occupant != ChannelWindows.EMPTY) {
                // A reading further ahead than the slots reach (a clock jump, a bogus stamp):
                // emit the occupant now rather than lose either, and with it any older window
                // of this channel, so the channel's own aggregates stay in end order.
                emitEarly(c, occupant + c.size);
            }
            open(c, slot, ws);
        }
        c.add(slot, ts, v, clockUnsynced);
        if (c.slide == c.size) {
            c.hotStart = ws;
            c.hotSlot = slot;
        }
        return true;
    }

    private void open(ChannelWindows c, int slot, long ws) {
        c.open(slot, ws);
        long closeAt = c.closeAt(ws);
        if (closeAt < nextCloseAt) {
            nextCloseAt = closeAt;
        }
    }

    /** Moves the watermark forward (never back) and closes every window due at or before it. */
    public void advanceWatermark(long newWatermark) {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        while (nextCloseAt <= watermark) {
            closeWindowsDueAt(nextCloseAt, true);
        }
    }

    /** Closes every open window, whatever the watermark (end of a replay, shutdown). */
    public void flush() {
        while (nextCloseAt != Long.MAX_VALUE) {
            closeWindowsDueAt(nextCloseAt, false);
        }
    }

    /**
     * After the wall clock jumped back: closes every open window now and restarts the watermark at
     * {@code newWatermark}, so readings stamped with the corrected time are aggregated, not late.
     * Windows after this may cover time ranges already emitted.
     */
    public void restartAt(long newWatermark) {
        flush();
        watermark = newWatermark;
        for (ChannelWindows c : channels) {
            c.emittedThrough = Long.MIN_VALUE;
        }
    }

    /**
     * A reload: takes over the channels of {@code from} (the stopped engine of the previous config)
     * that the new config kept unchanged. Their open windows, filter state and counters move here,
     * re-id'd to this engine's channel {@code newIdOf[old id]} (-1: not kept); the watermark and the
     * clock flag carry over. What stays behind in {@code from} is for its {@link #flush()}, which then
     * emits only the windows of removed or changed channels. Call on one thread while neither engine
     * is fed (the old consumer has stopped, the new one not started).
     *
     * @throws IllegalArgumentException if a kept channel is configured differently here, or two
     *         old channels map to one new one
     */
    public void adopt(WindowEngine from, int[] newIdOf) {
        if (newIdOf.length != from.channels.length) {
            throw new IllegalArgumentException("need a new id for each of the " + from.channels.length + " old channels");
        }
        boolean[] taken = new boolean[channels.length];
        for (int old = 0; old < newIdOf.length; old++) {
            int id = newIdOf[old];
            if (id >= 0) {
                // All checks before any move: a refused hand-over leaves both engines as they were.
                if (taken[id]) {
                    throw new IllegalArgumentException("two old channels map to channel " + id);
                }
                taken[id] = true;
                from.channels[old].checkSameChannel(channels[id].info);
            }
        }
        for (int old = 0; old < newIdOf.length; old++) {
            int id = newIdOf[old];
            if (id < 0) {
                continue;
            }
            ChannelWindows moved = from.channels[old];
            ChannelInfo oldInfo = moved.info;
            moved.reId(channels[id].info);
            channels[id] = moved;
            // Left behind: no windows, no counts; the old engine's flush skips it.
            from.channels[old] = new ChannelWindows(oldInfo, new Filter[0], 2);
            nextCloseAt = Math.min(nextCloseAt, moved.earliestClose());
        }
        watermark = Math.max(watermark, from.watermark);
        clockUnsynced = from.clockUnsynced;
    }

    /** Marks the aggregates of readings processed from now on as taken with an unsynchronised clock. */
    public void clockUnsynced(boolean unsynced) {
        this.clockUnsynced = unsynced;
    }

    public long watermark() {
        return watermark;
    }

    /**
     * The earliest watermark that closes an open window (its end plus the channel's lateness), or
     * {@link Long#MAX_VALUE} when no window is open: until then nothing is due.
     */
    public long nextCloseAt() {
        return nextCloseAt;
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

    /**
     * Closes every window due at {@code due}; with {@code chain}, a channel that emits empty windows
     * opens the window {@code size} later, so every window from its first reading on is emitted.
     */
    private void closeWindowsDueAt(long due, boolean chain) {
        nextCloseAt = Long.MAX_VALUE;
        for (ChannelWindows c : channels) {
            for (int s = 0; s < c.slots(); s++) {
                long start = c.startAt(s);
                if (start == ChannelWindows.EMPTY) {
                    continue;
                }
                if (c.closeAt(start) == due) {
                    listener.onAggregate(c.close(s));
                    if (chain && c.info.emitEmpty()) {
                        openEmpty(c, start + c.size);
                    }
                } else if (c.closeAt(start) < nextCloseAt) {
                    nextCloseAt = c.closeAt(start);
                }
            }
        }
    }

    private void openEmpty(ChannelWindows c, long ws) {
        int slot = c.slotOf(ws);
        if (c.startAt(slot) == ChannelWindows.EMPTY && ws + c.size > c.emittedThrough) {
            open(c, slot, ws);
        }
    }
}
