package org.iotgateway.outbox;

/**
 * The highest committed seq, and a way for the publisher thread to sleep until it grows; and a
 * rewind count, which grows when rows the publisher may have moved past became readable again
 * (the store came back after an outage). The writer thread calls {@link #committed} and
 * {@link #rewind}; {@link #await} blocks the caller up to its timeout, or until a rewind or
 * {@link #wakeAll} sends it back to look at its state.
 */
final class CommitSignal {
    private long committedSeq;
    private volatile long rewinds;
    /** Grows with every rewind and wakeAll: a waiter that sees it change returns. */
    private long wakes;

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
        wakes++;
        notifyAll();
    }

    long rewinds() {
        return rewinds;
    }

    synchronized long committedSeq() {
        return committedSeq;
    }

    /** Wakes waiters without a new commit (on close, or for the waiter's own reasons): they return false. */
    synchronized void wakeAll() {
        wakes++;
        notifyAll();
    }

    /** How many rewinds and wakeAlls so far: a waiter that read it before looking at its state passes it to await. */
    synchronized long wakes() {
        return wakes;
    }

    /**
     * @return true if a seq >= {@code seq} is committed, waiting up to {@code timeoutMillis} for it;
     *         false after the timeout, a rewind or {@link #wakeAll}
     */
    synchronized boolean await(long seq, long timeoutMillis) throws InterruptedException {
        return await(seq, timeoutMillis, wakes);
    }

    /**
     * Like {@link #await(long, long)}, but also false at once if a rewind or {@link #wakeAll}
     * happened since {@link #wakes} returned {@code woken}: a wake-up that came between the
     * caller's look at its state and this wait is not lost.
     */
    synchronized boolean await(long seq, long timeoutMillis, long woken) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (committedSeq < seq) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0 || wakes != woken) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
