package org.iotgateway.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotgateway.driver.SensorState;
import org.iotgateway.health.SensorStatus;
import org.iotgateway.mqtt.PublisherStats;
import org.iotgateway.outbox.Loss;
import org.iotgateway.outbox.LossHistory;
import org.iotgateway.outbox.LossReason;
import org.iotgateway.outbox.OutboxStats;
import org.iotgateway.stream.AggregateKind;
import org.iotgateway.stream.ChannelCounts;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.stream.StreamMetrics;

/** A pipeline whose every reading the test sets: two sensors, three channels. */
final class FakeSource implements StatusSource {
    final List<ChannelInfo> channels = List.of(
            new ChannelInfo(0, "env-1", "temperature", "°C", 1000, List.of(AggregateKind.MEAN)),
            new ChannelInfo(1, "env-1", "humidity", "%", 1000, List.of(AggregateKind.MEAN)),
            new ChannelInfo(2, "door-1", "open", "", 1000, List.of(AggregateKind.LAST)));
    final ChannelCounts[] counts = {new ChannelCounts(100, 2, 3, 1), new ChannelCounts(50, 0, 0, 0),
            new ChannelCounts(7, 0, 0, 0)};
    final long[] dropped = {4, 0, 0};
    volatile boolean alive = true;
    volatile StreamMetrics stream = new StreamMetrics(1, 12.5, 12.5, 3, 1024, 4, false, false, 0);
    volatile OutboxStats outbox = outbox(0, 0, 0, 0);
    volatile PublisherStats broker = new PublisherStats(true, 140, 0, 2, 0);
    final Map<String, SensorStatus> sensors = new LinkedHashMap<>(Map.of(
            "env-1", new SensorStatus(SensorState.OK, 1_000, false, null)));
    final Map<String, Long> rejects = new LinkedHashMap<>();

    FakeSource() {
        sensors.put("door-1", new SensorStatus(SensorState.DISCONNECTED, 0, true, "no such device"));
    }

    /**
     * Outbox counters: {@code appended} aggregates, {@code committed} of them, and the failure
     * counters; the file's ledger holds one power cut's gap of at most 54.
     */
    static OutboxStats outbox(long appended, long committed, long writeFailures, long queueFullDrops) {
        return new OutboxStats(appended, committed, 1, committed, writeFailures, queueFullDrops, appended - committed,
                -1, appended, 5, 6, 0, 8, 0, 0, 0, 1500, true, 0, 0, 0, new LossHistory(
                        Map.of(LossReason.POWER_CUT, 54L), List.of(new Loss(11, 64, LossReason.POWER_CUT, 54, 2))));
    }

    /**
     * The store unusable (disk full): {@code held} in memory, {@code publishedUnstored} sent from
     * memory and {@code lost} of what did not fit, none of them ever committed.
     */
    static OutboxStats outage(long appended, long committed, int held, long publishedUnstored, long lost) {
        return new OutboxStats(appended, committed, 1, committed, 1, 0, appended - committed - publishedUnstored - lost,
                -1, appended, 0, 0, 0, 0, 0, 0, 0, 1500, false, held, publishedUnstored, lost,
                org.iotgateway.outbox.LossHistory.NONE);
    }

    @Override
    public String gatewayId() {
        return "gw-test";
    }

    @Override
    public List<ChannelInfo> channels() {
        return channels;
    }

    @Override
    public ChannelCounts counts(int channel) {
        return counts[channel];
    }

    @Override
    public long dropped(int channel) {
        return dropped[channel];
    }

    @Override
    public StreamMetrics stream() {
        return stream;
    }

    @Override
    public boolean consumerAlive() {
        return alive;
    }

    @Override
    public Map<String, SensorStatus> sensors() {
        return sensors;
    }

    @Override
    public Map<String, Long> inputRejects() {
        return rejects;
    }

    @Override
    public OutboxStats outbox() {
        return outbox;
    }

    @Override
    public PublisherStats broker() {
        return broker;
    }
}
