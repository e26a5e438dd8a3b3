package org.iotgateway.stream.filter;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

import java.time.Duration;

/** @param interval at most one reading passes per this interval (acquisition time) */
public record ThrottleParams(Duration interval) {
    public ThrottleParams {
        required(interval, "interval");
        check(interval.toMillis() >= 1, "interval", "'interval' must be at least 1ms");
    }
}
