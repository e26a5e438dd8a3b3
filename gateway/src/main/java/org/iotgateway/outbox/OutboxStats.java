package org.iotgateway.outbox;

/**
 * A snapshot of the outbox's counters since it was opened. Cheap to take from any thread.
 *
 * @param appended aggregates handed to {@link Outbox#append}
 * @param committed rows committed to H2
 * @param batches commits (group commits: many rows each); their rate drives the file's growth
 * @param acked rows the broker acknowledged (QoS 1 PUBACK, or written for QoS 0)
 * @param writeFailures batch commits that failed (the batch is retried)
 * @param queueFullDrops aggregates dropped because the writer fell behind; their seqs are gaps
 * @param depth rows stored or queued and not yet acknowledged
 * @param oldestPendingSeq lowest seq still stored, or -1 when the table is empty; rows are deleted
 *                         in batches, so this lags an acknowledgement by up to ~200 ms
 * @param lastSeq the last seq assigned
 */
public record OutboxStats(long appended, long committed, long batches, long acked, long writeFailures, long queueFullDrops,
                          long depth, long oldestPendingSeq, long lastSeq) {
}
