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

    BackpressureMonitor(ReadingRing ring, Logger log, long nowNanos) {
        this.ring = ring;
        this.log = log;
        this.lastSampleNanos = nowNanos;
        this.lastWarnNanos = nowNanos - WARN_NANOS;
    }

    /** Starts measuring from the ring's counts now (a reload's ring may already hold readings and drops). */
    void baseline(long nowNanos) {
        lastSampleNanos = nowNanos;
        lastDropped = ring.droppedTotal();
        warnedDropped = lastDropped;
        lastIn = ring.published() + lastDropped;
        lastOut = ring.consumed();
    }

    /** Called on every consumer tick; returns a new snapshot once per interval, else null. */
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
        return m;
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
