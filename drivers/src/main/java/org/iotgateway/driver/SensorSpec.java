package org.iotgateway.driver;

import java.util.List;

/**
 * Everything a driver needs to be created: its sensor id, its parameters and its channels.
 *
 * @param sensorId the sensor id from the config ({@code env-1})
 * @param params the driver's sensor-level parameters, bound and validated from the sensor's {@code params}
 * @param channels the channels, in config order
 */
public record SensorSpec<S, C>(String sensorId, S params, List<ChannelSpec<C>> channels) {
    public SensorSpec {
        channels = List.copyOf(channels);
    }
}
