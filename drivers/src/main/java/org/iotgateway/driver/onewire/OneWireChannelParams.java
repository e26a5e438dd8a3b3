package org.iotgateway.driver.onewire;

import static org.iotgateway.driver.InvalidValueException.check;

/**
 * Channel-level parameters of the {@code ds18b20} driver.
 *
 * @param device the device id ({@code 28-0316a2797eff}), or {@code "*"} for every DS18B20 found on the
 *        bus, each reading offered separately (default: the channel id)
 */
public record OneWireChannelParams(String device) {
    public static final String ALL = "*";

    public OneWireChannelParams {
        check(device == null || device.equals(ALL) || device.matches("28-[0-9a-f]{12}"), "device",
                "'device' must be a DS18B20 id such as 28-0316a2797eff, or \"*\" for all found");
    }
}
