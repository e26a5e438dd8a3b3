package org.iotgateway.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A serial sensor on a real socat pseudo-terminal through the whole gateway process to a real
 * mosquitto: the aggregates a subscriber sees match the lines written, garbage is counted, and an
 * unplug/replug is survived without restarting the gateway.
 */
class SerialEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void serialLinesBecomeAggregatesAtTheSubscriberAcrossAnUnplug() throws Exception {
        Path device = dir.resolve("ttyGateway");
        Path test = dir.resolve("ttyTest");
        Path cfg = dir.resolve("gateway.yaml");
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/e2e/+/+")) {
            Files.writeString(cfg, """
                    gateway: {id: e2e}
                    mqtt: {broker: %s}
                    outbox: {path: state/outbox}
                    sensors:
                      - id: probe
                        driver: serial
                        stale-after: 2s
                        params: {port: %s, baud: 115200, parser: csv, fields: [t, h]}
                        channels:
                          - {id: temperature, unit: "°C", window: 1s, params: {field: t}}
                          - {id: humidity, unit: "%%", window: 1s, params: {field: h}}
                    """.formatted(broker.uri(), device));
            Process socat = socat(device, test);
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString())) {
                AtomicBoolean writing = new AtomicBoolean(true);
                Thread writer = writer(test, writing);
                await().atMost(Duration.ofSeconds(20)).until(() -> full(sub, "temperature") >= 3);

                writing.set(false);
                writer.join();
                socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS); // unplug
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> gw.stderr().stream().anyMatch(l -> l.contains("ok -> disconnected")));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> gw.stderr().stream().anyMatch(l -> l.contains("probe: stale")));
                int before = sub.messages("sensors/e2e/probe/temperature").size();
                socat = socat(device, test); // replug at the same path
                writing.set(true);
                writer = writer(test, writing);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> sub.messages("sensors/e2e/probe/temperature").size() >= before + 3);
                writing.set(false);
                writer.join();
                assertThat(gw.stop()).as(String.join("\n", gw.stderr())).isIn(0, 143);
                assertThat(gw.stderr()).anyMatch(l -> l.contains("rejected input (garbage)"));
                assertThat(gw.stderr()).anyMatch(l -> l.contains("disconnected -> ok"));
            } finally {
                socat.destroyForcibly();
            }
            for (TestSubscriber.Received m : sub.messages("sensors/e2e/probe/temperature")) {
                JsonNode a = JSON.readTree(m.payload());
                assertThat(a.get("min").asDouble()).isGreaterThanOrEqualTo(20.0);
                assertThat(a.get("max").asDouble()).isLessThanOrEqualTo(22.0);
                assertThat(a.get("unit").asText()).isEqualTo("°C");
            }
            for (TestSubscriber.Received m : sub.messages("sensors/e2e/probe/humidity")) {
                assertThat(JSON.readTree(m.payload()).get("mean").asDouble()).isEqualTo(50.0);
            }
        }
    }

    /** Windows with a full second of 20 Hz lines: both values present, about 20 readings. */
    private static long full(TestSubscriber sub, String channel) {
        return sub.messages("sensors/e2e/probe/" + channel).stream().map(m -> parse(m.payload()))
                .filter(a -> a.get("count").asInt() >= 15 && a.get("min").asDouble() == 20.0
                        && a.get("max").asDouble() == 22.0).count();
    }

    private static Process socat(Path device, Path test) throws IOException, InterruptedException {
        Files.deleteIfExists(device);
        Files.deleteIfExists(test);
        Process p = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + test)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(device) && Files.exists(test));
        return p;
    }

    /** Writes "20.0,50" / "22.0,50" at 20 Hz, and a garbage line now and then. */
    private static Thread writer(Path test, AtomicBoolean writing) {
        Thread t = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(test)) {
                for (int i = 0; writing.get(); i++) {
                    String line = i % 50 == 7 ? "\u0001\u0002garbage\n" : (i % 2 == 0 ? "20.0" : "22.0") + ",50\n";
                    out.write(line.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException e) {
                // the pty went away under the writer: the unplug
            }
        }, "pty-writer");
        t.start();
        return t;
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new AssertionError(payload, e);
        }
    }

}
