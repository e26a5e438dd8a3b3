package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param path the H2 database file, without the {@code .mv.db} suffix (default {@code data/outbox});
 *             a plain path only: no {@code ;}, no URL options
 * @param maxBytes size limit of the store file (default 64MB); stored aggregates are kept below half
 *                 of it, the rest is headroom for H2's retained old chunks, and the file is
 *                 compacted when it reaches three quarters
 * @param maxAge oldest aggregate kept while the broker is away (default 7d), counted in gateway
 *               running time, not wall-clock time
 * @param fullPolicy what happens when the store is full (default drop-oldest)
 * @param sync when committed aggregates are forced to the disk (default interval)
 * @param syncInterval the longest time between two fsyncs under {@code sync: interval} (default 1s)
 */
public record OutboxConfig(Path path, DataSize maxBytes, Duration maxAge, FullPolicy fullPolicy, SyncMode sync,
                           Duration syncInterval) {
    public OutboxConfig {
        path = path == null ? Path.of("data", "outbox") : path;
        String p = path.toString();
        check(!p.isBlank() && p.chars().noneMatch(c -> c == ';' || c == '=' || c < 0x20),
                "path", "'path' must be a plain file path (no ';', '=' or control characters), got '" + p + "'");
        maxBytes = maxBytes == null ? DataSize.parse("64MB") : maxBytes;
        check(maxBytes.bytes() >= 1_000_000, "max-bytes", "'max-bytes' must be at least 1MB");
        maxAge = maxAge == null ? Duration.ofDays(7) : maxAge;
        check(!maxAge.isNegative() && !maxAge.isZero(), "max-age", "'max-age' must be positive");
        fullPolicy = fullPolicy == null ? FullPolicy.DROP_OLDEST : fullPolicy;
        sync = sync == null ? SyncMode.INTERVAL : sync;
        syncInterval = syncInterval == null ? Duration.ofSeconds(1) : syncInterval;
        check(syncInterval.toMillis() >= 10 && syncInterval.toSeconds() <= 3600, "sync-interval",
                "'sync-interval' must be between 10ms and 1h");
    }

    public OutboxConfig(Path path, DataSize maxBytes, Duration maxAge) {
        this(path, maxBytes, maxAge, null, null, null);
    }

    public static OutboxConfig defaults() {
        return new OutboxConfig(null, null, null);
    }
}
