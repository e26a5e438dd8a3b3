package org.iotgateway.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iot-gateway tail} as a process next to the real gateway on a real mosquitto: it prints the
 * live aggregates and status, and flags a crafted gap and a replayed duplicate.
 */
class TailIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static void publish(MosquittoBroker broker, String topic, String payload) throws Exception {
        MqttClient c = new MqttClient(broker.uri(), "tail-it-publisher", new MemoryPersistence());
        try {
            c.connect();
            c.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
            c.disconnect();
        } finally {
            c.close();
        }
    }

    private static String crafted(long seq) {
        return "{\"seq\":" + seq + ",\"gateway\":\"crafted\",\"boot\":1,\"sensor\":\"s\",\"channel\":\"c\",\"unit\":\"\","
                + "\"start\":\"2026-11-24T05:00:00.000Z\",\"end\":\"2026-11-24T05:00:01.000Z\",\"count\":1,\"last\":1.5}";
    }

    @Test
    void printsLiveAggregatesAndFlagsGapsAndDuplicatesPerGateway() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.started()) {
            Path cfg = Files.writeString(dir.resolve("gw.yaml"), """
                    gateway: {id: tail-gw}
                    mqtt: {broker: %s, status-interval: 1s}
                    outbox: {path: state/outbox}
                    sensors:
                      - id: env-1
                        driver: simulated
                        params: {rate: 10}
                        channels:
                          - {id: temperature, unit: "°C", window: 500ms}
                    """.formatted(broker.uri()));
            try (TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/tail-gw/env-1/temperature");
                 GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString());
                 GatewayProcess tail = GatewayProcess.start(dir, "tail", "--config", cfg.toString())) {
                await().atMost(WAIT).until(() -> tail.stderr().stream().anyMatch(l -> l.startsWith("tail: subscribed to")));
                assertThat(tail.stderr()).anyMatch(l -> l.contains("subscribed to sensors/tail-gw/#"));
                await().atMost(WAIT).until(() -> tail.stdout().stream().filter(l -> l.contains("seq=")).count() >= 4);
                assertThat(tail.stdout()).filteredOn(l -> l.contains("seq=")).first().asString()
                        .matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z  tail-gw  env-1/temperature  min=\\S+ max=\\S+ mean=\\S+ "
                                + "last=\\S+ n=\\d+ °C  seq=\\d+");
                assertThat(tail.stdout()).anyMatch(l -> l.contains("tail-gw  status online (birth)")
                        || l.contains("tail-gw  status online (health)"));

                // A resend of a real aggregate, and another gateway whose seqs skip two.
                await().atMost(WAIT).until(() -> !sub.messages("sensors/tail-gw/env-1/temperature").isEmpty());
                TestSubscriber.Received real = sub.messages("sensors/tail-gw/env-1/temperature").get(0);
                publish(broker, real.topic(), real.payload());
                for (long seq : List.of(1L, 2L, 5L)) {
                    publish(broker, "sensors/tail-gw/crafted/c", crafted(seq));
                }
                await().atMost(WAIT).until(() -> tail.stdout().stream().anyMatch(l -> l.startsWith("!! GAP")));
                assertThat(tail.stdout()).filteredOn(l -> l.startsWith("!!")).containsExactly(
                        "!! DUPLICATE tail-gw: seq " + real.seq() + " again (a resend; dedup on seq)",
                        "!! GAP crafted: seqs 3..4 missing (2)");

                // A tail that dies leaves no last will on the gateway's status topic.
                tail.kill();
                Thread.sleep(1_500);
                try (TestSubscriber status = TestSubscriber.subscribe(broker.uri(), "sensors/tail-gw/status")) {
                    await().atMost(WAIT).until(() -> !status.messages("sensors/tail-gw/status").isEmpty());
                    assertThat(status.messages("sensors/tail-gw/status").get(0).payload()).startsWith("{\"state\":\"online\"");
                }
                assertThat(gw.isAlive()).isTrue();
            }
        }
    }

    @Test
    void stopsAfterCountAggregatesAndSummarisesOnStderr() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.started()) {
            try (GatewayProcess tail = GatewayProcess.start(dir, "tail", "--broker", broker.uri(), "--count", "3",
                    "sensors/#")) {
                await().atMost(WAIT).until(() -> tail.stderr().stream().anyMatch(l -> l.startsWith("tail: subscribed")));
                for (long seq : List.of(7L, 8L, 8L, 9L)) {
                    publish(broker, "sensors/crafted/s/c", crafted(seq));
                }
                await().atMost(WAIT).until(() -> !tail.isAlive());
                assertThat(tail.exitValue()).isZero();
                assertThat(tail.stdout()).filteredOn(l -> l.contains("seq=")).hasSize(3);
                assertThat(tail.stdout()).contains("!! DUPLICATE crafted: seq 8 again (a resend; dedup on seq)");
                assertThat(tail.stderr()).contains(
                        "crafted: 3 aggregates received, 0 gaps (0 seqs still missing), 1 duplicates, 0 late");
            }
        }
    }
}
