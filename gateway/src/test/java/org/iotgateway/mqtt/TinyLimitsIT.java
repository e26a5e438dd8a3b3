package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotgateway.config.DataSize;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 1MB outbox overfilled during an outage: evictions counted, on the status topic, gaps explained. */
class TinyLimitsIT {
    private static final Pattern EVICTED = Pattern.compile("\"evicted-size\":(\\d+)");
    private static final Pattern LEDGER = Pattern.compile(
            "\"ledger\":\\{\"counts\":\"at-most\",\"evicted-size\":(\\d+).*\"recent\":\\[(.*)]");

    @TempDir
    Path dir;

    @Test
    void evictionsAreCountedAndReportedOnTheStatusTopicAndExplainTheGap() throws Exception {
        // The subscriber's session is made first and kept by the broker through the outage, so it
        // gets everything published after the broker is back, however fast the backlog drains.
        try (MosquittoBroker broker = MosquittoBroker.persistent().start();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/#", true)) {
            broker.stop();
            MqttConfig cfg = new MqttConfig(List.of(broker.uri()), null, null, null, null, null, 1, null,
                    Duration.ofSeconds(5), 100, null, null, Duration.ofMillis(200));
            OutboxConfig oc = new OutboxConfig(dir.resolve("outbox"), new DataSize(1_000_000), null);
            try (Outbox outbox = Outbox.open(oc, "gw-t"); MqttPublisher publisher = MqttPublisher.create(cfg, "gw-t", outbox)) {
                publisher.start();
                for (int i = 0; i < 10_000; i++) {
                    outbox.append("sensors/gw-t/env-1/temperature", Aggregates.temperature(i));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> outbox.committedSeq() == 10_000);
                broker.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> outbox.stats().depth() == 0);
                long evicted = outbox.stats().evictedForSize();
                assertThat(evicted).isPositive();
                await().atMost(Duration.ofSeconds(10)).until(() -> sub.messages("sensors/gw-t/status").stream()
                        .map(m -> EVICTED.matcher(m.payload())).anyMatch(m -> m.find() && Long.parseLong(m.group(1)) == evicted));
                // The file's ledger says the same, with the ranges a subscriber can match gaps to.
                await().atMost(Duration.ofSeconds(10)).until(() -> sub.messages("sensors/gw-t/status").stream()
                        .map(m -> LEDGER.matcher(m.payload())).anyMatch(m -> m.find()
                                && Long.parseLong(m.group(1)) == evicted && m.group(2).contains("\"reason\":\"evicted-size\"")));
                // What the subscriber got is the seq tail the outbox kept; its books say where every other seq went.
                await().atMost(Duration.ofSeconds(10)).until(() -> sub.seqs().contains(10_000L));
                TreeSet<Long> seen = new TreeSet<>(sub.seqs());
                assertThat(seen).hasSize((int) outbox.stats().acked());
                assertThat(seen.first()).isEqualTo(evicted + 1);
                assertThat(outbox.stats().acked() + evicted).isEqualTo(10_000);
            }
            assertThat(Files.size(dir.resolve("outbox.mv.db"))).isLessThanOrEqualTo(1_000_000);
        }
    }
}
