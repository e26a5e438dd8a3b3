package org.iotgateway.util;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retry delays: {@code initial}, doubling per failed attempt, capped at {@code max}; {@link #reset()}
 * after a success. With jitter each delay is drawn from [d/2, d], so a fleet of gateways does not
 * reconnect to a restarted broker in lockstep; without it, delays are exact (a local serial port).
 * Used by one thread at a time.
 */
public final class Backoff {
    private final long initialNanos;
    private final long maxNanos;
    private final boolean jitter;
    private long nextNanos;

    private Backoff(Duration initial, Duration max, boolean jitter) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.jitter = jitter;
        this.nextNanos = initialNanos;
    }

    public static Backoff withJitter(Duration initial, Duration max) {
        return new Backoff(initial, max, true);
    }

    public static Backoff exact(Duration initial, Duration max) {
        return new Backoff(initial, max, false);
    }

    public long nextNanos() {
        long d = nextNanos;
        nextNanos = Math.min(maxNanos, nextNanos * 2);
        return jitter ? d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1) : d;
    }

    public long nextMillis() {
        return TimeUnit.NANOSECONDS.toMillis(nextNanos());
    }

    public void reset() {
        nextNanos = initialNanos;
    }
}
