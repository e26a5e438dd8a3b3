package org.iotgateway.outbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one log line through per interval, so a failure repeated per message becomes one line per
 * interval with a count. Thread-safe, never blocks.
 */
public final class LogLimiter {
    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public LogLimiter(java.time.Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * @return -1 if this occurrence should not be logged, else how many were suppressed since the
     *         last one that was (to put in the message)
     */
    public long tryAcquire() {
        long now = System.nanoTime();
        long due = next.get();
        if ((due == Long.MIN_VALUE || now - due >= 0) && next.compareAndSet(due, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }
}
