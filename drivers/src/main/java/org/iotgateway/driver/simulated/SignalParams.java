package org.iotgateway.driver.simulated;

import static org.iotgateway.driver.InvalidValueException.check;

import java.time.Duration;

/**
 * Channel-level parameters of the {@code simulated} driver: the signal it produces.
 *
 * @param shape the waveform (default sine)
 * @param base the centre value: the constant, the sine's middle, the walk's start (default 0)
 * @param amplitude sine amplitude, step height, noise standard deviation, walk step (default 1)
 * @param period sine or step period (default 60s; range positive)
 * @param rate readings per second for this channel only (default: the sensor's {@code rate};
 *        range more than 0, at most 100000)
 */
public record SignalParams(Shape shape, Double base, Double amplitude, Duration period, Double rate) {
    public SignalParams {
        shape = shape == null ? Shape.SINE : shape;
        base = base == null ? 0.0 : base;
        amplitude = amplitude == null ? 1.0 : amplitude;
        period = period == null ? Duration.ofSeconds(60) : period;
        check(!period.isNegative() && !period.isZero(), "period", "'period' must be positive");
        check(Double.isFinite(base) && Double.isFinite(amplitude), null, "'base' and 'amplitude' must be finite");
        if (rate != null) {
            SimulatedParams.checkRate(rate, "rate");
        }
    }

    public static SignalParams defaults() {
        return new SignalParams(null, null, null, null, null);
    }
}
