package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;

/**
 * @param capacity ring buffer slots, a power of two (default 65536)
 * @param overflow what happens to a reading when the buffer is full (default drop-newest)
 */
public record StreamConfig(Integer capacity, OverflowPolicy overflow) {
    public StreamConfig {
        capacity = capacity == null ? 65_536 : capacity;
        check(capacity >= 16 && capacity <= (1 << 24) && Integer.bitCount(capacity) == 1, "capacity",
                "'capacity' must be a power of two between 16 and 16777216, got " + capacity);
        overflow = overflow == null ? OverflowPolicy.DROP_NEWEST : overflow;
    }

    public static StreamConfig defaults() {
        return new StreamConfig(null, null);
    }
}
