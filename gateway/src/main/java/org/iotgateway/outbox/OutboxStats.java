package org.iotgateway.outbox;

/**
 * A snapshot of the outbox's counters since it was opened. Cheap to take from any thread. The
 * books always balance: {@code initialRows + appended = acked + publishedUnstored + evictedForSize +
 * evictedForAge + rejected + deadLettered + queueFullDrops + lostUnstored + depth}, and once the
 * writer is idle with the store usable {@code depth == storedRows}.
 *
 * @param appended aggregates handed to {@link Outbox#append}
 * @param committed rows committed to H2
 * @param batches commits (group commits: many rows each); their rate drives the file's growth
 * @param acked rows the broker acknowledged (QoS 1 PUBACK, or written for QoS 0)
 * @param writeFailures failed writes: each one that started a store outage, and each failed attempt
 *                      to reopen the store
 * @param queueFullDrops aggregates dropped because the writer fell behind; their seqs are gaps
 * @param depth rows stored, queued or held in memory and not yet acknowledged
 * @param oldestPendingSeq lowest seq still stored, or -1 when the table is empty; rows are deleted
 *                         in batches, so this lags an acknowledgement by up to ~200 ms
 * @param lastSeq the last seq assigned
 * @param evictedForSize rows dropped (oldest first) to keep the store under max-bytes
 * @param evictedForAge rows dropped because they were older than max-age
 * @param rejected new aggregates refused because the store was full (full-policy reject-new)
 * @param deadLettered rows moved to the dead-letter table after the broker kept refusing them
 * @param lateAcks acknowledgements of rows already evicted (delivered after all; booked as evicted)
 * @param storedRows rows in the H2 table now, counted from H2's update counts
 * @param initialRows rows found in the file at open
 * @param oldestAgeMillis age of the oldest stored row on the outbox clock, or -1 when empty
 * @param storeUsable false while the H2 store is failing (disk full) and not yet reopened
 * @param heldInMemory aggregates held in memory because the store was unusable, not yet acknowledged
 * @param publishedUnstored aggregates the broker acknowledged while the store was unusable (never stored)
 * @param lostUnstored aggregates neither stored nor published: the store was unusable and the memory
 *                     buffer full, or the gateway stopped before either recovered; their seqs are gaps
 * @param losses the file's loss ledger: evictions, rejections, queue drops and the gaps unclean stops
 *               left, since the file was created, across restarts, crashes and power cuts, with the
 *               seq ranges of the newest (counts at most: see {@link LossReason})
 */
public record OutboxStats(long appended, long committed, long batches, long acked, long writeFailures,
                          long queueFullDrops, long depth, long oldestPendingSeq, long lastSeq, long evictedForSize,
                          long evictedForAge, long rejected, long deadLettered, long lateAcks, long storedRows,
                          long initialRows, long oldestAgeMillis, boolean storeUsable, int heldInMemory,
                          long publishedUnstored, long lostUnstored, LossHistory losses) {
    public long evicted() {
        return evictedForSize + evictedForAge;
    }
}
