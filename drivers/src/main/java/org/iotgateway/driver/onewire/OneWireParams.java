package org.iotgateway.driver.onewire;

import static org.iotgateway.driver.InvalidValueException.check;

import java.nio.file.Path;
import java.time.Duration;
import org.iotgateway.driver.SampledParams;

/**
 * Sensor-level parameters of the {@code ds18b20} driver.
 *
 * @param base the w1 bus directory; tests point it at a temporary tree (default {@code /sys/bus/w1/devices})
 * @param interval how often every device is read; one conversion takes up to 750 ms (default 10s;
 *        range at least 1s)
 */
public record OneWireParams(Path base, Duration interval) implements SampledParams {
    public OneWireParams {
        base = base == null ? Path.of("/sys/bus/w1/devices") : base;
        interval = interval == null ? Duration.ofSeconds(10) : interval;
        check(interval.toMillis() >= 1000, "interval", "'interval' must be at least 1s (a conversion takes 750 ms)");
    }

    @Override
    public Duration sampleInterval(Record channelParams) {
        return interval;
    }
}
