package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.SensorSpec;

/**
 * @param id sensor id, part of the topic
 * @param driver a name from the driver catalog ({@code simulated})
 * @param params the driver's sensor-level parameters, bound into the driver's own record
 * @param channels at least one channel
 * @param staleAfter silence after which the sensor's status raises a stale alarm (default: never)
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
