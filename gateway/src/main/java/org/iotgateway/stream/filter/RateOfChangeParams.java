package org.iotgateway.stream.filter;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

/** @param maxPerSecond the largest plausible change per second, in the channel's unit */
public record RateOfChangeParams(Double maxPerSecond) {
    public RateOfChangeParams {
        required(maxPerSecond, "max-per-second");
        check(maxPerSecond > 0 && Double.isFinite(maxPerSecond), "max-per-second", "'max-per-second' must be a positive number");
    }
}
