package org.iotgateway.stream;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Says so when the ring drops readings: one WARN at most every 10 s while drops continue, with the
 * numbers, and one INFO when they stop. Runs on the consumer thread.
 */
final class DropReporter {
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ReadingRing ring;
    private final Logger log;
    private long reportedTotal;
    private long lastReport = System.nanoTime() - INTERVAL_NANOS;
    private boolean dropping;

    DropReporter(ReadingRing ring, Logger log) {
        this.ring = ring;
        this.log = log;
    }

    void reportIfDue() {
        if (System.nanoTime() - lastReport >= INTERVAL_NANOS) {
            report();
        }
    }

    void report() {
        lastReport = System.nanoTime();
        long total = 0;
        for (int c = 0; c < ring.channels(); c++) {
            total += ring.dropped(c);
        }
        long delta = total - reportedTotal;
        reportedTotal = total;
        if (delta > 0) {
            dropping = true;
            log.warn("ring buffer full: dropped {} readings since the last report ({} in all); processing is not "
                    + "keeping up with ingestion (occupancy {}/{})", delta, total, ring.occupancy(), ring.capacity());
        } else if (dropping) {
            dropping = false;
            log.info("ring buffer keeping up again; {} readings dropped in all", total);
        }
    }
}
