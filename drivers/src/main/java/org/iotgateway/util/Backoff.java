package org.iotgateway.util;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retry delays: a ceiling of {@code initial}, doubling per failed attempt, capped at {@code max};
 * {@link #reset()} after a success. Three shapes: exact (the ceiling itself: a local serial port),
 * with jitter (drawn from [ceiling/2, ceiling]: at least half the ceiling, for a wait the broker
 * asked for) and full jitter (drawn from [0, ceiling]: a fleet's reconnects to a restarted broker
 * spread over the whole interval instead of bunching in its second half; the least total work for
 * the broker, as AWS's "Exponential Backoff And Jitter" measured). Used by one thread at a time.
 */
public final class Backoff {
    private enum Jitter { NONE, HALF, FULL }

    private final long initialNanos;
    private final long maxNanos;
    private final Jitter jitter;
    private long nextNanos;

    private Backoff(Duration initial, Duration max, Jitter jitter) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.jitter = jitter;
        this.nextNanos = initialNanos;
    }

    /** Each delay drawn from [ceiling/2, ceiling]. */
    public static Backoff withJitter(Duration initial, Duration max) {
        return new Backoff(initial, max, Jitter.HALF);
    }

    /** Each delay drawn from [0, ceiling]. */
    public static Backoff fullJitter(Duration initial, Duration max) {
        return new Backoff(initial, max, Jitter.FULL);
    }

    public static Backoff exact(Duration initial, Duration max) {
        return new Backoff(initial, max, Jitter.NONE);
    }

    public long nextNanos() {
        long d = nextNanos;
        nextNanos = Math.min(maxNanos, nextNanos * 2);
        return switch (jitter) {
            case NONE -> d;
            case HALF -> d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
            case FULL -> ThreadLocalRandom.current().nextLong(d + 1);
        };
    }

    public long nextMillis() {
        return TimeUnit.NANOSECONDS.toMillis(nextNanos());
    }

    public void reset() {
        nextNanos = initialNanos;
    }
}
