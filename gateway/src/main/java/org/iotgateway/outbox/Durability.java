package org.iotgateway.outbox;

import org.iotgateway.config.SyncMode;

/**
 * Decides, on the writer thread, when a CHECKPOINT is also an fsync ({@code CHECKPOINT SYNC}).
 * Every batch gets a CHECKPOINT, whatever the mode: it moves the commit from H2's memory into the
 * file (the OS page cache), which is what a SIGKILL cannot take away; only an fsync survives a
 * power cut.
 */
final class Durability {
    private final SyncMode mode;
    private final long intervalNanos;
    private long lastSync = System.nanoTime();
    private boolean unsynced;

    Durability(SyncMode mode, java.time.Duration interval) {
        this.mode = mode;
        this.intervalNanos = interval.toNanos();
    }

    /** A batch was just committed: should its checkpoint fsync? */
    boolean syncAfterCommit() {
        unsynced = true;
        return due();
    }

    /** Nothing to commit right now: should the writer fsync what earlier batches left unsynced? */
    boolean syncWhenIdle() {
        return unsynced && due();
    }

    /** With batches left unsynced under {@code interval}: how long until their fsync is due; else {@link Long#MAX_VALUE}. */
    long nanosUntilSync(long nowNanos) {
        if (!unsynced || mode != SyncMode.INTERVAL) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, lastSync + intervalNanos - nowNanos);
    }

    void synced() {
        unsynced = false;
        lastSync = System.nanoTime();
    }

    private boolean due() {
        return switch (mode) {
            case BATCH -> true;
            case INTERVAL -> System.nanoTime() - lastSync >= intervalNanos;
            case OS -> false;
        };
    }
}
