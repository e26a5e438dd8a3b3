package org.iotgateway.outbox;

/**
 * One recorded loss: {@code count} aggregates with seqs in {@code firstSeq..lastSeq} were let go
 * for {@code reason} during boot {@code boot}. The range can also hold seqs that were delivered
 * (acknowledged just before an eviction) or were never stored; every seq in it that a subscriber
 * did not receive is covered by this record, and {@code count} is exactly how many were lost.
 */
public record Loss(long firstSeq, long lastSeq, LossReason reason, long count, long boot) {
    public Loss {
        if (firstSeq > lastSeq || count < 1 || count > lastSeq - firstSeq + 1) {
            throw new IllegalArgumentException("not a loss: " + firstSeq + ".." + lastSeq + " count " + count);
        }
    }

    /** True if {@code seq} lies in the range. */
    public boolean covers(long seq) {
        return seq >= firstSeq && seq <= lastSeq;
    }
}
