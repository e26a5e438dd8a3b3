package org.iotgateway.outbox;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The outbox's counters; written by the stream, writer and MQTT threads, read by anyone. */
final class OutboxCounters {
    final LongAdder appended = new LongAdder();
    final LongAdder committed = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder writeFailures = new LongAdder();
    final LongAdder queueFullDrops = new LongAdder();
    /** Rows found in the file at open: owed from a previous run. */
    final long initialRows;
    final AtomicLong oldestSeq;

    OutboxCounters(long initialRows, long oldestSeq) {
        this.initialRows = initialRows;
        this.oldestSeq = new AtomicLong(oldestSeq);
    }

    long depth() {
        return initialRows + appended.sum() - queueFullDrops.sum() - acked.sum();
    }

    OutboxStats snapshot(long lastSeq) {
        return new OutboxStats(appended.sum(), committed.sum(), batches.sum(), acked.sum(), writeFailures.sum(),
                queueFullDrops.sum(), depth(), oldestSeq.get(), lastSeq);
    }
}
