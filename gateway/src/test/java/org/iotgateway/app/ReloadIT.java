package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGHUP against the real gateway process and a real mosquitto: a valid new config is applied
 * without losing the outbox or the open windows of unchanged channels; an invalid one is refused
 * with its FILE:LINE:COL in the log and the status, and the gateway runs on unchanged.
 */
class ReloadIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOPICS = "sensors/rl-gw/#";
    static final String STATUS = "sensors/rl-gw/status";
    static final Pattern LISTENING = Pattern.compile("status page on (http://127\\.0\\.0\\.1:\\d+/)");
    /** 20 readings/s into 2 s windows: a full window holds exactly 40. */
    static final String ENV = """
              - id: env-1
                driver: simulated
                params: {rate: 20}
                channels:
                  - {id: temperature, window: 2s}
            """;
    static final String PUMP = """
              - id: pump-1
                driver: simulated
                params: {rate: 10}
                channels:
                  - {id: vibration, window: 1s}
            """;

    @TempDir
    Path dir;

    Path write(String broker, String sensors) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, """
                gateway: {id: rl-gw}
                mqtt: {broker: %s, status-interval: 500ms}
                outbox: {path: state/outbox}
                http: {listen: "127.0.0.1:0"}
                homeassistant: {enabled: true}
                sensors:
                %s""".formatted(broker, sensors));
        return file;
    }

    @Test
    void aValidConfigIsAppliedLiveKeepingTheOutboxAndTheOpenWindowsOfUnchangedChannels() throws Exception {
        String gone = "  - {id: gone-1, driver: simulated, channels: [{id: x, window: 1s}]}\n";
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), TOPICS);
             TestSubscriber ha = TestSubscriber.subscribe(broker.uri(), "homeassistant/#")) {
            Path cfg = write(broker.uri(), ENV + PUMP + gone);
            long reloadAt;
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> aggregates(sub, "env-1/temperature").size() >= 2);
                // The new config: env-1 unchanged, pump-1 with 500 ms windows, door-1 added, gone-1 removed.
                write(broker.uri(), ENV + PUMP.replace("window: 1s", "window: 500ms") + """
                          - id: door-1
                            driver: simulated
                            params: {rate: 10}
                            channels:
                              - {id: open, window: 1s}
                        """);
                // Mid-window, so the window open at the reload is neither env-1's first nor its last.
                Thread.sleep((2_700 - System.currentTimeMillis() % 2_000) % 2_000);
                reloadAt = System.currentTimeMillis();
                gw.hup();
                await().atMost(Duration.ofSeconds(20)).until(() -> gw.allOutput().contains("reload of " + cfg + " applied"));
                assertThat(gw.allOutput()).contains("running on [env-1], restarted [pump-1], added [door-1], removed [gone-1]",
                        "1 of 3 channels kept their open windows", "mqtt unchanged",
                        "reload: pump-1/vibration changed, its open windows were emitted; final counts: offered",
                        "reload: gone-1/x removed, its open windows were emitted; final counts: offered");
                await().atMost(Duration.ofSeconds(10)).until(() -> discovery(ha, "/door-1_open/config").stream()
                        .anyMatch(p -> p.contains("\"state_topic\":\"sensors/rl-gw/door-1/open\"")));
                await().atMost(Duration.ofSeconds(10)).until(() -> discovery(ha, "/gone-1_x/config").contains(""));
                assertThat(discovery(ha, "/gone-1_x/config").get(0)).as("published at start, then deleted").isNotEmpty();
                await().atMost(Duration.ofSeconds(30)).until(() -> aggregates(sub, "door-1/open").size() >= 3
                        && aggregates(sub, "env-1/temperature").stream().filter(n -> millis(n, "start") > reloadAt).count() >= 2);
                await().atMost(Duration.ofSeconds(10)).until(() -> lastStatus(sub).path("reload").path("last").asText().equals("ok"));
                assertThat(lastStatus(sub).path("config").asText()).as("the new file's hash")
                        .isEqualTo(StatusIT.sha256(cfg).substring(0, 16));
                List<String> pages = gw.stderr().stream().map(LISTENING::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
                assertThat(pages).as("the status page restarted on the new channels").hasSize(2);
                assertThat(get(pages.get(1) + "status.json")).contains("\"id\":\"door-1\"", "\"id\":\"env-1\"");
                assertThat(get(pages.get(1) + "metrics")).contains("iotgateway_readings_offered_total{channel=\"open\",sensor=\"door-1\"}");
                assertThat(gw.stop()).isIn(0, 143);
            }

            List<JsonNode> env = aggregates(sub, "env-1/temperature");
            JsonNode across = spanning(env, reloadAt);
            assertThat(across.get("count").asLong()).as("env-1's window open at the reload kept every reading: " + across)
                    .isEqualTo(40);
            for (int i = 1; i < env.size() - 1; i++) {
                assertThat(millis(env.get(i), "start")).as("no gap in env-1's windows").isEqualTo(millis(env.get(i - 1), "end"));
                assertThat(env.get(i).get("count").asLong()).as("every full window of env-1: " + env.get(i)).isEqualTo(40);
            }
            JsonNode pumpAtReload = spanning(aggregates(sub, "pump-1/vibration"), reloadAt);
            assertThat(millis(pumpAtReload, "end") - millis(pumpAtReload, "start")).as("the old 1 s window, emitted at the reload")
                    .isEqualTo(1_000);
            assertThat(aggregates(sub, "pump-1/vibration").stream().filter(n -> millis(n, "start") > reloadAt + 1_000))
                    .isNotEmpty().allSatisfy(n -> assertThat(millis(n, "end") - millis(n, "start")).isEqualTo(500));

            TreeMap<Long, String> bySeq = FastGateway.dedup(sub);
            FastGateway.owed(dir).assertAllAccountedFor(bySeq.keySet());
            assertThat(bySeq.firstKey()).isEqualTo(1);
            assertThat(bySeq.values()).as("one outbox, one boot: the outbox was not reset")
                    .allSatisfy(p -> assertThat(parse(p).get("boot").asLong()).isEqualTo(1));
        }
    }

    @Test
    void anInvalidConfigIsRefusedWithItsPositionAndTheGatewayRunsOnTheOldOne() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), TOPICS)) {
            Path cfg = write(broker.uri(), ENV + PUMP);
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> aggregates(sub, "pump-1/vibration").size() >= 2);
                String goodHash = StatusIT.sha256(cfg);
                String bad = Files.readString(write(broker.uri(), ENV + PUMP.replace("window: 1s", "windw: 500ms")));
                String[] lines = bad.split("\n", -1);
                int line = 0;
                while (!lines[line].contains("windw")) {
                    line++;
                }
                String position = cfg + ":" + (line + 1) + ":" + (lines[line].indexOf("windw") + 1);
                gw.hup();

                await().atMost(Duration.ofSeconds(20)).until(() -> gw.stderr().stream().anyMatch(l -> l.contains("ERROR")
                        && l.contains("reload refused, still running the previous config: " + position + ": unknown key 'windw'")));
                await().atMost(Duration.ofSeconds(10)).until(() -> lastStatus(sub).path("reload").path("last").asText().equals("failed"));
                assertThat(lastStatus(sub).path("reload").path("error").asText()).startsWith(position + ": unknown key 'windw'");
                assertThat(lastStatus(sub).path("config").asText()).as("still the hash of the config running")
                        .isEqualTo(goodHash.substring(0, 16));

                int before = aggregates(sub, "pump-1/vibration").size();
                await().atMost(Duration.ofSeconds(20)).until(() -> aggregates(sub, "pump-1/vibration").size() >= before + 3);
                assertThat(gw.isAlive()).isTrue();
                assertThat(gw.stop()).isIn(0, 143);
            }
            assertThat(aggregates(sub, "pump-1/vibration")).as("still the old 1 s windows")
                    .allSatisfy(n -> assertThat(millis(n, "end") - millis(n, "start")).isEqualTo(1_000));
        }
    }

    @Test
    void aNewBrokerTakesOverFromTheSameOutboxWithNothingLost() throws Exception {
        try (MosquittoBroker first = MosquittoBroker.started();
             MosquittoBroker second = MosquittoBroker.started();
             TestSubscriber onFirst = TestSubscriber.subscribe(first.uri(), TOPICS);
             TestSubscriber onSecond = TestSubscriber.subscribe(second.uri(), TOPICS)) {
            Path cfg = write(first.uri(), ENV + PUMP);
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> aggregates(onFirst, "pump-1/vibration").size() >= 2);
                write(second.uri(), ENV + PUMP);
                gw.hup();
                await().atMost(Duration.ofSeconds(20)).until(() -> gw.allOutput().contains("reload of " + cfg + " applied"));
                assertThat(gw.allOutput()).contains("2 of 2 channels kept their open windows", "[mqtt.broker] changed");
                await().atMost(Duration.ofSeconds(30)).until(() -> aggregates(onSecond, "pump-1/vibration").size() >= 3);
                await().atMost(Duration.ofSeconds(10)).until(() -> lastStatus(onSecond).path("reload").path("last").asText().equals("ok"));
                assertThat(lastStatus(onFirst).path("state").asText()).as("the old broker was told").isEqualTo("offline");
                assertThat(gw.stop()).isIn(0, 143);
            }
            TreeMap<Long, String> bySeq = FastGateway.dedup(onFirst);
            bySeq.putAll(FastGateway.dedup(onSecond));
            FastGateway.owed(dir).assertAllAccountedFor(bySeq.keySet());
            assertThat(FastGateway.dedup(onSecond).firstKey()).as("the second broker continues the seq")
                    .isGreaterThan(FastGateway.dedup(onFirst).firstKey());
        }
    }

    /** Payloads received on the Home Assistant discovery topic ending in {@code suffix}, in order. */
    static List<String> discovery(TestSubscriber ha, String suffix) {
        return ha.all().stream().filter(r -> r.topic().endsWith(suffix)).map(TestSubscriber.Received::payload).toList();
    }

    static String get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    static List<JsonNode> aggregates(TestSubscriber sub, String sensorChannel) {
        return sub.messages("sensors/rl-gw/" + sensorChannel).stream().map(m -> parse(m.payload())).toList();
    }

    static JsonNode lastStatus(TestSubscriber sub) {
        List<TestSubscriber.Received> s = sub.messages(STATUS);
        return s.isEmpty() ? JSON.createObjectNode() : parse(s.get(s.size() - 1).payload());
    }

    static JsonNode spanning(List<JsonNode> windows, long t) {
        return windows.stream().filter(n -> millis(n, "start") <= t && t < millis(n, "end")).findFirst()
                .orElseThrow(() -> new AssertionError("no window spans " + Instant.ofEpochMilli(t) + ": " + windows));
    }

    static long millis(JsonNode n, String field) {
        return Instant.parse(n.get(field).asText()).toEpochMilli();
    }

    static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            throw new AssertionError(payload, e);
        }
    }
}
