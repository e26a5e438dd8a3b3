package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.outbox.Loss;
import org.iotgateway.outbox.LossReason;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that will not take some of the gateway's messages, under MQTT 5 and 3.1.1: an ACL that
 * denies one of two topics (PUBACK 0x87 under 5) and a {@code message_size_limit} (PUBACK 0x83).
 * The books must balance: every aggregate handed to the outbox is received by a subscriber or
 * refused, counted by reason and recorded in the loss ledger, and nothing refused counts as
 * published. Under 3.1.1 the broker acknowledges what it drops: the limitation the README states.
 */
class BrokerRefusalIT {
    private static final String ALLOWED = "sensors/gw-r/env-1/temperature";
    private static final String DENIED = "sensors/gw-r/env-1/humidity";
    private static final String ACL = "topic read sensors/#\ntopic write sensors/gw-r/status\ntopic write " + ALLOWED + "\n";

    @TempDir
    Path dir;

    private MosquittoBroker aclBroker() throws Exception {
        return aclBroker("");
    }

    private MosquittoBroker aclBroker(String moreConfig) throws Exception {
        Path acl = dir.resolve("acl");
        java.nio.file.Files.writeString(acl, ACL);
        return MosquittoBroker.create().withConfig("acl_file " + acl + "\n" + moreConfig).start();
    }

    private static MqttConfig config(MosquittoBroker b, String version, int deadLetterAfter) {
        return new MqttConfig(List.of(b.uri()), null, null, null, null, null, 1, null, Duration.ofSeconds(5), 10, null,
                deadLetterAfter, Duration.ofMillis(200)).withVersion(version);
    }

    @Test
    void underMqtt5AnAclRefusalIsCountedDeadLetteredAndTheAllowedTopicFlowsPastIt() throws Exception {
        refusalsAreCountedAndTheAllowedTopicFlows(aclBroker());
    }

    @Test
    void aBrokerThatAlsoClosesTheConnectionAfterEachRefusalIsNotTakenForATwin() throws Exception {
        // mosquitto before 2.0.22 with max_queued_messages 0 (the documented "no limit") ends the
        // connection right after each PUBACK 0x87 (eclipse-mosquitto/mosquitto#3244): 20 closes
        // without a reason, each soon after a connect made at the first attempt, like a twin's.
        MqttPublisher publisher = refusalsAreCountedAndTheAllowedTopicFlows(aclBroker("max_queued_messages 0"));
        assertThat(publisher.stats().connects()).as("the broker closed connections").isGreaterThan(1);
        assertThat(publisher.stats().clientIdConflict()).isFalse();
    }

    /** Runs the ACL scenario on {@code broker}, stops it, and returns the (closed) publisher for its stats. */
    private MqttPublisher refusalsAreCountedAndTheAllowedTopicFlows(MosquittoBroker aclBroker) throws Exception {
        try (MosquittoBroker broker = aclBroker;
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/#")) {
            try (Outbox outbox = Outbox.open(new OutboxConfig(dir.resolve("outbox"), null, null), "gw-r");
                 MqttPublisher publisher = MqttPublisher.create(config(broker, MqttConfig.V5, 5), "gw-r", outbox)) {
                Set<Long> denied = new TreeSet<>();
                List<Long> allowed = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    boolean deny = i % 3 == 0;
                    long seq = outbox.append(deny ? DENIED : ALLOWED, Aggregates.temperature(i)).seq();
                    (deny ? denied : allowed).add(seq);
                }
                publisher.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> outbox.stats().depth() == 0);
                await().atMost(Duration.ofSeconds(10)).until(() -> sub.seqs().stream().distinct().count() >= 40);

                // received + refused = assigned, and the refused never counted as published
                assertThat(new TreeSet<>(sub.seqs())).containsExactlyElementsOf(allowed);
                assertThat(outbox.stats().acked()).isEqualTo(40);
                assertThat(publisher.stats().published()).isEqualTo(40 + 0L);
                assertThat(outbox.stats().deadLettered()).isEqualTo(20);
                assertThat(publisher.stats().refused()).containsEntry("not-authorized", 20L);

                // the ledger names every gap with its reason
                await().atMost(Duration.ofSeconds(5)).until(() -> covered(outbox.recordedLosses(100)) == 20);
                for (Loss l : outbox.recordedLosses(100)) {
                    assertThat(l.reason()).isEqualTo(LossReason.REFUSED_NOT_AUTHORIZED);
                }
                for (long seq : denied) {
                    assertThat(outbox.recordedLosses(100)).anyMatch(l -> l.covers(seq));
                }
                // ...and the status message says so
                await().atMost(Duration.ofSeconds(5)).until(() -> sub.messages("sensors/gw-r/status").stream()
                        .anyMatch(m -> m.payload().contains("\"not-authorized\":20")
                                && m.payload().contains("\"refused-total\":20")));
                return publisher;
            }
        }
    }

    @Test
    void underMqtt311TheBrokerAcknowledgesWhatItDropsAndNothingCanCountIt() throws Exception {
        try (MosquittoBroker broker = aclBroker();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/#")) {
            try (Outbox outbox = Outbox.open(new OutboxConfig(dir.resolve("outbox"), null, null), "gw-r");
                 MqttPublisher publisher = MqttPublisher.create(config(broker, MqttConfig.V311, 5), "gw-r", outbox)) {
                for (int i = 0; i < 30; i++) {
                    outbox.append(i % 10 == 0 ? DENIED : ALLOWED, Aggregates.temperature(i));
                }
                publisher.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> outbox.stats().depth() == 0);
                await().atMost(Duration.ofSeconds(10)).until(() -> sub.seqs().stream().distinct().count() >= 27);
                // The limitation: all 30 acknowledged, 3 never arrive, and no refusal is visible.
                assertThat(outbox.stats().acked()).isEqualTo(30);
                assertThat(publisher.stats().refusedTotal()).isZero();
                assertThat(sub.seqs().stream().distinct().count()).isEqualTo(27);
            }
        }
    }

    @Test
    void aMessageSizeLimitRefusalIsDeadLetteredAndNothingRefusedCountsAsPublished() throws Exception {
        // mosquitto 2.0.11 answers it with PUBACK 0x95, which Paho v5 cannot read: it drops the
        // connection, and the poison detection dead-letters the message after dead-letter-after drops.
        try (MosquittoBroker broker = MosquittoBroker.create().withConfig("message_size_limit 3000").start();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/#")) {
            try (Outbox outbox = Outbox.open(new OutboxConfig(dir.resolve("outbox"), null, null), "gw-r");
                 MqttPublisher publisher = MqttPublisher.create(config(broker, MqttConfig.V5, 2), "gw-r", outbox)) {
                long big = -1;
                for (int i = 0; i < 10; i++) {
                    String topic = i == 4 ? ALLOWED + "/" + "x".repeat(10) : ALLOWED;
                    long seq = outbox.append(topic, i == 4 ? PoisonPayloads.large(i, 4000) : Aggregates.temperature(i))
                            .seq();
                    big = i == 4 ? seq : big;
                }
                long bigSeq = big;
                publisher.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> outbox.stats().depth() == 0);
                await().atMost(Duration.ofSeconds(10)).until(() -> sub.seqs().stream().distinct().count() >= 9);
                assertThat(sub.seqs()).doesNotContain(bigSeq);
                assertThat(outbox.stats().acked()).isEqualTo(9);
                assertThat(outbox.stats().deadLettered()).isEqualTo(1);
                assertThat(publisher.stats().published()).isEqualTo(9);
                await().atMost(Duration.ofSeconds(5)).until(() -> !outbox.recordedLosses(10).isEmpty());
                assertThat(outbox.recordedLosses(10)).containsExactly(
                        new Loss(bigSeq, bigSeq, LossReason.DISCONNECTED_REPEATEDLY, 1, outbox.boot()));
            }
        }
    }

    private static long covered(List<Loss> losses) {
        return losses.stream().mapToLong(Loss::count).sum();
    }
}
