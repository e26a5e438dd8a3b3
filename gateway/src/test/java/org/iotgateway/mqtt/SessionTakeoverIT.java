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
 * Two gateways with one client id (a cloned SD card) on a real mosquitto, which closes the older
 * connection when the newer one connects. The alarm must fire and neither may spin: without a
 * back-off the two would knock each other off twice a second forever. (A broker that names the
 * takeover with DISCONNECT 0x8E: {@code ScriptedRefusalIT}.)
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
                // mosquitto 2.0.11 closes the older connection without a 0x8E DISCONNECT: the alarm comes
                // from connections closed within a second of each of three connects in a row.
                await().atMost(Duration.ofSeconds(20)).until(() -> first.stats().takeovers()
                        + second.stats().takeovers() >= 1);
                MqttPublisher alarmed = first.stats().takeovers() > 0 ? first : second;
                assertThat(alarmed.stats().lastDisconnect()).startsWith("suspected session takeover");

                // From then on neither spins: reconnects back off while connections stay this short.
                long before = first.stats().connects() + second.stats().connects();
                Thread.sleep(20_000);
                long during = first.stats().connects() + second.stats().connects() - before;
                assertThat(during).as("connects of both in 20 s").isLessThanOrEqualTo(8);
                assertThat(first.stats().connectFailures() + second.stats().connectFailures()).isZero();
            }
        }
    }
}
