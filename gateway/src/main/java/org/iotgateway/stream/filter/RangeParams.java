package org.iotgateway.stream.filter;

import static org.iotgateway.driver.InvalidValueException.check;

/**
 * @param min smallest plausible value (default: no lower bound)
 * @param max largest plausible value (default: no upper bound)
 */
public record RangeParams(Double min, Double max) {
    public RangeParams {
        min = min == null ? Double.NEGATIVE_INFINITY : min;
        max = max == null ? Double.POSITIVE_INFINITY : max;
        check(min <= max, "min", "'min' (" + min + ") must not be above 'max' (" + max + ")");
    }
}
