package org.iotgateway.driver.gpio;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

import java.time.Duration;
import org.iotgateway.driver.SampledParams;

/**
 * Sensor-level parameters of the {@code gpio-counter} driver.
 *
 * @param pin BCM GPIO number (range 0–53)
 * @param pull bias resistor; S0 outputs and reed switches pull the pin low (default up)
 * @param edge which change is a pulse (default falling)
 * @param debounce edges closer than this to the last pulse are bounces (default 5ms; range at most 10s)
 * @param scale units per pulse, e.g. 0.2794 mm per rain-gauge tip, litres per pulse (default 1;
 *        range more than 0)
 * @param interval how often count and rate are reported (default 10s; range at least 100ms)
 * @param provider the pi4j provider, whose pi4j id is PROVIDER-digital-input (default gpiod)
 */
public record GpioCounterParams(Integer pin, Pull pull, Edge edge, Duration debounce, Double scale,
        Duration interval, String provider) implements SampledParams {
    public GpioCounterParams {
        GpioInputParams.checkPin(required(pin, "pin"));
        pull = pull == null ? Pull.UP : pull;
        edge = edge == null ? Edge.FALLING : edge;
        debounce = GpioInputParams.checkDebounce(debounce == null ? Duration.ofMillis(5) : debounce);
        scale = scale == null ? 1.0 : scale;
        check(Double.isFinite(scale) && scale > 0, "scale", "'scale' must be a positive number");
        interval = interval == null ? Duration.ofSeconds(10) : interval;
        check(interval.toMillis() >= 100, "interval", "'interval' must be at least 100ms");
        provider = GpioInputParams.checkProvider(provider);
    }

    /** Count and rate are reported once per interval. */
    @Override
    public Duration sampleInterval(Record channelParams) {
        return interval;
    }
}
