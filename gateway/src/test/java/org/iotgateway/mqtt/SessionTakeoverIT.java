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
 * connection when the newer one connects. The alarm must fire on both and neither may spin: without
 * a back-off the two would knock each other off twice a second forever. (A broker that names the
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
                // from connections closed right after being made, three times in a row, on BOTH sides.
                await().atMost(Duration.ofSeconds(60)).until(() -> first.stats().clientIdConflict()
                        && second.stats().clientIdConflict());
                for (MqttPublisher p : List.of(first, second)) {
                    assertThat(p.stats().takeovers()).isPositive();
                    assertThat(p.stats().lastDisconnect()).startsWith("suspected session takeover");
                }

                // From then on neither spins: each waits the takeover back-off (15 s at least) before
                // knocking the other off again.
                long before = first.stats().connects() + second.stats().connects();
                Thread.sleep(30_000);
                long during = first.stats().connects() + second.stats().connects() - before;
                assertThat(during).as("connects of both in 30 s").isLessThanOrEqualTo(4);
                assertThat(first.stats().connectFailures() + second.stats().connectFailures()).isZero();
                assertThat(first.stats().clientIdConflict() && second.stats().clientIdConflict()).isTrue();
            }
        }
    }
}
