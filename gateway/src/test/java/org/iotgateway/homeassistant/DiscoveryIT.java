package org.iotgateway.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.iotgateway.testing.TestSubscriber.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Home Assistant would find on a real mosquitto: retained discovery configs, on the documented
 * topics, published again after every connect, whose state and availability topics carry what the
 * templates read.
 */
class DiscoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> TOPICS = List.of(
            "homeassistant/sensor/ha_gw/env-1_temperature/config",
            "homeassistant/sensor/ha_gw/env-1_humidity/config");

    @TempDir
    Path dir;

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(s, e);
        }
    }

    /** A subscriber that arrives after the fact gets exactly the retained configs. */
    private static List<Received> retainedConfigs(MosquittoBroker broker) throws Exception {
        try (TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "homeassistant/#")) {
            await().atMost(WAIT).until(() -> sub.all().size() >= TOPICS.size());
            Thread.sleep(300); // anything more would show up now
            return sub.all();
        }
    }

    @Test
    void retainedConfigsOnEveryConnectPointingAtTopicsThatCarryWhatTheTemplatesRead() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.started()) {
            Path cfg = Files.writeString(dir.resolve("gw.yaml"), """
                gateway: {id: ha.gw}
                mqtt: {broker: %s}
                outbox: {path: state/outbox}
                homeassistant: {enabled: true}
                sensors:
                  - id: env-1
                    driver: simulated
                    params: {rate: 10}
                    channels:
                      - {id: temperature, unit: "°C", window: 1s}
                      - {id: humidity, unit: "%%", window: 1s, aggregates: [count, last]}
                """.formatted(broker.uri()));
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString())) {
                List<Received> configs;
                try (TestSubscriber data = TestSubscriber.subscribe(broker.uri(), "sensors/#")) {
                    await().atMost(WAIT).until(() -> data.seqs().size() >= 2);
                    configs = retainedConfigs(broker);
                    assertThat(configs).extracting(Received::topic).containsExactlyInAnyOrderElementsOf(TOPICS);
                    assertThat(configs).allMatch(Received::retained);

                    for (Received c : configs) {
                        JsonNode n = json(c.payload());
                        String field = n.get("value_template").asText().replaceAll("\\{\\{ value_json\\.(\\w+) }}", "$1");
                        // The state topic carries aggregates with that field, as a number.
                        await().atMost(WAIT).until(() -> !data.messages(n.get("state_topic").asText()).isEmpty());
                        JsonNode aggregate = json(data.messages(n.get("state_topic").asText()).get(0).payload());
                        assertThat(aggregate.get(field).isNumber()).as(c.topic() + " reads " + field).isTrue();
                        // The availability topic carries the status, whose "state" is the available payload.
                        List<Received> status = data.messages(n.get("availability_topic").asText());
                        assertThat(status).isNotEmpty();
                        assertThat(json(status.get(0).payload()).get("state").asText())
                                .isEqualTo(n.get("payload_available").asText());
                        assertThat(n.get("device").get("identifiers").get(0).asText()).isEqualTo("iot-gateway_ha_gw");
                    }
                }
                JsonNode temperature = json(configs.stream().filter(c -> c.topic().equals(TOPICS.get(0))).findFirst()
                        .orElseThrow().payload());
                assertThat(temperature.get("device_class").asText()).isEqualTo("temperature");
                assertThat(temperature.get("unit_of_measurement").asText()).isEqualTo("°C");

                // This broker forgets retained messages when it restarts: the gateway's next connect
                // publishes them again.
                broker.stop();
                broker.start();
                assertThat(retainedConfigs(broker)).extracting(Received::topic).containsExactlyInAnyOrderElementsOf(TOPICS);
            }
        }
    }
}
