package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param path the H2 database file, without the {@code .mv.db} suffix; a plain path (no {@code ;},
 *        {@code =} or control characters), so no JDBC URL options (default {@code data/outbox})
 * @param maxBytes size limit of the H2 file; stored aggregates are kept under half of it (the rest is
 *        H2's headroom for old chunks), and the file is compacted when it reaches three quarters
 *        (default 64MB; range at least 1MB)
 * @param maxAge oldest aggregate kept while the broker is away, counted in gateway running time, not
 *        wall-clock time (default 7d; range positive)
 * @param fullPolicy what happens when the outbox is full; either way counted and reported
 *        (default drop-oldest)
 * @param sync when committed aggregates are forced to the disk (fsync); see the delivery guarantees
 *        (default interval)
 * @param syncInterval the longest time between two fsyncs under {@code sync: interval}
 *        (default 1s; range 10ms–1h)
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
