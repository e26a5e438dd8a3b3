package org.iotgateway.outbox;

import java.time.Duration;

/**
 * Knobs of the writer, with defaults sized for a Raspberry Pi. Not in the YAML yet; tests use them
 * to shrink timings.
 *
 * @param queueCapacity aggregates waiting for the writer; 16384 ≈ 8 MB worst case and many seconds
 *                      of a stalled SD card at realistic rates (hundreds of aggregates/s)
 * @param maxBatch rows per commit
 * @param commitInterval least time between two commits: batches rows and bounds the commit rate,
 *                       which is what makes the H2 file grow
 * @param ackFlushInterval how long acknowledged rows may wait for their delete when nothing is
 *                         being inserted (deletes otherwise ride along with inserts)
 * @param heldCapacity aggregates held in memory while the store is unusable (disk full); sized
 *                     like the queue
 */
public record OutboxTuning(int queueCapacity, int maxBatch, Duration commitInterval, Duration ackFlushInterval,
                           int heldCapacity) {
    public static OutboxTuning defaults() {
        return new OutboxTuning(16_384, 2_000, Duration.ofMillis(100), Duration.ofMillis(200), 16_384);
    }

    /** The defaults with another {@code heldCapacity}. */
    public OutboxTuning withHeldCapacity(int capacity) {
        return new OutboxTuning(queueCapacity, maxBatch, commitInterval, ackFlushInterval, capacity);
    }
}
