package org.iotgateway.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.iotgateway.testing.gpio.FakeChip;
import org.iotgateway.testing.gpio.FakeChipPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real gateway jar in its own process, a GPIO sensor whose chip is missing at start, then
 * there but refused, then usable, next to a simulated sensor, to a real mosquitto.
 *
 * <p>What it proves: in the process as shipped (config, driver start-up, pi4j's core and
 * ServiceLoader discovery, our per-provider contexts, the diagnosis reading a tree shaped like
 * /dev, /proc and /etc, the status message and the log), a provider that fails to initialise is
 * retried from scratch until it works, the sensor goes {@code ok} and publishes without a restart,
 * each stage's message reaches the status topic and the log, and the other sensor's windows
 * never miss a beat. What it does not: libgpiod itself. The provider is pi4j's mock digital input
 * under the id {@code fakechip}, initialising as gpiod does ({@link FakeChipPlugin}), and the tree
 * is a temp directory ({@link FakeChip}); a real chip needs a Pi.
 */
class GpioRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aChipThatBecomesUsableLaterIsPickedUpWithoutARestartAndTheOtherSensorNeverStops() throws Exception {
        FakeChip fake = new FakeChip(dir);
        Path chip = fake.chip;
        Path cfg = dir.resolve("gateway.yaml");
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/gpio-it/#")) {
            write(cfg, """
                    gateway: {id: gpio-it}
                    mqtt: {broker: %s, status-interval: 500ms}
                    outbox: {path: state/outbox}
                    sensors:
                      - id: door
                        driver: gpio-input
                        params: {pin: 17, provider: %s, heartbeat: 200ms}
                        channels: [{id: open, window: 1s}]
                      - id: sim
                        driver: simulated
                        params: {rate: 20}
                        channels: [{id: a, window: 1s}]
                    """.formatted(broker.uri(), FakeChipPlugin.PROVIDER));
            try (GatewayProcess gw = fake.start("run", "--config", cfg.toString())) {
                await().atMost(WAIT).until(() -> doorDetail(sub).startsWith("/dev/gpiochip*: no GPIO chip"));
                assertThat(doorState(sub)).isEqualTo("disconnected");

                Files.writeString(chip, "");
                Files.setPosixFilePermissions(chip, PosixFilePermissions.fromString("rw-------"));
                await().atMost(WAIT).until(() -> doorDetail(sub).startsWith("/dev/gpiochip0: permission denied"));
                assertThat(doorDetail(sub)).contains("so only ").contains(" may read and write it, not user iot-gateway;"
                        + " fix: give the GPIO chip a group with a udev rule");

                Files.setPosixFilePermissions(chip, PosixFilePermissions.fromString("rw-rw-rw-"));
                await().atMost(WAIT).until(() -> "ok".equals(doorState(sub)));
                assertThat(doorDetail(sub)).isEqualTo("GPIO 17 open");
                await().atMost(WAIT).until(() -> sub.messages("sensors/gpio-it/door/open").size() >= 2);
                assertThat(gw.stop()).as(gw.allOutput()).isIn(0, 143);
                assertThat(gw.stderr()).anyMatch(l -> l.contains("sensor door: ok -> disconnected (/dev/gpiochip*: no"
                        + " GPIO chip: /dev/gpiochip* does not exist; fix: "));
                assertThat(gw.stderr()).anyMatch(l -> l.contains("sensor door: still disconnected, now: /dev/gpiochip0:"
                        + " permission denied"));
                assertThat(gw.stderr()).anyMatch(l -> l.contains("sensor door: disconnected -> ok (GPIO 17 open)"));
                assertThat(gw.stderr()).noneMatch(l -> l.contains("could not be found"));
            }
            for (TestSubscriber.Received m : sub.messages("sensors/gpio-it/door/open")) {
                assertThat(JSON.readTree(m.payload()).get("mean").asDouble()).isEqualTo(0.0); // the mock pin is low
            }
            assertEveryWindowFull(sub.messages("sensors/gpio-it/sim/a"));
        }
    }

    /** The simulated sensor's 1 s windows, from its first to its last, follow each other with 20 readings each. */
    private static void assertEveryWindowFull(List<TestSubscriber.Received> sim) throws IOException {
        List<JsonNode> windows = new ArrayList<>();
        for (TestSubscriber.Received m : sim) {
            windows.add(JSON.readTree(m.payload()));
        }
        assertThat(windows).hasSizeGreaterThan(5);
        for (int i = 1; i < windows.size() - 1; i++) { // the first and last windows are cut by start and stop
            JsonNode w = windows.get(i);
            assertThat(Instant.parse(w.get("start").asText())).as("window %d follows the one before", i)
                    .isEqualTo(Instant.parse(windows.get(i - 1).get("end").asText()));
            assertThat(w.get("count").asInt()).as("window %s", w.get("start")).isBetween(19, 21);
        }
    }

    private static String doorDetail(TestSubscriber sub) {
        JsonNode door = door(sub);
        return door == null || door.get("detail").isNull() ? "" : door.get("detail").asText();
    }

    private static String doorState(TestSubscriber sub) {
        JsonNode door = door(sub);
        return door == null ? "" : door.get("state").asText();
    }

    /** The door's entry in the latest status message. */
    private static JsonNode door(TestSubscriber sub) {
        List<TestSubscriber.Received> status = sub.messages("sensors/gpio-it/status");
        if (status.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(status.get(status.size() - 1).payload()).path("sensors").get("door");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
