package org.iotgateway.stream.filter;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

import java.time.Duration;

/**
 * @param threshold a reading passes when it differs from the last one passed by more than this
 * @param heartbeat a reading passes anyway when the last one passed is this old (default 60s), so
 *        silence is never mistaken for a dead sensor
 */
public record DeadbandParams(Double threshold, Duration heartbeat) {
    public DeadbandParams {
        required(threshold, "threshold");
        check(threshold >= 0 && Double.isFinite(threshold), "threshold", "'threshold' must be a finite number, at least 0");
        heartbeat = heartbeat == null ? Duration.ofSeconds(60) : heartbeat;
        check(heartbeat.toMillis() >= 1, "heartbeat", "'heartbeat' must be at least 1ms");
    }
}
