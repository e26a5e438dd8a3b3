package org.iotgateway.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iotgateway.testing.GatewayProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed launcher (a copy of scripts/iot-gateway outside the source tree, as
 * /usr/bin/iot-gateway is) running the gateway with no broker: by default it writes nothing but
 * the outbox; with IOT_GATEWAY_LOG_FILE it also writes a dated log file.
 */
class LogFileIT {
    private static final String CONFIG = """
            gateway: {id: logtest}
            mqtt: {broker: "tcp://127.0.0.1:1"}
            outbox: {path: state/outbox}
            sensors:
              - id: s
                driver: simulated
                channels: [{id: c, window: 1s}]
            """;

    /** Runs the gateway until it reports the broker unreachable, stops it; returns its stderr. */
    private static String runUntilStopped(Path dir, Map<String, String> env) throws Exception {
        Path launcher = Files.createDirectories(dir.resolve("usr/bin")).resolve("iot-gateway");
        Files.copy(Repo.root().resolve("scripts/iot-gateway"), launcher);
        Files.writeString(dir.resolve("gateway.yaml"), CONFIG);
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "run", "--config", "gateway.yaml")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(stderr.toFile());
        pb.environment().put("IOT_GATEWAY_JAR", GatewayProcess.jar());
        pb.environment().putAll(env);
        Process p = pb.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(stderr).contains("unreachable"));
        p.destroy();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(stderr);
        Files.delete(stderr);
        return output;
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void byDefaultNothingButTheOutboxIsWritten(@TempDir Path dir) throws Exception {
        runUntilStopped(dir, Map.of());
        // The outbox is its H2 file and the empty files whose names keep its boot, its clean stop
        // and its seq ceiling (MarkerFile): the first step of 64 seqs, at ~1 aggregate/s not used up.
        assertThat(files(dir)).containsExactly("gateway.yaml", "state/outbox.boot-1", "state/outbox.clean-stop-1",
                "state/outbox.mv.db", "state/outbox.seq-reserved-64", "usr/bin/iot-gateway");
    }

    @Test
    void withLogFileTheLogIsAlsoWrittenToTheFile(@TempDir Path dir) throws Exception {
        String stderr = runUntilStopped(dir, Map.of("IOT_GATEWAY_LOG_FILE", dir.resolve("log/gateway.log").toString()));
        assertThat(stderr).as("journald still gets everything").contains("unreachable", "Gateway: stopped");
        List<String> log = Files.readAllLines(dir.resolve("log/gateway.log"));
        assertThat(log).anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN  MqttPublisher: broker tcp://127.0.0.1:1 unreachable.*"));
        assertThat(log).anyMatch(l -> l.endsWith("Gateway: stopped"));
    }
}
