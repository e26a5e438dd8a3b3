package org.iotgateway.driver.serial;

import java.time.Duration;

/** Reconnect delays: {@code min}, doubling per failed attempt, capped at {@code max}. One thread. */
final class RetryDelay {
    private final long minNanos;
    private final long maxNanos;
    private long next;

    RetryDelay(Duration min, Duration max) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.next = minNanos;
    }

    long nextNanos() {
        long d = next;
        next = Math.min(maxNanos, next * 2);
        return d;
    }

    void reset() {
        next = minNanos;
    }
}
