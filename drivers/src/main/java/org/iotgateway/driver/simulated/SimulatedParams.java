package org.iotgateway.driver.simulated;

import static org.iotgateway.driver.InvalidValueException.check;

import java.time.Duration;
import org.iotgateway.driver.SampledParams;

/**
 * Sensor-level parameters of the {@code simulated} driver.
 *
 * @param rate readings per second per channel (default 1; range more than 0, at most 100000)
 * @param seed seed of the random shapes, so a demo or a benchmark can be repeated (default 1)
 */
public record SimulatedParams(Double rate, Long seed) implements SampledParams {
    public static final double MAX_RATE = 100_000;

    public SimulatedParams {
        rate = rate == null ? 1.0 : rate;
        seed = seed == null ? 1L : seed;
        checkRate(rate, "rate");
    }

    /** A channel's readings per second: its own {@code rate} if it sets one, else the sensor's. */
    double rateOf(SignalParams signal) {
        return signal != null && signal.rate() != null ? signal.rate() : rate;
    }

    @Override
    public Duration sampleInterval(Record channelParams) {
        return Duration.ofNanos(Math.round(1e9 / rateOf((SignalParams) channelParams)));
    }

    static void checkRate(double rate, String key) {
        check(rate > 0 && rate <= MAX_RATE, key,
                "'" + key + "' must be more than 0 and at most " + (long) MAX_RATE + " readings/s, got " + rate);
    }
}
