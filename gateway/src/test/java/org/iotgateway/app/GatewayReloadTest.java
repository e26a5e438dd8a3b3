package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.config.ConfigException;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Gateway#reload} in process, with simulated sensors and a real outbox file; the broker is
 * a loopback port nobody listens on, so aggregates are read from the console output ({@code --print}).
 * 50 readings/s into 400 ms windows: a full window holds exactly 20 readings.
 */
class GatewayReloadTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    GatewayConfig config(String sensors, String outbox) throws ConfigException, java.io.IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return new ConfigLoader(v -> null).parse("gw.yaml", """
                gateway: {id: rl}
                mqtt: {broker: tcp://127.0.0.1:%d}
                outbox: {path: %s}
                sensors:
                %s""".formatted(port, dir.resolve(outbox), sensors.indent(2)));
    }

    static final String S1 = """
            - id: s1
              driver: simulated
              params: {rate: 50}
              channels: [{id: a, window: 400ms}, {id: b, window: 400ms}]
            """;
    static final String S2 = "- {id: s2, driver: simulated, params: {rate: 50}, channels: [{id: c, window: 400ms}]}\n";
    static final String S2_CHANGED = "- {id: s2, driver: simulated, params: {rate: 25}, channels: [{id: c, window: 400ms}]}\n";
    static final String S3 = "- {id: s3, driver: simulated, params: {rate: 50}, channels: [{id: d, window: 400ms}]}\n";

    List<JsonNode> printed() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : console.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    List<JsonNode> of(String sensor, String channel) throws Exception {
        return printed().stream().filter(n -> n.get("sensor").asText().equals(sensor) && n.get("channel").asText().equals(channel))
                .toList();
    }

    static long millis(JsonNode n, String field) {
        return Instant.parse(n.get(field).asText()).toEpochMilli();
    }

    @Test
    void keptChannelsKeepTheirWindowsChangedOnesAreEmittedAndTheOutboxCarriesOn() throws Exception {
        GatewayConfig v1 = config(S1 + S2, "outbox");
        GatewayConfig v2 = config(S1 + S2_CHANGED + S3, "outbox");
        GatewayConfig v3 = config(S1 + S2_CHANGED + S3, "other-outbox");
        long reloadAt;
        try (Gateway g = Gateway.start(v1, "1111", true, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> of("s1", "a").size() >= 2);
            reloadAt = System.currentTimeMillis();
            String changes = g.reload(v2, "2222");
            assertThat(changes).contains("running on [s1]", "restarted [s2]", "added [s3]", "2 of 3 channels kept");
            assertThat(g.sensorStatus()).containsOnlyKeys("s1", "s2", "s3");

            assertThatThrownBy(() -> g.reload(v3, "3333")).isInstanceOf(ReloadRefused.class)
                    .hasMessage("outbox.path changed: restart to apply");
            int before = printed().size();
            await().atMost(Duration.ofSeconds(20)).until(() -> of("s3", "d").size() >= 3 && printed().size() > before + 6);
        }

        List<JsonNode> a = of("s1", "a");
        JsonNode across = a.stream().filter(n -> millis(n, "start") <= reloadAt && reloadAt < millis(n, "end")).findFirst()
                .orElseThrow(() -> new AssertionError("no window of s1/a spans the reload at " + reloadAt + ": " + a));
        assertThat(across.get("count").asLong()).as("the window open at the reload kept its readings: " + across).isEqualTo(20);
        for (int i = 1; i < a.size() - 1; i++) {
            assertThat(millis(a.get(i), "start")).as("no gap").isEqualTo(millis(a.get(i - 1), "end"));
            assertThat(a.get(i).get("count").asLong()).as("full windows: " + a.get(i)).isEqualTo(20);
        }

        List<JsonNode> c = of("s2", "c");
        JsonNode emittedAtReload = c.stream().filter(n -> millis(n, "start") <= reloadAt && reloadAt < millis(n, "end"))
                .findFirst().orElseThrow(() -> new AssertionError("s2/c's open window was not emitted at the reload: " + c));
        assertThat(emittedAtReload.get("count").asLong()).isBetween(1L, 20L);
        assertThat(c.get(c.size() - 2).get("count").asLong()).as("after the reload at 25/s").isEqualTo(10);

        List<JsonNode> all = printed();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).get("seq").asLong()).as("seq consecutive across the reload").isEqualTo(i + 1);
            assertThat(all.get(i).get("boot").asLong()).as("same outbox, no restart").isEqualTo(1);
        }
    }
}
