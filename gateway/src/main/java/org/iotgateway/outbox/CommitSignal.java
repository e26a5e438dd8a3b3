package org.iotgateway.outbox;

/**
 * The highest committed seq, and a way for the publisher thread to sleep until it grows; and a
 * rewind count, which grows when rows the publisher may have moved past became readable again
 * (the store came back after an outage). The writer thread calls {@link #committed} and
 * {@link #rewind}; {@link #await} blocks the caller up to its timeout.
 */
final class CommitSignal {
    private long committedSeq;
    private volatile long rewinds;

    CommitSignal(long initial) {
        this.committedSeq = initial;
    }

    synchronized void committed(long seq) {
        if (seq > committedSeq) {
            committedSeq = seq;
            notifyAll();
        }
    }

    synchronized void rewind() {
        rewinds++;
        notifyAll();
    }

    long rewinds() {
        return rewinds;
    }

    synchronized long committedSeq() {
        return committedSeq;
    }

    /** Wakes waiters without a new commit (on close). */
    synchronized void wakeAll() {
        notifyAll();
    }

    /** @return true if a seq >= {@code seq} is committed, waiting up to {@code timeoutMillis} for it */
    synchronized boolean await(long seq, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (committedSeq < seq) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
