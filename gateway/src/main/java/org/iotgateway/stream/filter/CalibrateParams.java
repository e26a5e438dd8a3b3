package org.iotgateway.stream.filter;

import static org.iotgateway.driver.InvalidValueException.check;

/**
 * @param scale multiplier (default 1)
 * @param offset added after scaling (default 0)
 */
public record CalibrateParams(Double scale, Double offset) {
    public CalibrateParams {
        scale = scale == null ? 1.0 : scale;
        offset = offset == null ? 0.0 : offset;
        check(Double.isFinite(scale) && Double.isFinite(offset), null, "'scale' and 'offset' must be finite numbers");
    }
}
