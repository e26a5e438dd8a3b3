package org.iotgateway.stream.filter;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

import java.time.Duration;

/**
 * The {@code throttle} filter: passes at most one reading per {@code interval} of acquisition
 * time; the others are counted as {@code filtered}.
 *
 * @param interval at most one reading passes per this interval (range at least 1ms)
 */
public record ThrottleParams(Duration interval) {
    public ThrottleParams {
        required(interval, "interval");
        check(interval.toMillis() >= 1, "interval", "'interval' must be at least 1ms");
    }
}
