package org.iotgateway.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.wire.WireMessage;

/** The gateway half of an MQTT integration test: an outbox in a temp dir plus a started publisher. */
final class GatewaySide implements AutoCloseable {
    static final String GATEWAY = "gw-it";
    static final String TOPIC = "sensors/" + GATEWAY + "/env-1/temperature";

    final Outbox outbox;
    final MqttPublisher publisher;
    private long next;

    GatewaySide(Path dir, String brokerUri, int qos) {
        this(dir, brokerUri, qos, 20);
    }

    GatewaySide(Path dir, String brokerUri, int qos, int maxInflight) {
        MqttConfig cfg = new MqttConfig(List.of(brokerUri), null, null, null, null, qos, null,
                Duration.ofSeconds(5), maxInflight);
        outbox = Outbox.open(new OutboxConfig(dir.resolve("outbox"), null, null), GATEWAY);
        publisher = MqttPublisher.create(cfg, GATEWAY, outbox);
        publisher.start();
    }

    /** Appends one aggregate, as the stream consumer thread would. */
    WireMessage append() {
        return outbox.append(TOPIC, Aggregates.temperature(next++));
    }

    @Override
    public void close() {
        publisher.close();
        outbox.close();
    }
}
