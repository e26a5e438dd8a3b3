package org.iotgateway.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.mqtt.MqttPublisher;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.RabbitNode;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that speaks only MQTT 3.1.1: Debian's RabbitMQ 3.10 with its MQTT plugin closes an MQTT 5
 * CONNECT without a reply. With {@code mqtt.version: 5} (the default) both {@code check} and the
 * running gateway must say what to set; with {@code 3.1.1} both must work. One node for the class:
 * it takes 10-50 s to start.
 */
class RabbitMqIT {
    @TempDir
    static Path base;
    static RabbitNode node;
    @TempDir
    Path dir;

    @BeforeAll
    static void startNode() {
        assertThat(RabbitNode.installed()).as("rabbitmq-server is not installed; scripts/test.sh installs it").isTrue();
        node = RabbitNode.create(base, "mqtt5it").start();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private Path config(String version) throws Exception {
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(f, """
                gateway: {id: gw-rb}
                mqtt:
                  broker: %s
                  version: %s
                outbox: {path: %s}
                sensors:
                  - id: env
                    driver: simulated
                    channels:
                      - id: temperature
                """.formatted(node.mqttUri(), version, dir.resolve("outbox")));
        return f;
    }

    @Test
    void checkWithMqtt5SaysToSetVersion311() throws Exception {
        GatewayProcess p = GatewayProcess.run(dir, "check", "--config", config("5").toString());
        assertThat(p.exitValue()).as(p.allOutput()).isEqualTo(1);
        assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("FAIL  broker " + node.mqttUri())
                .contains("closed the MQTT 5 connection without answering"));
        assertThat(p.stdout()).contains("      fix: set mqtt.version: 3.1.1");
    }

    @Test
    void checkWithMqtt311Passes() throws Exception {
        GatewayProcess p = GatewayProcess.run(dir, "check", "--config", config("3.1.1").toString());
        assertThat(p.exitValue()).as(p.allOutput()).isZero();
        assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("ok    topic sensors/gw-rb/env/temperature")
                .contains("the probe came back"));
    }

    @Test
    void theGatewayWithMqtt5LogsWhatToSet() throws Exception {
        try (GatewayProcess p = GatewayProcess.start(dir, "run", "--config", config("5").toString())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> p.allOutput().contains("set mqtt.version: 3.1.1"));
        }
    }

    @Test
    void theGatewayWithMqtt311Delivers() throws Exception {
        MqttConfig cfg = new MqttConfig(List.of(node.mqttUri()), null, null, null, null, null, 1, null, null, 10, null,
                null, Duration.ofMillis(500)).withVersion(MqttConfig.V311);
        try (TestSubscriber sub = TestSubscriber.subscribe(node.mqttUri(), "sensors/#");
             Outbox outbox = Outbox.open(new OutboxConfig(dir.resolve("outbox"), null, null), "gw-rb");
             MqttPublisher publisher = MqttPublisher.create(cfg, "gw-rb", outbox)) {
            for (int i = 0; i < 20; i++) {
                outbox.append("sensors/gw-rb/env-1/temperature", Aggregates.temperature(i));
            }
            publisher.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> outbox.stats().depth() == 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> sub.seqs().stream().distinct().count() == 20);
            assertThat(publisher.stats().protocol()).isEqualTo("3.1.1");
        }
    }
}
