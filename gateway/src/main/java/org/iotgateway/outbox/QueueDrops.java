package org.iotgateway.outbox;

/**
 * Seqs the stream thread dropped because the writer's queue was full, until the writer records them
 * in the {@link LossLedger} with its next batch: that batch's commit also raises the stored last seq
 * above them, so they are either recorded AND never reused, or (a SIGKILL before) reused by the
 * next run with no gap at all. Thread-safe; never blocks for long.
 */
final class QueueDrops {
    private long first = -1;
    private long last = -1;
    private long count;

    /** Stream thread, inside {@link Outbox#append}'s order: seqs arrive increasing. */
    synchronized void add(long seq) {
        if (count == 0) {
            first = seq;
        }
        last = seq;
        count++;
    }

    /** Writer thread, after it drained the queue: the drops so far as one loss (or null), and forgets them. */
    synchronized Loss take(long boot) {
        if (count == 0) {
            return null;
        }
        Loss loss = new Loss(first, last, LossReason.DROPPED_QUEUE_FULL, count, boot);
        count = 0;
        return loss;
    }
}
