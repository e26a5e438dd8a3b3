package org.iotgateway.http;

import java.util.List;
import java.util.Map;
import org.iotgateway.health.SensorStatus;
import org.iotgateway.mqtt.PublisherStats;
import org.iotgateway.outbox.OutboxStats;
import org.iotgateway.stream.ChannelCounts;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.stream.StreamMetrics;

/**
 * What the status page shows, read from the running pipeline. Every method is called from the
 * HTTP server's threads, must be safe there and must not block (snapshots and counters only).
 */
public interface StatusSource {
    String gatewayId();

    /** The channels, where {@code channels().get(i).id() == i}; fixed for the server's life. */
    List<ChannelInfo> channels();

    /** Readings of a channel that reached the engine, and what became of them (about a second old). */
    ChannelCounts counts(int channel);

    /** Readings of a channel dropped because the ring was full. */
    long dropped(int channel);

    /** Rates, ring occupancy, the overload flag (about a second old). */
    StreamMetrics stream();

    /** The stream consumer thread runs and is not stuck. */
    boolean consumerAlive();

    /** Sensor id to status, in config order. */
    Map<String, SensorStatus> sensors();

    /** {@code sensor/reason} to count: input a driver could not turn into a reading. */
    Map<String, Long> inputRejects();

    OutboxStats outbox();

    PublisherStats broker();
}
