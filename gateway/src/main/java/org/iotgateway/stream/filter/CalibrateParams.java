package org.iotgateway.stream.filter;

import static org.iotgateway.driver.InvalidValueException.check;

import java.util.List;

/**
 * The {@code calibrate} filter: replaces each value v by {@code v * scale + offset}, or with
 * {@code polynomial} by {@code c0 + c1·v + c2·v² + ...}; give either {@code scale}/{@code offset} or
 * {@code polynomial}, not both. A result too large for a double is rejected.
 *
 * @param scale multiplier (default 1)
 * @param offset added after scaling (default 0)
 * @param polynomial coefficients c0, c1, c2, ... instead of {@code scale}/{@code offset}
 *        (default: none; range 1 to 10 coefficients)
 */
public record CalibrateParams(Double scale, Double offset, List<Double> polynomial) {
    public CalibrateParams {
        check(polynomial == null || scale == null && offset == null, "polynomial",
                "give either 'polynomial' or 'scale'/'offset', not both");
        scale = scale == null ? 1.0 : scale;
        offset = offset == null ? 0.0 : offset;
        check(Double.isFinite(scale) && Double.isFinite(offset), null, "'scale' and 'offset' must be finite numbers");
        polynomial = polynomial == null ? List.of(offset, scale) : List.copyOf(polynomial);
        check(!polynomial.isEmpty() && polynomial.size() <= 10, "polynomial", "'polynomial' needs 1 to 10 coefficients");
        check(polynomial.stream().allMatch(Double::isFinite), "polynomial", "'polynomial' coefficients must be finite");
    }

    public CalibrateParams(Double scale, Double offset) {
        this(scale, offset, null);
    }
}
