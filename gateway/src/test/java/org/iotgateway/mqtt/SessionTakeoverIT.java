package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways with one client id (a cloned SD card): the broker disconnects the first with 0x8E
 * when the second connects. The first must raise the alarm (counted, its last DISCONNECT named) and
 * back off instead of taking the session straight back, so the two do not knock each other off
 * about once a second forever (what RabbitMQ clients with one id do, LIBRARY-NOTES).
 */
class SessionTakeoverIT {
    @TempDir
    Path dir;

    @Test
    void aTakenOverSessionRaisesTheAlarmAndNeitherGatewaySpins() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.started()) {
            MqttConfig cfg = new MqttConfig(List.of(broker.uri()), "cloned-sd-card", null, null, null, null, 1, null,
                    Duration.ofSeconds(5), 10, null, null, Duration.ofSeconds(1));
            try (Outbox a = Outbox.open(new OutboxConfig(dir.resolve("a"), null, null), "gw-a");
                 Outbox b = Outbox.open(new OutboxConfig(dir.resolve("b"), null, null), "gw-b");
                 MqttPublisher first = MqttPublisher.create(cfg, "gw-a", a);
                 MqttPublisher second = MqttPublisher.create(cfg, "gw-b", b)) {
                first.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> first.stats().connected());
                second.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> first.stats().takeovers() == 1);
                assertThat(first.stats().lastDisconnect()).startsWith("0x8E session taken over");
                assertThat(second.stats().connected()).isTrue();

                // 20 s on: the first waits at least 15 s before it takes the session back (and then the
                // second backs off in turn), so each connects at most twice in all.
                Thread.sleep(20_000);
                long connects = first.stats().connects() + second.stats().connects();
                assertThat(first.stats().connects()).as("first").isLessThanOrEqualTo(2);
                assertThat(second.stats().connects()).as("second").isLessThanOrEqualTo(2);
                assertThat(connects).isLessThanOrEqualTo(4);
                assertThat(first.stats().connectFailures() + second.stats().connectFailures()).isZero();
            }
        }
    }
}
