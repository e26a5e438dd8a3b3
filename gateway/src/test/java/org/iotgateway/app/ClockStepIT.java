package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wall clock of a running gateway stepped the way NTP and people step an RTC-less Pi's: two
 * days forward, then an hour back. The real process runs under libfaketime (Debian's
 * {@code faketime}; the offset is read from a file, the monotonic clock is left alone); the
 * simulated driver stamps on the wall clock and follows both steps, the engine closes
 * or restarts its windows at each: aggregates keep coming, full, on the new time, and no reading
 * is late beyond the window a step cuts.
 */
class ClockStepIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 10 readings a second into 1 s windows: a full window counts 10. */
    private static final int PER_WINDOW = 10;

    @TempDir
    Path dir;

    @Test
    void stepsOfTheWallClockCostNoReadingsBeyondTheWindowTheyCut() throws Exception {
        Path offset = dir.resolve("faketime");
        setOffset(offset, "+0");
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/#")) {
            Path cfg = dir.resolve("clock.yaml");
            Files.writeString(cfg, """
                    gateway: {id: clock}
                    mqtt: {broker: %s, status-interval: 1s}
                    outbox: {path: state/outbox}
                    sensors:
                      - id: sim
                        driver: simulated
                        params: {rate: 10}
                        channels:
                          - {id: v, window: 1s, aggregates: [count]}
                    """.formatted(broker.uri()));
            // The offset file is read at most once a second (re-reading it on every clock call slows
            // the JVM to a crawl). Without FORCE_MONOTONIC_FIX=0, libfaketime 0.9.10 rewrites the JVM's
            // CLOCK_MONOTONIC condition-variable waits and its idle threads spin (wolfcw/libfaketime#425).
            Map<String, String> env = Map.of("LD_PRELOAD", libfaketime().toString(),
                    "FAKETIME_TIMESTAMP_FILE", offset.toString(), "FAKETIME_CACHE_DURATION", "1",
                    "FAKETIME_DONT_FAKE_MONOTONIC", "1", "FAKETIME_FORCE_MONOTONIC_FIX", "0");
            try (GatewayProcess gw = GatewayProcess.start(dir, env, "run", "--config", cfg.toString())) {
                await().atMost(WAIT).until(() -> fullWindowsFrom(sub, Instant.EPOCH) >= 3);

                Instant twoDaysOn = Instant.now().plus(Duration.ofDays(2));
                setOffset(offset, "+2d");
                await().atMost(WAIT).until(() -> fullWindowsFrom(sub, twoDaysOn) >= 3);

                Instant hourBack = Instant.now().plus(Duration.ofDays(2)).minus(Duration.ofHours(1));
                setOffset(offset, "+47h");
                await().atMost(WAIT).until(() -> fullWindowsBetween(sub, hourBack, twoDaysOn) >= 3);

                assertThat(gw.stop()).isIn(0, 143);
                assertThat(gw.stderr()).anyMatch(l -> l.contains("wall clock jumped forward"))
                        .anyMatch(l -> l.contains("wall clock jumped back"));
            }
            JsonNode last = lastStatus(sub);
            assertThat(last.path("kind").asText()).isEqualTo("final");
            JsonNode sim = last.get("sensors").get("sim");
            assertThat(sim.get("offered").asLong()).as(sim.toString()).isEqualTo(sim.get("aggregated").asLong()
                    + sim.get("dropped").asLong() + sim.get("rejected").asLong() + sim.get("filtered").asLong()
                    + sim.get("late").asLong());
            // Without following the steps every reading after the first one is late (the driver used
            // to stamp start time + monotonic time): the awaits above time out first.
            System.out.printf("ClockStepIT: %s (late over both steps)%n", sim);
            assertThat(sim.get("late").asLong()).as("late readings over both steps").isLessThanOrEqualTo(PER_WINDOW);
            assertThat(last.get("clock").get("jumps").asLong()).isEqualTo(2);
        }
    }

    /** Replaces the offset file at once: libfaketime re-reads it on every call and must never see it half written. */
    private static void setOffset(Path file, String offset) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, offset + "\n");
        Files.move(next, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Aggregates of a whole window (count 10) starting at or after {@code from}. */
    private static long fullWindowsFrom(TestSubscriber sub, Instant from) {
        return aggregates(sub).filter(a -> !start(a).isBefore(from)).filter(a -> a.get("count").asInt() == PER_WINDOW)
                .count();
    }

    /** Full windows starting in [{@code from}, {@code until}). */
    private static long fullWindowsBetween(TestSubscriber sub, Instant from, Instant until) {
        return aggregates(sub).filter(a -> !start(a).isBefore(from) && start(a).isBefore(until))
                .filter(a -> a.get("count").asInt() == PER_WINDOW).count();
    }

    private static Stream<JsonNode> aggregates(TestSubscriber sub) {
        return sub.messages("sensors/clock/sim/v").stream().map(r -> json(r.payload()));
    }

    private static Instant start(JsonNode aggregate) {
        return Instant.parse(aggregate.get("start").asText());
    }

    private static JsonNode lastStatus(TestSubscriber sub) {
        List<TestSubscriber.Received> status = sub.messages("sensors/clock/status");
        assertThat(status).isNotEmpty();
        return json(status.get(status.size() - 1).payload());
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    /** Debian's libfaketime ({@code apt-get install faketime}; scripts/test.sh installs it). */
    private static Path libfaketime() throws IOException {
        try (Stream<Path> arches = Files.list(Path.of("/usr/lib"))) {
            return arches.map(a -> a.resolve("faketime/libfaketime.so.1")).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new AssertionError("libfaketime not found under /usr/lib/*/faketime/: "
                            + "apt-get install faketime (scripts/test.sh installs it)"));
        }
    }
}
