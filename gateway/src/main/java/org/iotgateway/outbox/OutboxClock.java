package org.iotgateway.outbox;

/**
 * The outbox's notion of time, in milliseconds: monotonic while the process runs (System.nanoTime)
 * and resumed at start from the newest time stored, so it never goes backwards across restarts and
 * ignores wall-clock jumps (a Pi without RTC boots with a stale clock, then NTP jumps it). It does
 * not advance while the gateway is off: {@code max-age} counts gateway running time, so a device
 * powered off for a week does not throw its backlog away at boot. Thread-safe, never blocks.
 */
final class OutboxClock {
    private final long base;
    private final long nanoAtStart;

    OutboxClock(long resumeFrom) {
        this.base = resumeFrom;
        this.nanoAtStart = System.nanoTime();
    }

    long now() {
        return base + (System.nanoTime() - nanoAtStart) / 1_000_000L;
    }
}
