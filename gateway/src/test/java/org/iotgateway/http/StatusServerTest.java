package org.iotgateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.iotgateway.config.HttpConfig;
import org.iotgateway.stream.Aggregate;
import org.iotgateway.util.SetupException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on a real loopback socket, fed by a {@link FakeSource}. */
class StatusServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    final FakeSource src = new FakeSource();
    final History history = new History(3);
    StatusServer server;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    StatusServer open(BasicAuth auth) {
        server = StatusServer.start(new HttpConfig(true, "127.0.0.1:0", null, null), auth, src, history);
        return server;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thePageIsSmallSelfContainedAndLockedDown() throws Exception {
        open(null);
        HttpResponse<String> page = get("/");
        HttpResponse<String> script = get("/status.js");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(page.body()).contains("<script src=\"status.js\"></script>").doesNotContain("http://", "https://");
        assertThat(script.body().replace("'http://www.w3.org/2000/svg'", "")).doesNotContain("innerHTML", "http://", "https://");
        assertThat(page.body().length() + script.body().length()).as("a few kB, fine on a Pi Zero").isLessThan(10_000);
    }

    @Test
    void statusJsonShowsSensorsLastValuesCountersAndTheOutboxSectionOfTheStatusTopic() throws Exception {
        open(null);
        long now = System.currentTimeMillis();
        history.record(new Aggregate(src.channels.get(0), now - 2000, now - 1000, 3, 20, 22, 63, 20, 21.5));
        JsonNode s = JSON.readTree(get("/status.json").body());
        assertThat(s.get("gateway").asText()).isEqualTo("gw-test");
        assertThat(s.at("/health/ok").asBoolean()).isTrue();
        assertThat(s.at("/broker/connected").asBoolean()).isTrue();
        assertThat(s.at("/broker/reconnects").asLong()).isEqualTo(1);
        assertThat(s.at("/outbox/oldest-age-ms").asLong()).isEqualTo(1500);
        assertThat(s.at("/outbox/dead-lettered").asLong()).isEqualTo(8);
        assertThat(s.at("/readings/offered").asLong()).isEqualTo(104 + 50 + 7);
        assertThat(s.at("/readings/dropped").asLong()).isEqualTo(4);
        JsonNode env = s.at("/sensors/0");
        assertThat(env.get("id").asText()).isEqualTo("env-1");
        assertThat(env.get("state").asText()).isEqualTo("ok");
        assertThat(env.at("/channels/0/last").asDouble()).isEqualTo(21.5);
        assertThat(env.at("/channels/0/unit").asText()).isEqualTo("°C");
        assertThat(env.at("/channels/0/rejected").asLong()).isEqualTo(2);
        assertThat(env.at("/channels/1/last").isNull()).as("no aggregate yet").isTrue();
        assertThat(s.at("/sensors/1/detail").asText()).isEqualTo("no such device");
        assertThat(s.at("/sensors/1/stale").asBoolean()).isTrue();

        JsonNode h = JSON.readTree(get("/history.json").body());
        assertThat(h.at("/channels/0/v")).hasSize(360);
        List<Double> points = new java.util.ArrayList<>();
        h.at("/channels/0/v").forEach(v -> points.add(v.isNull() ? null : v.asDouble()));
        assertThat(points.stream().filter(java.util.Objects::nonNull)).as("the mean of the one aggregate").containsExactly(21.0);
        assertThat(points.subList(358, 360)).as("in one of the newest two buckets").contains(21.0);
        assertThat(h.at("/channels/1/v").get(0).isNull()).isTrue();
    }

    @Test
    void healthAnswers200WhileHealthyAnd503WithTheReason() throws Exception {
        open(null);
        assertThat(get("/health").statusCode()).isEqualTo(200);
        src.alive = false;
        HttpResponse<String> r = get("/health");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("stream consumer not running\n");
        src.alive = true;
        assertThat(get("/health").body()).isEqualTo("ok\n");
    }

    @Test
    void metricsArePrometheusTextWithThePipelineCounters() throws Exception {
        open(null);
        src.rejects.put("env-1/garbage", 3L);
        HttpResponse<String> r = get("/metrics");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(r.body()).contains(
                "iotgateway_readings_offered_total{channel=\"temperature\",sensor=\"env-1\"} 104.0",
                "iotgateway_readings_dropped_total{channel=\"temperature\",sensor=\"env-1\"} 4.0",
                "iotgateway_readings_late_total{channel=\"temperature\",sensor=\"env-1\"} 1.0",
                "iotgateway_outbox_losses_total{reason=\"evicted-age\"} 6.0",
                "iotgateway_outbox_ledger_lost_total{reason=\"power-cut\"} 54.0",
                "iotgateway_outbox_ledger_lost_total{reason=\"evicted-size\"} 0.0",
                "iotgateway_outbox_oldest_age_seconds 1.5",
                "iotgateway_broker_connected 1.0",
                "iotgateway_broker_reconnects_total 1.0",
                "iotgateway_ring_occupancy 3.0",
                "iotgateway_sensor_state{sensor=\"door-1\",state=\"disconnected\"} 1.0",
                "iotgateway_sensor_input_rejected_total{reason=\"garbage\",sensor=\"env-1\"} 3.0",
                "iotgateway_healthy 1.0",
                "jvm_memory_used_bytes");
    }

    @Test
    void onlyGetAndHeadOnExactPaths() throws Exception {
        open(null);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
        assertThat(get("/status.json.bak").statusCode()).isEqualTo(404);
    }

    @Test
    void basicAuthRefusesMissingAndWrongCredentialsAndAcceptsTheRightOnes() throws Exception {
        Path pw = Files.writeString(dir.resolve("http-password"), "s3cret-Pass\n");
        open(BasicAuth.of(new HttpConfig(true, "0.0.0.0:0", "admin", pw)));
        for (String path : List.of("/", "/status.json", "/metrics", "/health")) {
            HttpResponse<String> none = get(path);
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic realm=\"iot-gateway\"");
        }
        assertThat(get("/health", "Authorization", basic("admin", "s3cret-Pas")).statusCode()).isEqualTo(401);
        assertThat(get("/health", "Authorization", basic("admin", "s3cret-Pass\n")).statusCode()).isEqualTo(401);
        assertThat(get("/health", "Authorization", basic("Admin", "s3cret-Pass")).statusCode()).isEqualTo(401);
        assertThat(get("/health", "Authorization", basic("admin", "s3cret-Pass")).statusCode()).isEqualTo(200);
        assertThat(get("/status.json", "Authorization", basic("admin", "s3cret-Pass")).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnreadablePasswordFileStopsStartUpWithoutShowingAnything() {
        HttpConfig cfg = new HttpConfig(true, "0.0.0.0:0", "admin", dir.resolve("absent"));
        assertThatThrownBy(() -> BasicAuth.of(cfg)).isInstanceOf(SetupException.class)
                .hasMessage("http.password-file " + dir.resolve("absent") + ": cannot read: NoSuchFileException");
    }

    @Test
    void anAddressInUseIsReportedNotFatalHere() throws Exception {
        open(null);
        HttpConfig same = new HttpConfig(true, "127.0.0.1:" + server.port(), null, null);
        assertThatThrownBy(() -> StatusServer.start(same, null, src, history))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("cannot listen on 127.0.0.1:" + server.port());
    }
}
