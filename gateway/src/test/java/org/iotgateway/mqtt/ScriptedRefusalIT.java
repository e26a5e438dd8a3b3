package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.outbox.Loss;
import org.iotgateway.outbox.LossReason;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.testing.ScriptedMqtt5Broker;
import org.iotgateway.testing.ScriptedMqtt5Broker.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What mosquitto cannot be configured to answer without a plugin, from {@link ScriptedMqtt5Broker}:
 * a quota (PUBACK 0x97) that clears, one that does not, a small Receive Maximum, and the server
 * DISCONNECTs that set the reconnect (0x89 busy, 0x9C use another server). Books must balance:
 * nothing refused is counted as published.
 */
class ScriptedRefusalIT {
    private static final String TOPIC = "sensors/gw-s/env-1/temperature";
    @TempDir
    Path dir;

    private static MqttConfig config(String uri, int maxInflight, int deadLetterAfter) {
        return new MqttConfig(List.of(uri), null, null, null, null, null, 1, null, Duration.ofSeconds(30), maxInflight,
                null, deadLetterAfter, Duration.ofSeconds(30));
    }

    private Outbox outbox(int n) {
        Outbox o = Outbox.open(new OutboxConfig(dir.resolve("outbox"), null, null), "gw-s");
        for (int i = 0; i < n; i++) {
            o.append(TOPIC, Aggregates.temperature(i));
        }
        return o;
    }

    private static long seq(ScriptedMqtt5Broker.Publish p) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"seq\":(\\d+)").matcher(p.payload());
        return p.retained() || !m.find() ? -1 : Long.parseLong(m.group(1));
    }

    @Test
    void aQuotaThatClearsHoldsTheQueueAndThenEverythingIsDeliveredInOrder() throws Exception {
        Set<Long> refusedOnce = ConcurrentHashMap.newKeySet();
        try (ScriptedMqtt5Broker broker = new ScriptedMqtt5Broker(0, 0).script(p ->
                     seq(p) == 5 && refusedOnce.size() < 2 && refusedOnce.add((long) p.n()) ? Answer.refuse(0x97)
                             : Answer.accept());
             Outbox o = outbox(10);
             MqttPublisher publisher = MqttPublisher.create(config(broker.uri(), 10, 5), "gw-s", o)) {
            publisher.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> o.stats().depth() == 0);
            assertThat(new TreeSet<>(broker.acceptedSeqs())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(publisher.stats().refused()).containsEntry("quota-exceeded", 2L);
            assertThat(publisher.stats().published()).isEqualTo(10);
            assertThat(o.stats().deadLettered()).isZero();
            // Held: after the refusal, seq 5 went out again before anything newer was accepted twice.
            assertThat(broker.acceptedSeqs()).doesNotHaveDuplicates();
        }
    }

    @Test
    void aQuotaThatNeverClearsDeadLettersAfterDeadLetterAfterRefusals() throws Exception {
        try (ScriptedMqtt5Broker broker = new ScriptedMqtt5Broker(0, 0).script(p ->
                     seq(p) == 3 ? Answer.refuse(0x97) : Answer.accept());
             Outbox o = outbox(6);
             MqttPublisher publisher = MqttPublisher.create(config(broker.uri(), 10, 3), "gw-s", o)) {
            publisher.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> o.stats().depth() == 0);
            assertThat(new TreeSet<>(broker.acceptedSeqs())).containsExactly(1L, 2L, 4L, 5L, 6L);
            assertThat(publisher.stats().refused()).containsEntry("quota-exceeded", 3L);
            assertThat(publisher.stats().published()).isEqualTo(5);
            assertThat(o.stats().deadLettered()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> !o.recordedLosses(10).isEmpty());
            assertThat(o.recordedLosses(10)).containsExactly(new Loss(3, 3, LossReason.REFUSED_QUOTA_EXCEEDED, 1, o.boot()));
        }
    }

    @Test
    void theInFlightWindowIsTheBrokersReceiveMaximumWhenSmaller() throws Exception {
        try (ScriptedMqtt5Broker broker = new ScriptedMqtt5Broker(3, 50);
             Outbox o = outbox(60);
             MqttPublisher publisher = MqttPublisher.create(config(broker.uri(), 100, 5), "gw-s", o)) {
            publisher.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> o.stats().depth() == 0);
            assertThat(broker.maxUnacked.get()).isEqualTo(3);
            assertThat(publisher.stats().failed()).isZero();
            assertThat(publisher.stats().connects()).isEqualTo(1);
            assertThat(publisher.stats().limits().receiveMaximum()).isEqualTo(3);
        }
    }

    @Test
    void serverBusyBacksOffAndUseAnotherServerIsFollowed() throws Exception {
        try (ScriptedMqtt5Broker other = new ScriptedMqtt5Broker(0, 0);
             ScriptedMqtt5Broker broker = new ScriptedMqtt5Broker(0, 0)) {
            broker.script(p -> p.n() == 2 ? Answer.disconnect(0x89, null)
                    : p.n() == 4 ? Answer.disconnect(0x9C, other.uri().substring("tcp://".length())) : Answer.accept());
            try (Outbox o = outbox(5);
                 MqttPublisher publisher = MqttPublisher.create(config(broker.uri(), 2, 5), "gw-s", o)) {
                publisher.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> broker.connects.get() == 1
                        && publisher.stats().lastDisconnect() != null);
                long busyAt = System.nanoTime();
                assertThat(publisher.stats().lastDisconnect()).startsWith("0x89 server busy");
                await().atMost(Duration.ofSeconds(15)).until(() -> broker.connects.get() == 2);
                // 5 s jittered to [2.5, 5] s, not the 0.5 s of a dropped connection
                assertThat((System.nanoTime() - busyAt) / 1_000_000).isGreaterThanOrEqualTo(2_000);
                await().atMost(Duration.ofSeconds(15)).until(() -> other.connects.get() == 1);
                assertThat(publisher.stats().lastDisconnect()).startsWith("0x9C use another server");
                await().atMost(Duration.ofSeconds(15)).until(() -> o.stats().depth() == 0);
                assertThat(publisher.stats().refusedTotal()).isZero();
            }
        }
    }

    @Test
    void aSessionTakeoverNamedByTheBrokerRaisesTheAlarmAndBacksOff() throws Exception {
        try (ScriptedMqtt5Broker broker = new ScriptedMqtt5Broker(0, 0)) {
            broker.script(p -> p.n() == 2 ? Answer.disconnect(0x8E, null) : Answer.accept());
            try (Outbox o = outbox(3);
                 MqttPublisher publisher = MqttPublisher.create(config(broker.uri(), 10, 5), "gw-s", o)) {
                publisher.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> publisher.stats().takeovers() == 1);
                long at = System.nanoTime();
                assertThat(publisher.stats().lastDisconnect()).startsWith("0x8E session taken over");
                await().atMost(Duration.ofSeconds(40)).until(() -> broker.connects.get() == 2);
                // 30 s jittered to [15, 30] s before taking the session back
                assertThat((System.nanoTime() - at) / 1_000_000_000).isGreaterThanOrEqualTo(14);
                await().atMost(Duration.ofSeconds(10)).until(() -> o.stats().depth() == 0);
            }
        }
    }
}
