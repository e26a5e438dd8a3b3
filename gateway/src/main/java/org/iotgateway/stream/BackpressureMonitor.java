package org.iotgateway.stream;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Watches the ring from the consumer thread: measures ingest and processing rates and occupancy,
 * raises the {@code overloaded} flag while occupancy stays above 80 % or readings are dropped, and
 * says so in a WARN at most every 10 s while it lasts (with the numbers), and one INFO when it ends.
 */
final class BackpressureMonitor {
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long WARN_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ReadingRing ring;
    private final Logger log;
    private long lastSampleNanos;
    private long lastIn;
    private long lastOut;
    private long lastDropped;
    private long lastWarnNanos;
    private long warnedDropped;
    private boolean allHigh = true;
    private boolean overloaded;
    /** The ring's counts at the last snapshot, for {@link #whileAsleep} on another thread. */
    private volatile Sample last;

    private record Sample(long nanos, long in, long out, long dropped) {
    }

    BackpressureMonitor(ReadingRing ring, Logger log, long nowNanos) {
        this.ring = ring;
        this.log = log;
        this.lastSampleNanos = nowNanos;
        this.lastWarnNanos = nowNanos - WARN_NANOS;
        this.last = new Sample(nowNanos, 0, 0, 0);
    }

    /** Starts measuring from the ring's counts now (a reload's ring may already hold readings and drops). */
    void baseline(long nowNanos) {
        lastSampleNanos = nowNanos;
        lastDropped = ring.droppedTotal();
        warnedDropped = lastDropped;
        lastIn = ring.published() + lastDropped;
        lastOut = ring.consumed();
        last = new Sample(nowNanos, lastIn, lastOut, lastDropped);
    }

    /** Called on every consumer tick; returns a new snapshot once an interval has passed, else null. */
    StreamMetrics onTick(long nowNanos, long wallMillis, ClockWatch clock) {
        allHigh &= ring.occupancy() * 5 > ring.capacity() * 4L;
        if (nowNanos - lastSampleNanos < INTERVAL_NANOS) {
            return null;
        }
        double seconds = (nowNanos - lastSampleNanos) / 1e9;
        long dropped = ring.droppedTotal();
        long in = ring.published() + dropped;
        long out = ring.consumed();
        long newDrops = dropped - lastDropped;
        StreamMetrics m = new StreamMetrics(wallMillis, (in - lastIn) / seconds, (out - lastOut) / seconds,
                ring.occupancy(), ring.capacity(), dropped, allHigh || newDrops > 0, clock.unsynced(), clock.jumps());
        report(m, nowNanos);
        lastSampleNanos = nowNanos;
        lastIn = in;
        lastOut = out;
        lastDropped = dropped;
        allHigh = true;
        last = new Sample(nowNanos, in, out, dropped);
        return m;
    }

    /** Whether the last snapshot is an interval old or more; any thread. */
    boolean stale(long nowNanos) {
        return nowNanos - last.nanos >= INTERVAL_NANOS;
    }

    /**
     * Any thread, while the consumer sleeps on an empty ring and so takes no snapshots: the one it
     * would take now, from the ring's counters against its last snapshot {@code previous} (whose
     * clock fields it keeps: the clock is the consumer's). Logs nothing, changes nothing.
     */
    StreamMetrics whileAsleep(long nowNanos, long wallMillis, StreamMetrics previous) {
        Sample s = last;
        double seconds = Math.max(1e-9, (nowNanos - s.nanos) / 1e9);
        long dropped = ring.droppedTotal();
        long in = ring.published() + dropped;
        long out = ring.consumed();
        return new StreamMetrics(wallMillis, (in - s.in) / seconds, (out - s.out) / seconds, ring.occupancy(),
                ring.capacity(), dropped, dropped > s.dropped, previous.clockUnsynced(), previous.clockJumps());
    }

    private void report(StreamMetrics m, long nowNanos) {
        if (m.overloaded() && nowNanos - lastWarnNanos >= WARN_NANOS) {
            lastWarnNanos = nowNanos;
            log.warn("stream overloaded: processing is not keeping up with ingestion: ingest {}/s, processed {}/s, "
                    + "ring occupancy {}/{}, dropped {} since the last warning ({} in all)",
                    Math.round(m.ingestPerSecond()), Math.round(m.processedPerSecond()), m.occupancy(), m.capacity(),
                    m.dropped() - warnedDropped, m.dropped());
            warnedDropped = m.dropped();
        } else if (!m.overloaded() && overloaded) {
            log.info("stream keeping up again; {} readings dropped in all", m.dropped());
        }
        overloaded = m.overloaded();
    }

    /** Logs the final drop total once at shutdown, if any. */
    void reportTotal() {
        long dropped = ring.droppedTotal();
        if (dropped > 0) {
            log.warn("ring buffer dropped {} readings in all (processing did not keep up)", dropped);
        }
    }
}
