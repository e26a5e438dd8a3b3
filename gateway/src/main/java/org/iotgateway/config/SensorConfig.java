package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.SensorSpec;

/**
 * @param id sensor id, part of the topic: letters, digits, {@code .}, {@code _}, {@code -}
 * @param driver a driver from the catalog
 * @param params the driver's sensor-level parameters (default: the driver's defaults)
 * @param channels at least one channel; channel ids unique within the sensor
 * @param staleAfter silence (no reading) after which the sensor's status shows a stale alarm, logged
 *        once; cleared when readings return (default: never; range at least 1s)
 */
public record SensorConfig(String id, String driver, Record params, List<ChannelConfig> channels,
        Duration staleAfter) {
    public SensorConfig {
        required(id, "id");
        Ids.checkId(id, "id");
        required(driver, "driver");
        channels = List.copyOf(required(channels, "channels"));
        check(!channels.isEmpty(), "channels", "'channels' needs at least one channel");
        check(staleAfter == null || staleAfter.toMillis() >= 1000, "stale-after", "'stale-after' must be at least 1s");
    }

    public SensorConfig(String id, String driver, Record params, List<ChannelConfig> channels) {
        this(id, driver, params, channels, null);
    }

    /** What its driver is made from (and {@code check} looks at): the params, the channels numbered 0..n-1 in order. */
    public SensorSpec<Record, Record> spec() {
        List<ChannelSpec<Record>> specs = new ArrayList<>();
        for (ChannelConfig c : channels) {
            specs.add(new ChannelSpec<>(specs.size(), c.id(), c.params()));
        }
        return new SensorSpec<>(id, params, specs);
    }
}
