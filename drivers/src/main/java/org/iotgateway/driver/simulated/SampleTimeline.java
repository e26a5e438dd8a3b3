package org.iotgateway.driver.simulated;

import java.util.function.LongSupplier;

/**
 * Where a steady sampler's readings fall on the wall clock: reading times are kept on the
 * monotonic clock (so their spacing is exact, whatever the scheduler does), and mapped to the wall
 * clock through an offset that follows the wall clock when it is stepped (NTP on a Pi without an
 * RTC sets it days forward; an admin sets it back). A reading is thus stamped with the wall-clock
 * time of its acquisition, like a hardware driver's, and a clock step never leaves a sensor's
 * readings behind the watermark (late) or far ahead of it.
 *
 * <p>One thread (the driver's): {@link #follow} once per wake-up, before stamping.
 */
final class SampleTimeline {
    /**
     * A step is a difference larger than this between the wall clock and where the timeline puts
     * now: below the engine's 500 ms watermark delay, so an unfollowed difference never makes a
     * reading late, and far above the microseconds between reading the two clocks.
     */
    static final long STEP_MILLIS = 100;

    private final LongSupplier wallMillis;
    private final LongSupplier monoNanos;
    private final long startNanos;
    /** Wall-clock time of the timeline's origin (the start, unless the clock was stepped since). */
    private long originMillis;
    private long steps;

    SampleTimeline(LongSupplier wallMillis, LongSupplier monoNanos) {
        this.wallMillis = wallMillis;
        this.monoNanos = monoNanos;
        this.startNanos = monoNanos.getAsLong();
        this.originMillis = wallMillis.getAsLong();
    }

    /**
     * Seconds since the start on the monotonic clock; first moves the origin by any step of the
     * wall clock since the last call, so that readings stamped from now on carry the new time.
     */
    double follow() {
        long elapsedNanos = monoNanos.getAsLong() - startNanos;
        long wall = wallMillis.getAsLong();
        long drift = wall - (originMillis + elapsedNanos / 1_000_000);
        if (Math.abs(drift) > STEP_MILLIS) {
            originMillis += drift;
            steps++;
        }
        return elapsedNanos / 1e9;
    }

    /** The wall-clock stamp of the reading taken {@code millisSinceStart} after the start. */
    long stamp(long millisSinceStart) {
        return originMillis + millisSinceStart;
    }

    /** Steps followed so far. */
    long steps() {
        return steps;
    }
}
