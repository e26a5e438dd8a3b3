package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole gateway process against a real mosquitto, as a subscriber sees it. */
class GatewayIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path config(String broker) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, """
                gateway: {id: it-gw}
                mqtt: {broker: %s}
                outbox: {path: state/outbox}
                sensors:
                  - id: env-1
                    driver: simulated
                    params: {rate: 20}
                    channels:
                      - {id: temperature, unit: "°C", window: 1s, aggregates: [count, min, max, mean, sum, first, last]}
                      - {id: humidity, unit: "%%", window: 1s}
                  - id: pump-1
                    driver: simulated
                    params: {rate: 2000}
                    channels:
                      - {id: vibration, window: 1s, params: {shape: noise}}
                """.formatted(broker));
        return file;
    }

    @Test
    void aggregatesReachTheBrokerWithConsecutiveSeqAcrossAGracefulRestart() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/it-gw/+/+")) {
            Path cfg = config(broker.uri());
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString())) {
                await().atMost(Duration.ofSeconds(20)).until(() -> sub.seqs().size() >= 9);
                assertThat(gw.stop()).as(String.join("\n", gw.stderr())).isIn(0, 143);
            }
            long afterFirstRun = await().atMost(Duration.ofSeconds(10))
                    .until(() -> (long) new TreeSet<>(sub.seqs()).size(), n -> n == maxSeq(sub));
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString())) {
                await().atMost(Duration.ofSeconds(20)).until(() -> sub.seqs().size() >= afterFirstRun + 6);
                gw.stop();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> new TreeSet<>(sub.seqs()).size() == maxSeq(sub));
            TreeSet<Long> distinct = new TreeSet<>(sub.seqs());
            assertThat(distinct).as("every seq from 1, no gap, across the restart")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, distinct.last()).boxed().toList());

            JsonNode t = sub.all().stream().filter(m -> m.topic().equals("sensors/it-gw/env-1/temperature"))
                    .map(m -> parse(m.payload())).findFirst().orElseThrow();
            List<String> keys = new java.util.ArrayList<>();
            t.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as("wire contract key order").containsExactly(
                    "seq", "gateway", "boot", "sensor", "channel", "unit", "start", "end",
                    "count", "min", "max", "mean", "sum", "first", "last");
            assertThat(t.get("unit").asText()).isEqualTo("°C");
            assertThat(t.get("start").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000Z");
        }
    }

    private static long maxSeq(TestSubscriber sub) {
        return sub.seqs().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            throw new AssertionError(payload, e);
        }
    }
}
