package org.iotgateway.stream.filter;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

import java.time.Duration;

/**
 * The {@code deadband} filter: passes a reading only if it differs from the last one passed by more
 * than {@code threshold}, or the last one passed is {@code heartbeat} old, so silence is never
 * mistaken for a dead sensor; the others are counted as {@code filtered}.
 *
 * @param threshold the change that lets a reading pass, in the channel's unit (range at least 0)
 * @param heartbeat a reading passes anyway when the last one passed is this old (default 60s;
 *        range at least 1ms)
 */
public record DeadbandParams(Double threshold, Duration heartbeat) {
    public DeadbandParams {
        required(threshold, "threshold");
        check(threshold >= 0 && Double.isFinite(threshold), "threshold", "'threshold' must be a finite number, at least 0");
        heartbeat = heartbeat == null ? Duration.ofSeconds(60) : heartbeat;
        check(heartbeat.toMillis() >= 1, "heartbeat", "'heartbeat' must be at least 1ms");
    }
}
