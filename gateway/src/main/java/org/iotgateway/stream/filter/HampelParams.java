package org.iotgateway.stream.filter;

import static org.iotgateway.driver.InvalidValueException.check;

/**
 * The {@code hampel} filter: rejects a value further than k·1.4826·MAD from the median of the
 * {@code window} readings before it (MAD: median absolute deviation). Every value joins the
 * reference, so a real level shift passes after about window/2 readings.
 *
 * @param window how many preceding readings form the reference (default 7; range 3–1001)
 * @param k how many scaled MADs from the median make an outlier (default 3; range more than 0)
 */
public record HampelParams(Integer window, Double k) {
    public HampelParams {
        window = window == null ? 7 : window;
        check(window >= 3 && window <= 1001, "window", "'window' must be between 3 and 1001, got " + window);
        k = k == null ? 3.0 : k;
        check(k > 0 && Double.isFinite(k), "k", "'k' must be a positive number");
    }
}
