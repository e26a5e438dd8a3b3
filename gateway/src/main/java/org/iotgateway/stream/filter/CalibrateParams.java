package org.iotgateway.stream.filter;

import static org.iotgateway.driver.InvalidValueException.check;

import java.util.List;

/**
 * Either {@code scale}/{@code offset} or {@code polynomial}, not both.
 *
 * @param scale multiplier (default 1)
 * @param offset added after scaling (default 0)
 * @param polynomial coefficients c0, c1, c2, ...: the value becomes c0 + c1·v + c2·v² + ...
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
