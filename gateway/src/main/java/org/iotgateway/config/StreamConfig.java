package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;

import java.time.Duration;

/**
 * @param capacity ring buffer slots (default 65536; range a power of two, 16–16777216)
 * @param overflow what happens to a reading when the buffer is full; dropped readings are counted per
 *        channel ({@code drop-oldest} is not offered: only the consumer may free a slot, so a producer
 *        cannot evict the oldest reading without racing it) (default drop-newest)
 * @param blockTimeout with {@code overflow: block}, the longest a driver waits for a free slot before
 *        the reading is dropped (default 10ms; range at most 10s)
 */
public record StreamConfig(Integer capacity, OverflowPolicy overflow, Duration blockTimeout) {
    public StreamConfig {
        capacity = capacity == null ? 65_536 : capacity;
        check(capacity >= 16 && capacity <= (1 << 24) && Integer.bitCount(capacity) == 1, "capacity",
                "'capacity' must be a power of two between 16 and 16777216, got " + capacity);
        overflow = overflow == null ? OverflowPolicy.DROP_NEWEST : overflow;
        blockTimeout = blockTimeout == null ? Duration.ofMillis(10) : blockTimeout;
        check(blockTimeout.toMillis() >= 0 && blockTimeout.compareTo(Duration.ofSeconds(10)) <= 0, "block-timeout",
                "'block-timeout' must be at most 10s");
    }

    public StreamConfig(Integer capacity, OverflowPolicy overflow) {
        this(capacity, overflow, null);
    }

    public static StreamConfig defaults() {
        return new StreamConfig(null, null, null);
    }
}
