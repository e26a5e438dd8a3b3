package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.iotgateway.stream.ClockWatch;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.iotgateway.testing.TestSubscriber.Received;
import org.iotgateway.util.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retained status topic as a subscriber sees it, from the real gateway process on a real
 * mosquitto: the birth message on every connect, the periodic health message, the final one of a
 * clean stop and the last will after a SIGKILL, with values checked against what the test caused.
 */
class StatusIT {
    static final String GW = "status-gw";
    static final String STATUS = "sensors/" + GW + "/status";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /**
     * env/temperature alternates 21 and 23 every half second behind a {@code range} of max 22: about half
     * its readings are rejected. pump/level is constant behind a {@code deadband}: the first reading
     * passes, every later one is filtered. door/open reads a serial port that does not exist.
     */
    private Path config(String broker) throws Exception {
        return Files.writeString(dir.resolve("gw.yaml"), """
                gateway: {id: %s}
                mqtt: {broker: %s, status-interval: 500ms}
                outbox: {path: state/outbox}
                sensors:
                  - id: env
                    driver: simulated
                    params: {rate: 20}
                    channels:
                      - id: temperature
                        unit: "°C"
                        window: 1s
                        filters: [{type: range, max: 22}]
                        params: {shape: step, base: 21, amplitude: 2, period: 500ms}
                  - id: pump
                    driver: simulated
                    params: {rate: 10}
                    channels:
                      - id: level
                        window: 1s
                        filters: [{type: deadband, threshold: 100, heartbeat: 1h}]
                        params: {shape: constant, base: 5}
                  - id: door
                    driver: serial
                    params: {port: %s, parser: csv, fields: [open], retry-max: 1s}
                    channels: [{id: open}]
                """.formatted(GW, broker, dir.resolve("no-such-tty")));
    }

    private static JsonNode json(Received r) {
        try {
            return JSON.readTree(r.payload());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.payload(), e);
        }
    }

    private static List<JsonNode> statuses(TestSubscriber sub, String kind) {
        return sub.messages(STATUS).stream().map(StatusIT::json).filter(j -> j.path("kind").asText().equals(kind)).toList();
    }

    /** The first birth or health message of the gateway's second connection, or null. */
    private static JsonNode secondConnection(TestSubscriber sub) {
        return sub.messages(STATUS).stream().map(StatusIT::json)
                .filter(j -> j.path("kind").asText().matches("birth|health"))
                .filter(j -> j.path("mqtt").path("connects").asLong() == 2).findFirst().orElse(null);
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** offered = aggregated + dropped + rejected + filtered + late, for the stream and every sensor. */
    private static void assertBooksBalance(JsonNode status) {
        List<JsonNode> all = new java.util.ArrayList<>();
        all.add(status.get("stream"));
        status.get("sensors").forEach(all::add);
        for (JsonNode n : all) {
            assertThat(n.get("offered").asLong()).as(n.toString()).isEqualTo(n.get("aggregated").asLong()
                    + n.get("dropped").asLong() + n.get("rejected").asLong() + n.get("filtered").asLong() + n.get("late").asLong());
        }
        for (String key : List.of("offered", "aggregated", "dropped", "rejected", "filtered", "late")) {
            long sum = StreamSupport.stream(status.get("sensors").spliterator(), false).mapToLong(s -> s.get(key).asLong()).sum();
            assertThat(status.get("stream").get(key).asLong()).as("stream " + key + " = sum over sensors").isEqualTo(sum);
        }
    }

    @Test
    void birthOnEveryConnectPeriodicHealthAndTheLastWillAfterSigkill() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), STATUS)) {
            Path cfg = config(broker.uri());
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString())) {
                await().atMost(WAIT).until(() -> statuses(sub, "health").size() >= 4);
                JsonNode birth = statuses(sub, "birth").get(0);
                assertThat(birth.get("state").asText()).isEqualTo("online");
                assertThat(birth.get("gateway").asText()).isEqualTo(GW);
                assertThat(birth.get("version").asText()).isEqualTo(Version.current()).doesNotContain("unknown");
                assertThat(birth.get("boot").asLong()).isEqualTo(1);
                assertThat(birth.get("config").asText()).isEqualTo(sha256(cfg).substring(0, 16));
                assertThat(Instant.parse(birth.get("since").asText())).isBetween(Instant.now().minusSeconds(60), Instant.now());
                assertThat(birth.get("mqtt").get("connects").asLong()).isEqualTo(1);
                assertThat(birth.get("mqtt").get("reconnects").asLong()).isZero();
                assertThat(birth.get("sensors").fieldNames()).toIterable().containsExactly("env", "pump", "door");

                List<JsonNode> health = statuses(sub, "health");
                JsonNode last = health.get(health.size() - 1);
                assertThat(health).extracting(h -> h.get("uptime-s").asLong()).isSorted();
                assertThat(health).extracting(h -> h.get("stream").get("offered").asLong()).isSorted();
                assertThat(last.get("uptime-s").asLong()).isGreaterThanOrEqualTo(1);
                assertBooksBalance(last);
                JsonNode env = last.get("sensors").get("env");
                JsonNode pump = last.get("sensors").get("pump");
                JsonNode door = last.get("sensors").get("door");
                assertThat(env.get("state").asText()).isEqualTo("ok");
                assertThat(Instant.parse(env.get("last-reading").asText())).isAfter(Instant.now().minusSeconds(10));
                assertThat(env.get("rejected").asLong()).as("the range filter rejects the 23s")
                        .isBetween(env.get("offered").asLong() / 4, env.get("offered").asLong() * 3 / 4);
                assertThat(pump.get("aggregated").asLong()).as("the deadband passes the first reading only").isEqualTo(1);
                assertThat(pump.get("filtered").asLong()).isEqualTo(pump.get("offered").asLong() - 1).isPositive();
                assertThat(door.get("state").asText()).isEqualTo("disconnected");
                assertThat(door.get("last-reading").isNull()).isTrue();
                assertThat(door.get("offered").asLong()).isZero();
                assertThat(last.get("stream").get("dropped").asLong()).isZero();
                assertThat(last.get("stream").get("late").asLong()).isZero();
                assertThat(last.get("stream").get("ingest-per-s").asDouble()).as("~30 readings/s offered").isBetween(10.0, 60.0);
                assertThat(last.get("stream").get("ring-capacity").asLong()).isEqualTo(65536);
                assertThat(last.get("stream").get("overloaded").asBoolean()).isFalse();
                Path dirOfFlag = ClockWatch.SYSTEMD_SYNC_FILE.getParent();
                assertThat(last.get("clock").get("synchronised").asBoolean())
                        .isEqualTo(!Files.isDirectory(dirOfFlag) || Files.exists(ClockWatch.SYSTEMD_SYNC_FILE));
                assertThat(last.get("outbox").get("published").asLong()).isPositive();
                assertThat(last.get("outbox").get("depth").asLong()).isLessThan(10);

                // A broker restart: the gateway reconnects and sends a new birth message saying so.
                broker.stop();
                broker.start();
                // The test's subscriber may reconnect after the gateway did, and with a 500 ms
                // status interval a health message can replace the retained birth before it
                // looks: any status of the second connection carries the same counts.
                await().atMost(WAIT).until(() -> secondConnection(sub) != null);
                JsonNode rebirth = secondConnection(sub);
                assertThat(rebirth.get("mqtt").get("connects").asLong()).isEqualTo(2);
                assertThat(rebirth.get("mqtt").get("reconnects").asLong()).isEqualTo(1);
                assertThat(rebirth.get("uptime-s").asLong()).isGreaterThanOrEqualTo(last.get("uptime-s").asLong());

                gw.kill();
            }
            await().atMost(WAIT).until(() -> !statuses(sub, "will").isEmpty());
            JsonNode will = statuses(sub, "will").get(0);
            assertThat(will.get("state").asText()).isEqualTo("offline");
            assertThat(will.get("gateway").asText()).isEqualTo(GW);
            assertThat(will.get("boot").asLong()).isEqualTo(1);
            assertThat(will.get("config").asText()).isEqualTo(sha256(dir.resolve("gw.yaml")).substring(0, 16));
            // What a subscriber arriving now gets: the will, retained.
            try (TestSubscriber late = TestSubscriber.subscribe(broker.uri(), STATUS)) {
                await().atMost(WAIT).until(() -> !late.messages(STATUS).isEmpty());
                Received retained = late.messages(STATUS).get(0);
                assertThat(retained.retained()).isTrue();
                assertThat(json(retained).get("kind").asText()).isEqualTo("will");
            }
        }
    }

    @Test
    void aCleanStopLeavesTheFinalCountsAndTheyMatchWhatArrived() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/" + GW + "/#")) {
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", config(broker.uri()).toString())) {
                await().atMost(WAIT).until(() -> statuses(sub, "health").size() >= 6);
                assertThat(gw.stop()).isIn(0, 143);
            }
            await().atMost(WAIT).until(() -> !statuses(sub, "final").isEmpty());
            JsonNode fin = statuses(sub, "final").get(0);
            assertThat(fin.get("state").asText()).isEqualTo("offline");
            assertThat(fin.get("outbox").get("depth").asLong()).as("all sent before the final status").isZero();
            assertBooksBalance(fin);
            List<JsonNode> aggregates = sub.all().stream().filter(r -> r.seq() >= 0).map(StatusIT::json).toList();
            for (String sensor : List.of("env", "pump")) {
                long counted = aggregates.stream().filter(a -> a.get("sensor").asText().equals(sensor))
                        .mapToLong(a -> a.get("count").asLong()).sum();
                assertThat(fin.get("sensors").get(sensor).get("aggregated").asLong())
                        .as(sensor + ": aggregated = the readings in the aggregates that arrived").isEqualTo(counted);
            }
            assertThat(fin.get("sensors").get("pump").get("aggregated").asLong()).isEqualTo(1);
            long distinctSeqs = aggregates.stream().map(a -> a.get("seq").asLong()).distinct().count();
            assertThat(fin.get("outbox").get("published").asLong()).isEqualTo(distinctSeqs);
            assertThat(fin.get("outbox").get("last-seq").asLong()).isEqualTo(distinctSeqs);
        }
    }
}
