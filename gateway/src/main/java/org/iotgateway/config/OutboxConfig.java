package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param path the H2 database file, without the {@code .mv.db} suffix (default {@code data/outbox});
 *             a plain path only: no {@code ;}, no URL options
 * @param maxBytes size limit of the store (default 64MB)
 * @param maxAge oldest aggregate kept while the broker is away (default 7d)
 */
public record OutboxConfig(Path path, DataSize maxBytes, Duration maxAge) {
    public OutboxConfig {
        path = path == null ? Path.of("data", "outbox") : path;
        String p = path.toString();
        check(!p.isBlank() && p.chars().noneMatch(c -> c == ';' || c == '=' || c < 0x20),
                "path", "'path' must be a plain file path (no ';', '=' or control characters), got '" + p + "'");
        maxBytes = maxBytes == null ? DataSize.parse("64MB") : maxBytes;
        check(maxBytes.bytes() >= 1_000_000, "max-bytes", "'max-bytes' must be at least 1MB");
        maxAge = maxAge == null ? Duration.ofDays(7) : maxAge;
        check(!maxAge.isNegative() && !maxAge.isZero(), "max-age", "'max-age' must be positive");
    }

    public static OutboxConfig defaults() {
        return new OutboxConfig(null, null, null);
    }
}
