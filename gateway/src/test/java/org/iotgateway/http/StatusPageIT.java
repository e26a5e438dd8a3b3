package org.iotgateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The status page of the real gateway process, with a real mosquitto, behind basic auth on a
 * loopback port the gateway picks: its endpoints over HTTP, then the page in headless Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusPageIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern LISTENING = Pattern.compile("status page on (http://127\\.0\\.0\\.1:\\d+/)");
    static final String USER = "viewer";
    static final String PASSWORD = "pa55-word-for-the-page";

    final HttpClient http = HttpClient.newHttpClient();
    Path dir;
    MosquittoBroker broker;
    GatewayProcess gateway;
    String base;

    @BeforeAll
    void startGateway() throws Exception {
        dir = Files.createTempDirectory("status-page-it");
        Files.writeString(dir.resolve("http-password"), PASSWORD + "\n");
        broker = MosquittoBroker.started();
        Path cfg = Files.writeString(dir.resolve("gateway.yaml"), """
                gateway: {id: page-it}
                mqtt: {broker: %s}
                outbox: {path: state/outbox}
                http: {listen: "127.0.0.1:0", username: %s, password-file: http-password}
                sensors:
                  - id: env-1
                    driver: simulated
                    params: {rate: 20}
                    channels:
                      - {id: temperature, unit: "°C", window: 1s, params: {shape: sine, base: 21, amplitude: 3, period: 20s}}
                      - {id: humidity, unit: "%%", window: 1s, params: {shape: random-walk, base: 50, amplitude: 0.5}}
                  - id: door-1
                    driver: simulated
                    params: {rate: 2}
                    channels:
                      - {id: open, window: 1s, params: {shape: step, amplitude: 1, period: 4s}}
                """.formatted(broker.uri(), USER));
        gateway = GatewayProcess.start(dir, "run", "--config", cfg.toString());
        base = await().atMost(Duration.ofSeconds(30)).until(() -> {
            Matcher m = LISTENING.matcher(String.join("\n", gateway.stderr()));
            return m.find() ? m.group(1) : null;
        }, u -> u != null);
        // Every channel has a last value before anyone looks.
        await().atMost(Duration.ofSeconds(20)).until(() -> status().findValues("last").stream().noneMatch(JsonNode::isNull));
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.stop();
        }
        if (broker != null) {
            broker.close();
        }
    }

    HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path.substring(1)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return get(path, "Basic " + basic);
    }

    JsonNode status() throws Exception {
        return JSON.readTree(get("/status.json").body());
    }

    @Test
    @Order(0)
    void aWiderAddressWithoutAPasswordOrAnUnreadablePasswordFileStopsStartUpWithExit2() throws Exception {
        Path cfg = Files.writeString(dir.resolve("open.yaml"), Files.readString(dir.resolve("gateway.yaml"))
                .replace("http: {listen: \"127.0.0.1:0\", username: viewer, password-file: http-password}",
                        "http:\n  listen: 0.0.0.0:8080"));
        GatewayProcess p = GatewayProcess.run(dir, "run", "--config", cfg.toString());
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(p.stderr()).contains(cfg + ":5:11: 'listen' 0.0.0.0:8080 is reachable from other machines: set "
                + "'username' and 'password-file' so the page asks for a password (or listen on 127.0.0.1)");

        Path absent = Files.writeString(dir.resolve("absent.yaml"), Files.readString(dir.resolve("gateway.yaml"))
                .replace("password-file: http-password", "password-file: no-such-file"));
        GatewayProcess q = GatewayProcess.run(dir, "run", "--config", absent.toString());
        assertThat(q.exitValue()).isEqualTo(2);
        assertThat(q.stderr()).contains(absent + ": http.password-file no-such-file: cannot read: NoSuchFileException");
    }

    @Test
    @Order(1)
    void endpointsAnswerFromTheRunningPipeline() throws Exception {
        assertThat(get("/health", null).statusCode()).as("no credentials").isEqualTo(401);
        assertThat(get("/health", "Basic " + Base64.getEncoder().encodeToString("viewer:guess".getBytes())).statusCode())
                .isEqualTo(401);
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> status().at("/broker/connected").asBoolean());
        JsonNode s = status();
        assertThat(s.get("gateway").asText()).isEqualTo("page-it");
        assertThat(s.at("/sensors/0/id").asText()).isEqualTo("env-1");
        assertThat(s.at("/sensors/0/state").asText()).isEqualTo("ok");
        assertThat(s.at("/sensors/0/channels/0/unit").asText()).isEqualTo("°C");
        assertThat(s.at("/sensors/0/channels/0/last").asDouble()).isBetween(18.0, 24.0);
        assertThat(s.at("/readings/offered").asLong()).isPositive();

        String metrics = get("/metrics").body();
        double offered = metric(metrics, "iotgateway_readings_offered_total{channel=\"temperature\",sensor=\"env-1\"}");
        assertThat(offered).isPositive();
        assertThat(metrics).contains("iotgateway_broker_connected 1.0", "iotgateway_healthy 1.0",
                "iotgateway_outbox_losses_total{reason=\"evicted-size\"} 0.0");
        await().atMost(Duration.ofSeconds(5)).until(() -> metric(get("/metrics").body(),
                "iotgateway_readings_offered_total{channel=\"temperature\",sensor=\"env-1\"}") > offered);
    }

    @Test
    @Order(2)
    void thePageInHeadlessChromiumShowsTheSensorsAndValuesThatChange() throws Exception {
        Path screenshot = Path.of(GatewayProcess.jar()).getParent().resolve("status-page.png");
        Files.deleteIfExists(screenshot);
        JsonNode page = PageInChromium.open(base, USER, PASSWORD, screenshot, 4);

        assertThat(page.get("status").asInt()).isEqualTo(200);
        assertThat(page.get("title").asText()).isEqualTo("iot-gateway");
        assertThat(page.get("problems")).as("console errors, CSP violations, failed requests").isEmpty();
        JsonNode first = page.get("first");
        JsonNode second = page.get("second");
        assertThat(first.get("states").toString()).isEqualTo("{\"env-1\":\"ok\",\"door-1\":\"ok\"}");
        assertThat(first.get("values").size()).isEqualTo(3);
        assertThat(first.at("/values/env-1~1temperature").asText()).matches("\\d+(\\.\\d+)? °C");
        assertThat(second.at("/values/env-1~1temperature").asText()).as("a sine moves in 4 s")
                .isNotEqualTo(first.at("/values/env-1~1temperature").asText());
        assertThat(second.get("updated").asText()).startsWith("updated ").isNotEqualTo(first.get("updated").asText());
        assertThat(second.get("health").asText()).isEqualTo("healthy");
        assertThat(second.get("broker").asText()).isEqualTo("connected");
        assertThat(second.get("losses").asText()).isEqualTo("0 lost");
        assertThat(second.get("charts").asInt()).as("every channel has a chart").isEqualTo(3);
        assertThat(Files.size(screenshot)).as("screenshot for the record: " + screenshot).isGreaterThan(10_000);
    }

    @Test
    @Order(3)
    void aBrokerOutageAloneKeepsHealth200AndShowsOnThePage() throws Exception {
        broker.stop();
        await().atMost(Duration.ofSeconds(15)).until(() -> !status().at("/broker/connected").asBoolean());
        assertThat(get("/health").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> status().at("/outbox/depth").asLong() > 0);
        assertThat(metric(get("/metrics").body(), "iotgateway_broker_connected")).isZero();
    }

    static double metric(String exposition, String series) {
        return exposition.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .orElseThrow(() -> new AssertionError("no " + series + " in\n" + exposition));
    }
}
