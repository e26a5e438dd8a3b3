package org.iotgateway.driver.i2c;

import static org.iotgateway.driver.InvalidValueException.check;

import java.time.Duration;
import org.iotgateway.driver.SampledParams;

/**
 * Sensor-level parameters of the {@code bme280} driver.
 *
 * @param bus I²C bus number: 1 is {@code /dev/i2c-1}, pins 3 and 5 on a Pi (default 1; range 0–255)
 * @param address the chip's address: 0x76 with SDO to GND, 0x77 with SDO to VDDIO; YAML takes 0x76 as
 *        text or as 118 (default "0x76"; range 0x76 or 0x77)
 * @param mode {@code forced}: one measurement per poll, then sleep (least power); {@code normal}: free
 *        running, standby 1 s (default forced)
 * @param oversampling oversampling of temperature, pressure and humidity alike (default 1;
 *        range 1, 2, 4, 8 or 16)
 * @param interval how often it is read (default 10s; range at least 100ms)
 * @param provider the pi4j I²C provider, whose pi4j id is PROVIDER-i2c (default linuxfs)
 */
public record Bme280Params(Integer bus, String address, Bme280Mode mode, Integer oversampling, Duration interval,
        String provider) implements SampledParams {
    public Bme280Params {
        bus = bus == null ? 1 : bus;
        check(bus >= 0 && bus <= 255, "bus", "'bus' must be 0–255");
        address = address == null ? "0x76" : address.trim().toLowerCase(java.util.Locale.ROOT);
        check(address.equals("0x76") || address.equals("0x77") || address.equals("118") || address.equals("119"),
                "address", "'address' must be 0x76 or 0x77 (the BME280's two addresses)");
        mode = mode == null ? Bme280Mode.FORCED : mode;
        oversampling = oversampling == null ? 1 : oversampling;
        check(Integer.bitCount(oversampling) == 1 && oversampling <= 16, "oversampling",
                "'oversampling' must be 1, 2, 4, 8 or 16");
        interval = interval == null ? Duration.ofSeconds(10) : interval;
        check(interval.toMillis() >= 100, "interval", "'interval' must be at least 100ms");
        provider = provider == null ? "linuxfs" : provider;
        check(provider.matches("[a-z0-9]+"), "provider", "'provider' must be a pi4j provider name such as linuxfs");
    }

    @Override
    public Duration sampleInterval(Record channelParams) {
        return interval;
    }

    int addressValue() {
        return address.startsWith("0x") ? Integer.parseInt(address.substring(2), 16) : Integer.parseInt(address);
    }

    /** The datasheet's osrs code: 1x → 001 … 16x → 101. */
    int osrs() {
        return Integer.numberOfTrailingZeros(oversampling) + 1;
    }
}
