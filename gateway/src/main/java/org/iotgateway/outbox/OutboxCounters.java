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
    final LongAdder evictedForSize = new LongAdder();
    final LongAdder evictedForAge = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder deadLettered = new LongAdder();
    /** Acknowledged while the store was unusable: published from memory, never stored. */
    final LongAdder publishedUnstored = new LongAdder();
    /** Neither stored nor published: the store was unusable and the memory buffer full, or the stop came first. */
    final LongAdder lostUnstored = new LongAdder();
    /** Acks of rows that had been evicted meanwhile: delivered after all, but booked as evicted. */
    final LongAdder lateAcks = new LongAdder();
    /** Rows found in the file at open: owed from a previous run. */
    final long initialRows;
    /** Rows in the table right now, from H2's own update counts (the writer's books). */
    final AtomicLong storedRows;
    final AtomicLong oldestSeq;
    final AtomicLong oldestCreatedAt = new AtomicLong(-1);
    /** The loss ledger as of the last commit; replaced by the writer thread only. */
    volatile LossHistory losses;

    OutboxCounters(long initialRows, long oldestSeq, LossHistory losses) {
        this.losses = losses;
        this.initialRows = initialRows;
        this.storedRows = new AtomicLong(initialRows);
        this.oldestSeq = new AtomicLong(oldestSeq);
    }

    /** Writer thread, after the commit that put {@code loss} (or null: none) in the ledger. */
    void recordLoss(Loss loss) {
        if (loss != null) {
            losses = losses.plus(loss);
        }
    }

    long evicted() {
        return evictedForSize.sum() + evictedForAge.sum();
    }

    long depth() {
        return initialRows + appended.sum() - queueFullDrops.sum() - rejected.sum() - acked.sum()
                - deadLettered.sum() - evicted() - publishedUnstored.sum() - lostUnstored.sum();
    }

    OutboxStats snapshot(long lastSeq, long clockNow, boolean storeUsable, int heldInMemory) {
        long oldestAt = oldestCreatedAt.get();
        return new OutboxStats(appended.sum(), committed.sum(), batches.sum(), acked.sum(), writeFailures.sum(),
                queueFullDrops.sum(), depth(), oldestSeq.get(), lastSeq, evictedForSize.sum(), evictedForAge.sum(),
                rejected.sum(), deadLettered.sum(), lateAcks.sum(), storedRows.get(), initialRows,
                oldestAt < 0 ? -1 : Math.max(0, clockNow - oldestAt), storeUsable, heldInMemory,
                publishedUnstored.sum(), lostUnstored.sum(), losses);
    }
}
