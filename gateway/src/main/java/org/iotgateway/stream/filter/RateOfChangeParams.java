package org.iotgateway.stream.filter;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

/**
 * The {@code rate-of-change} filter: rejects a value that changed faster than
 * {@code max-per-second} from the previous reading (a spike costs at most two readings).
 *
 * @param maxPerSecond the largest plausible change per second, in the channel's unit (range more than 0)
 */
public record RateOfChangeParams(Double maxPerSecond) {
    public RateOfChangeParams {
        required(maxPerSecond, "max-per-second");
        check(maxPerSecond > 0 && Double.isFinite(maxPerSecond), "max-per-second", "'max-per-second' must be a positive number");
    }
}
