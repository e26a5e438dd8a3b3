package org.iotgateway.stream.filter;

import static org.iotgateway.driver.InvalidValueException.check;

/**
 * The {@code median} filter: replaces each value by the median of the last {@code window} values
 * (itself included).
 *
 * @param window how many of the latest readings the filter looks at (default 5; range 1–1001)
 */
public record WindowParams(Integer window) {
    public WindowParams {
        window = window == null ? 5 : window;
        check(window >= 1 && window <= 1001, "window", "'window' must be between 1 and 1001, got " + window);
    }
}
