package org.iotgateway.mqtt;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces publishes to at most {@code rate} per second ({@code mqtt.max-rate}), for brokers that
 * disconnect fast publishers. Runs on the publisher thread and sleeps it; a rate of 0 never waits.
 * Time lost while idle is not made up later as a burst beyond a tenth of a second's worth.
 */
final class Pacer {
    private final long intervalNanos;
    private final long maxCredit;
    private long next = System.nanoTime();

    Pacer(int ratePerSecond) {
        this.intervalNanos = ratePerSecond <= 0 ? 0 : 1_000_000_000L / ratePerSecond;
        this.maxCredit = 100_000_000L;
    }

    void await() {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - next > maxCredit) {
            next = now - maxCredit;
        }
        long wait = next - now;
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        next += intervalNanos;
    }
}
