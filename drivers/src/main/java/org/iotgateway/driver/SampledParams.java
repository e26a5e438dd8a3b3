package org.iotgateway.driver;

import java.time.Duration;

/**
 * Implemented by a driver's sensor-level params record when the parameters fix how often each
 * channel gets a reading (a poll interval, a rate, a heartbeat). {@code validate} uses it to warn
 * about windows shorter than that. Pure; called on the loading thread.
 */
public interface SampledParams {
    /**
     * The longest time between two readings of a working channel.
     *
     * @param channelParams the channel's params record (this driver's channel type), or null
     */
    Duration sampleInterval(Record channelParams);
}
