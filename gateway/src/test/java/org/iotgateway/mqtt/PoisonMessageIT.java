package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.outbox.Loss;
import org.iotgateway.outbox.LossReason;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.stream.Aggregate;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * mosquitto's {@code max_packet_size} disconnects a client that sends a larger packet (any
 * protocol version; for v3.1.1 without a reason). The publisher resends from the lowest unacked
 * seq after every reconnect, so without a dead-letter table that message would block the queue
 * forever. (mosquitto's {@code message_size_limit} instead PUBACKs and silently drops the message:
 * nothing a publisher can detect under 3.1.1; gateway/docs/broker.md says so.)
 * <p>
 * Under MQTT 5 the broker states its maximum packet size in the CONNACK, so the publisher refuses
 * the message before sending it: dead-lettered as {@code packet-too-large} on the first connection.
 * Under 3.1.1 it learns only from the drops: dead-lettered after {@code dead-letter-after} of them.
 */
class PoisonMessageIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {MqttConfig.V5, MqttConfig.V311})
    void aMessageTheBrokerKeepsRefusingIsDeadLetteredAndTheQueueMovesOn(String version) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.create().withConfig("max_packet_size 2000").start();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/#")) {
            MqttConfig cfg = new MqttConfig(List.of(broker.uri()), null, null, null, null, null, 1, null,
                    Duration.ofSeconds(5), 20, null, 3, Duration.ofMillis(200)).withVersion(version);
            try (Outbox outbox = Outbox.open(new OutboxConfig(dir.resolve("outbox"), null, null), "gw-p");
                 MqttPublisher publisher = MqttPublisher.create(cfg, "gw-p", outbox)) {
                for (int i = 0; i < 10; i++) {
                    outbox.append("sensors/gw-p/env-1/temperature", Aggregates.temperature(i));
                }
                ChannelInfo huge = new ChannelInfo(0, "env-1", "temperature", "x".repeat(5000), 5000,
                        Aggregates.TEMPERATURE.aggregates());
                Aggregate t = Aggregates.temperature(10);
                long poison = outbox.append("sensors/gw-p/env-1/temperature", new Aggregate(huge, t.start(), t.end(),
                        t.count(), t.min(), t.max(), t.sum(), t.first(), t.last())).seq();
                for (int i = 11; i < 21; i++) {
                    outbox.append("sensors/gw-p/env-1/temperature", Aggregates.temperature(i));
                }
                publisher.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> outbox.stats().depth() == 0);
                assertThat(outbox.stats().deadLettered()).isEqualTo(1);
                assertThat(outbox.stats().acked()).isEqualTo(20);
                await().atMost(Duration.ofSeconds(10)).until(() -> sub.seqs().stream().distinct().count() >= 20);
                assertThat(sub.seqs()).doesNotContain(poison).contains(poison - 1, poison + 1);
                // The status topic reports it.
                await().atMost(Duration.ofSeconds(10)).until(() -> sub.messages("sensors/gw-p/status").stream()
                        .anyMatch(m -> m.payload().contains("\"dead-lettered\":1")));
                LossReason reason;
                if (version.equals(MqttConfig.V5)) {
                    // The CONNACK's limit did it, before the broker could drop the connection.
                    assertThat(publisher.stats().connects()).isEqualTo(1);
                    assertThat(publisher.stats().refused()).containsEntry("packet-too-large", 1L);
                    reason = LossReason.PACKET_TOO_LARGE;
                } else {
                    // It was the connection drops that did it: the publisher saw several connects.
                    assertThat(publisher.stats().connects()).isGreaterThanOrEqualTo(3);
                    reason = LossReason.DISCONNECTED_REPEATEDLY;
                }
                // The loss ledger names the gap and its reason, so a subscriber can match it.
                await().atMost(Duration.ofSeconds(5)).until(() -> !outbox.recordedLosses(10).isEmpty());
                assertThat(outbox.recordedLosses(10)).containsExactly(new Loss(poison, poison, reason, 1, outbox.boot()));
            }
        }
    }
}
