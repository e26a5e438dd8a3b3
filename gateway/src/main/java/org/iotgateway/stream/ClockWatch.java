package org.iotgateway.stream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the wall clock against the monotonic clock, on the consumer thread: a Pi without an RTC
 * boots with a stale time and jumps when NTP syncs. A jump is a difference of more than a second
 * between how far the wall clock and the monotonic clock moved since the last check; each one is
 * logged. Also tells whether the clock is synchronised: where {@code /run/systemd/timesync} exists
 * (systemd-timesyncd), the clock counts as unsynchronised until its {@code synchronized} file exists;
 * elsewhere it counts as synchronised (nothing to tell).
 */
public final class ClockWatch {
    /** The flag file of systemd-timesyncd. */
    public static final Path SYSTEMD_SYNC_FILE = Path.of("/run/systemd/timesync/synchronized");
    static final long JUMP_THRESHOLD_MILLIS = 1_000;
    private static final long SYNC_CHECK_NANOS = 1_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ClockWatch.class);

    private final LongSupplier wallMillis;
    private final LongSupplier monoNanos;
    private final Path syncFile;
    private long lastWall;
    private long lastMono;
    private long lastSyncCheck;
    private boolean unsynced;
    private long jumps;

    public ClockWatch(LongSupplier wallMillis, LongSupplier monoNanos, Path syncFile) {
        this.wallMillis = wallMillis;
        this.monoNanos = monoNanos;
        this.syncFile = syncFile;
        this.lastWall = wallMillis.getAsLong();
        this.lastMono = monoNanos.getAsLong();
        this.lastSyncCheck = lastMono - SYNC_CHECK_NANOS;
        checkSync(lastMono);
    }

    /** The system clocks and the systemd flag file. */
    public static ClockWatch system() {
        return new ClockWatch(System::currentTimeMillis, System::nanoTime, SYSTEMD_SYNC_FILE);
    }

    /** The wall clock now, as sampled by the last {@link #check()}. */
    public long wallMillis() {
        return lastWall;
    }

    /**
     * Samples both clocks; returns how far the wall clock jumped since the last call (positive:
     * forward, negative: back) when that exceeds a second, else 0.
     */
    public long check() {
        long wall = wallMillis.getAsLong();
        long mono = monoNanos.getAsLong();
        long drift = (wall - lastWall) - (mono - lastMono) / 1_000_000;
        lastWall = wall;
        lastMono = mono;
        checkSync(mono);
        if (Math.abs(drift) <= JUMP_THRESHOLD_MILLIS) {
            return 0;
        }
        jumps++;
        LOG.warn("wall clock jumped {} by {} ms (now {}); {}", drift > 0 ? "forward" : "back", Math.abs(drift),
                java.time.Instant.ofEpochMilli(wall), drift > 0
                        ? "open windows close now; new readings go into windows of the new time"
                        : "open windows are closed now and windows restart at the new time");
        return drift;
    }

    public boolean unsynced() {
        return unsynced;
    }

    public long jumps() {
        return jumps;
    }

    private void checkSync(long mono) {
        if (mono - lastSyncCheck < SYNC_CHECK_NANOS) {
            return;
        }
        lastSyncCheck = mono;
        Path dir = syncFile.getParent();
        boolean now = dir != null && Files.isDirectory(dir) && !Files.exists(syncFile);
        if (now != unsynced) {
            LOG.info(now ? "system clock is not synchronised ({} missing): aggregates are flagged \"clock\":\"unsynced\""
                    : "system clock is synchronised ({})", syncFile);
        }
        unsynced = now;
    }
}
