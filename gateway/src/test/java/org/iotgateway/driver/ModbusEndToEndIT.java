package org.iotgateway.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SDM630 and an XY-MD02 (pymodbus, drivers/src/test/resources/modbus/devices.py) on one socat
 * pty "RS-485 bus", read by the gateway process and published to a real mosquitto: the
 * aggregates carry the devices' values; one slave going silent is logged and counted while the
 * other keeps publishing; back, it is ok again.
 */
class ModbusEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEVICES = Path.of("..", "drivers", "src", "test", "resources", "modbus", "devices.py")
            .toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void twoSlavesOnOneBusBecomeAggregatesAndOneDyingDoesNotStopTheOther() throws Exception {
        Path device = dir.resolve("ttyGateway");
        Path test = dir.resolve("ttyBus");
        Path cfg = dir.resolve("gateway.yaml");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + test)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Process sim = null;
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/mb/+/+")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(device) && Files.exists(test));
            sim = new ProcessBuilder("/usr/bin/python3", DEVICES.toString(), "--rtu", test.toString(), "1:sdm630",
                    "2:xymd02").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader simOut = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
            assertThat(simOut.readLine()).isEqualTo("ready");
            // The live meter gets a generous timeout: the assertion below is that it is never rejected,
            // and pymodbus itself took up to 110 ms to answer on a loaded 2-core machine.
            Files.writeString(cfg, """
                    gateway: {id: mb}
                    mqtt: {broker: %s}
                    outbox: {path: state/outbox}
                    sensors:
                      - id: meter
                        driver: modbus
                        params: {port: %s, unit: 1, interval: 500ms, timeout: 450ms}
                        channels:
                          - {id: voltage, unit: V, window: 2s, params: {table: input, register: 0, type: float32}}
                          - {id: energy, unit: kWh, window: 2s, params: {table: input, register: 342, type: float32}}
                      - id: climate
                        driver: modbus
                        params: {port: %s, unit: 2, interval: 200ms, timeout: 150ms, retry-max: 1s}
                        channels:
                          - {id: temperature, unit: "°C", window: 1s, params: {table: input, register: 1, type: int16, scale: 0.1}}
                    """.formatted(broker.uri(), device, device));
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString())) {
                try {
                    await().atMost(Duration.ofSeconds(30)).failFast(() -> !gw.isAlive())
                            .until(() -> full(sub, "meter/voltage", 3) >= 2 && full(sub, "climate/temperature", 4) >= 2);
                } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
                    throw new AssertionError("gateway:\n" + String.join("\n", gw.stderr()) + "\nreceived: " + sub.all(), e);
                }

                OutputStream simIn = sim.getOutputStream();
                simIn.write("off 2\n".getBytes(StandardCharsets.US_ASCII));
                simIn.flush();
                assertThat(simOut.readLine()).isEqualTo("ok");
                await().atMost(Duration.ofSeconds(10)).until(() -> gw.stderr().stream()
                        .anyMatch(l -> l.contains("climate") && l.contains("ok -> disconnected")));
                int meterBefore = sub.messages("sensors/mb/meter/voltage").size();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> sub.messages("sensors/mb/meter/voltage").size() >= meterBefore + 2);

                simIn.write("on 2\n".getBytes(StandardCharsets.US_ASCII));
                simIn.flush();
                assertThat(simOut.readLine()).isEqualTo("ok");
                await().atMost(Duration.ofSeconds(10)).until(() -> gw.stderr().stream()
                        .anyMatch(l -> l.contains("climate") && l.contains("disconnected -> ok")));
                assertThat(gw.stop()).as(String.join("\n", gw.stderr())).isIn(0, 143);
                assertThat(gw.stderr()).anyMatch(l -> l.contains("sensor climate: rejected input (timeout)"));
                assertThat(gw.stderr()).noneMatch(l -> l.contains("sensor meter: rejected input"));
            }
            List<TestSubscriber.Received> voltage = sub.messages("sensors/mb/meter/voltage");
            assertThat(voltage).allSatisfy(m -> assertThat(parse(m.payload()).get("mean").asDouble()).isEqualTo(230.5));
            assertThat(sub.messages("sensors/mb/meter/energy"))
                    .allSatisfy(m -> assertThat(parse(m.payload()).get("last").asDouble()).isEqualTo(12345.5));
            assertThat(sub.messages("sensors/mb/climate/temperature")).allSatisfy(m -> {
                JsonNode a = parse(m.payload());
                assertThat(a.get("mean").asDouble()).isEqualTo(-5.2, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(a.get("unit").asText()).isEqualTo("°C");
            });
        } finally {
            if (sim != null) {
                sim.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Windows whose whole span was polled: at least {@code min} readings. */
    private static long full(TestSubscriber sub, String channel, int min) {
        return sub.messages("sensors/mb/" + channel).stream().filter(m -> parse(m.payload()).get("count").asInt() >= min)
                .count();
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new AssertionError(payload, e);
        }
    }
}
