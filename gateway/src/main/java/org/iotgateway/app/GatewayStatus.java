package org.iotgateway.app;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.iotgateway.health.SensorHealth;
import org.iotgateway.health.SensorStatus;
import org.iotgateway.http.StatusSource;
import org.iotgateway.mqtt.MqttPublisher;
import org.iotgateway.mqtt.PublisherStats;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.outbox.OutboxStats;
import org.iotgateway.stream.ChannelCounts;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.stream.ReadingRing;
import org.iotgateway.stream.RejectCounter;
import org.iotgateway.stream.StreamConsumer;
import org.iotgateway.stream.StreamMetrics;

/**
 * One pipeline's parts, as the status page reads them; every call is a non-blocking snapshot. The
 * sensors' health and the publisher are looked up on each call: a reload may replace them.
 */
record GatewayStatus(String gatewayId, List<ChannelInfo> channels, ReadingRing ring, StreamConsumer consumer,
                     Supplier<SensorHealth> health, RejectCounter rejects, Outbox box, Supplier<MqttPublisher> publisher)
        implements StatusSource {
    @Override
    public ChannelCounts counts(int channel) {
        return consumer.counts(channel);
    }

    @Override
    public long dropped(int channel) {
        return ring.dropped(channel);
    }

    @Override
    public StreamMetrics stream() {
        return consumer.metrics();
    }

    @Override
    public boolean consumerAlive() {
        return consumer.alive();
    }

    @Override
    public Map<String, SensorStatus> sensors() {
        return health.get().snapshot();
    }

    @Override
    public Map<String, Long> inputRejects() {
        return rejects.snapshot();
    }

    @Override
    public OutboxStats outbox() {
        return box.stats();
    }

    @Override
    public PublisherStats broker() {
        return publisher.get().stats();
    }
}
