package org.iotgateway.driver.gpio;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

import java.time.Duration;
import org.iotgateway.driver.SampledParams;

/**
 * Sensor-level parameters of the {@code gpio-input} driver.
 *
 * @param pin BCM GPIO number (range 0–53)
 * @param pull bias resistor (default off)
 * @param debounce edges closer than this to the last accepted one are bounces; the level is re-read
 *        when the debounce window ends (default 20ms; range at most 10s)
 * @param heartbeat the level is also reported this often when it does not change (default 60s;
 *        range at least 100ms)
 * @param invert report 1 for a low pin (an active-low contact) (default false)
 * @param provider the pi4j provider, whose pi4j id is PROVIDER-digital-input; gpiod works on Pi 4 and
 *        Pi 5 (default gpiod)
 */
public record GpioInputParams(Integer pin, Pull pull, Duration debounce, Duration heartbeat, Boolean invert,
        String provider) implements SampledParams {
    public GpioInputParams {
        checkPin(required(pin, "pin"));
        pull = pull == null ? Pull.OFF : pull;
        debounce = checkDebounce(debounce == null ? Duration.ofMillis(20) : debounce);
        heartbeat = heartbeat == null ? Duration.ofSeconds(60) : heartbeat;
        check(heartbeat.toMillis() >= 100, "heartbeat", "'heartbeat' must be at least 100ms");
        invert = invert != null && invert;
        provider = checkProvider(provider);
    }

    /** A change is reported at once; a steady level at least once per heartbeat. */
    @Override
    public Duration sampleInterval(Record channelParams) {
        return heartbeat;
    }

    static void checkPin(int pin) {
        check(pin >= 0 && pin <= 53, "pin", "'pin' must be a BCM GPIO number 0–53, got " + pin);
    }

    static Duration checkDebounce(Duration d) {
        check(!d.isNegative() && d.toMillis() <= 10_000, "debounce", "'debounce' must be 0–10s");
        return d;
    }

    static String checkProvider(String provider) {
        String p = provider == null ? "gpiod" : provider;
        check(p.matches("[a-z0-9]+"), "provider", "'provider' must be a pi4j provider name such as gpiod");
        return p;
    }
}
