package org.iotgateway.lint;

import java.time.Duration;
import java.util.Optional;
import org.iotgateway.config.ChannelConfig;
import org.iotgateway.config.FilterConfig;
import org.iotgateway.config.SensorConfig;
import org.iotgateway.driver.SampledParams;
import org.iotgateway.stream.filter.ThrottleParams;

/**
 * The longest time between two readings that reach a channel's window: the driver's sample
 * interval ({@link SampledParams}), or a {@code throttle} filter's interval when that is longer.
 * Unknown for drivers whose device sets the pace (serial).
 *
 * @param interval the time between readings
 * @param source what sets it, completing "its sample interval 10s (...)"
 */
record SampleInterval(Duration interval, String source) {

    static Optional<SampleInterval> of(SensorConfig sensor, ChannelConfig channel) {
        if (!(sensor.params() instanceof SampledParams sampled)) {
            return Optional.empty();
        }
        SampleInterval found = new SampleInterval(sampled.sampleInterval(channel.params()),
                "set by the " + sensor.driver() + " driver's params");
        for (FilterConfig f : channel.filters()) {
            if (f.params() instanceof ThrottleParams t && t.interval().compareTo(found.interval) > 0) {
                found = new SampleInterval(t.interval(), "set by its throttle filter");
            }
        }
        return Optional.of(found);
    }
}
