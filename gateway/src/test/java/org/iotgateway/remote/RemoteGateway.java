package org.iotgateway.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.testing.TestSubscriber;

/**
 * One gateway of the remote-config ITs seen from the broker: its config file, what its topics carry
 * (aggregates, status, results) and publishing to its config topic as a pusher would.
 */
final class RemoteGateway {
    static final ObjectMapper JSON = new ObjectMapper();

    final String id;
    final Path dir;
    final String broker;

    RemoteGateway(String id, Path dir, String broker) {
        this.id = id;
        this.dir = dir;
        this.broker = broker;
    }

    /** A config of this gateway: one simulated sensor with the given channels, remote-config on with {@code remote}. */
    String yaml(String brokerUri, String remote, String channels) {
        return """
                gateway: {id: %s}
                mqtt: {broker: %s, status-interval: 500ms}
                outbox: {path: state/outbox}
                remote-config: {enabled: true, state-dir: state, health-deadline: 5s%s}
                sensors:
                  - id: env-1
                    driver: simulated
                    params: {rate: 20}
                    channels:
                %s""".formatted(id, brokerUri, remote, channels);
    }

    static String channel(String name) {
        return "      - {id: " + name + ", window: 500ms}\n";
    }

    Path writeLocal(String yaml) throws Exception {
        Files.createDirectories(dir);
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    String topic(String leaf) {
        return "sensors/" + id + "/" + leaf;
    }

    /** Publishes to the config topic as a pusher does (QoS 1), and waits for the broker's PUBACK. */
    void push(byte[] envelope, boolean retained) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(broker, "test-pusher-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        c.connect(o).waitForCompletion(5_000);
        c.publish(topic("config/set"), envelope, 1, retained).waitForCompletion(5_000);
        c.disconnect().waitForCompletion(5_000);
        c.close();
    }

    static JsonNode json(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + payload, e);
        }
    }

    /** Every result message of {@code version}, in arrival order. */
    List<JsonNode> results(TestSubscriber sub, long version) {
        return sub.messages(topic("config/result")).stream().map(r -> json(r.payload()))
                .filter(n -> n.path("version").asLong() == version).toList();
    }

    /** The first final result of {@code version} (applied, refused, rolled-back; replays answer again later), or null. */
    JsonNode outcome(TestSubscriber sub, long version) {
        return results(sub, version).stream().filter(n -> !n.path("status").asText().equals("accepted"))
                .findFirst().orElse(null);
    }

    /** The last status message says the config topic is subscribed. */
    boolean subscribed(TestSubscriber sub) {
        return "subscribed".equals(lastStatus(sub).path("remote-config").path("subscription").asText());
    }

    JsonNode lastStatus(TestSubscriber sub) {
        List<TestSubscriber.Received> all = sub.messages(topic("status"));
        return all.isEmpty() ? JSON.createObjectNode() : json(all.get(all.size() - 1).payload());
    }

    /** The status message's short config hash of a YAML text. */
    static String hash(String yaml) {
        return ConfigLoader.sha256(yaml.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    long aggregates(TestSubscriber sub, String channel) {
        return sub.messages(topic("env-1/" + channel)).size();
    }
}
