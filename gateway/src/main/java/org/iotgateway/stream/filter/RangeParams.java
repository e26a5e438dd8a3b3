package org.iotgateway.stream.filter;

import static org.iotgateway.driver.InvalidValueException.check;

/**
 * The {@code range} filter: rejects readings outside {@code [min, max]} as implausible.
 *
 * @param min smallest plausible value (default: no lower bound)
 * @param max largest plausible value; not below {@code min} (default: no upper bound)
 */
public record RangeParams(Double min, Double max) {
    public RangeParams {
        min = min == null ? Double.NEGATIVE_INFINITY : min;
        max = max == null ? Double.POSITIVE_INFINITY : max;
        check(min <= max, "min", "'min' (" + min + ") must not be above 'max' (" + max + ")");
    }
}
