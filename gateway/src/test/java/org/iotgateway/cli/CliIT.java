package org.iotgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.testing.GatewayProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a new user meets it, through the real jar in its own process. */
class CliIT {
    static final Path DEMO = Path.of("..", "config", "demo.yaml").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void validateReportsAMisspeltKeyWithItsPositionASuggestionAndExitStatus2() throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, """
                gateway:
                  id: test
                mqtt:
                  brokr: tcp://127.0.0.1:1
                sensors:
                  - id: s
                    driver: simulated
                    channels:
                      - id: c
                """);
        GatewayProcess p = GatewayProcess.run(dir, "validate", "--config", "gateway.yaml");
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(p.stderr()).anySatisfy(line -> assertThat(line)
                .startsWith("gateway.yaml:4:3: ")
                .contains("'brokr'")
                .contains("did you mean 'broker'?"));
    }

    @Test
    void validateAcceptsTheShippedConfigs() throws Exception {
        for (String name : List.of("demo.yaml", "gateway.yaml")) {
            Path config = DEMO.resolveSibling(name);
            GatewayProcess p = GatewayProcess.run(dir, "validate", "--config", config.toString());
            assertThat(p.exitValue()).as(name + ": " + p.stderr()).isZero();
            assertThat(p.stdout()).singleElement().asString().contains(": OK");
        }
    }

    @Test
    void theDemoPrintsAggregatesWithoutABrokerAndKeepsThemInTheOutbox() throws Exception {
        Path config = dir.resolve("demo.yaml");
        // The demo as shipped, pointed at a loopback port where no broker listens.
        Files.writeString(config, Files.readString(DEMO).replace("tcp://localhost:1883", "tcp://127.0.0.1:1"));
        try (GatewayProcess p = GatewayProcess.start(dir, "run", "--config", config.toString())) {
            await().atMost(Duration.ofSeconds(15)).until(() -> p.stdout().size() >= 4);
            p.stop();
            List<JsonNode> aggregates = p.stdout().stream().map(CliIT::parse).toList();
            JsonNode first = aggregates.get(0);
            assertThat(first.get("gateway").asText()).isEqualTo("demo");
            assertThat(first.fieldNames()).toIterable().contains("seq", "sensor", "channel", "unit", "start", "end", "count");
            assertThat(aggregates).extracting(a -> a.get("seq").asLong())
                    .as("consecutive seq").isEqualTo(java.util.stream.LongStream.rangeClosed(1, aggregates.size()).boxed().toList());
            assertThat(String.join("\n", p.stderr())).contains("unreachable");
            assertThat(dir.resolve("data/demo-outbox.mv.db")).exists();
        }
    }

    @Test
    void replayAndRunHaveHelpAndVersionPrintsTheVersion() throws Exception {
        GatewayProcess v = GatewayProcess.run(dir, "version");
        assertThat(v.exitValue()).isZero();
        assertThat(v.stdout()).singleElement().asString().matches("iot-gateway \\d+\\.\\d+\\.\\d+.*");
        for (String cmd : List.of("run", "validate", "replay")) {
            GatewayProcess h = GatewayProcess.run(dir, cmd, "--help");
            assertThat(h.exitValue()).isZero();
            assertThat(String.join("\n", h.stdout())).contains("--config");
        }
    }

    @Test
    void replayCountsAndReportsRejectedRowsAndStillExitsZero() throws Exception {
        Path config = dir.resolve("replay.yaml");
        Files.writeString(config, """
                gateway: {id: r}
                sensors:
                  - id: s
                    driver: simulated
                    channels:
                      - {id: c, window: 10s, aggregates: [count, sum]}
                """);
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, """
                timestamp,sensor,channel,value
                0,s,c,1.5
                1000,s,nope,2
                2000,s,c,abc
                2026-11-24T00:00:00Z,s,c,2.5
                """);
        GatewayProcess p = GatewayProcess.run(dir, "replay", "--config", "replay.yaml", "--input", "in.csv");
        assertThat(p.exitValue()).as(String.join("\n", p.stderr())).isZero();
        assertThat(p.stdout()).hasSize(2);
        assertThat(parse(p.stdout().get(0)).get("sum").asDouble()).isEqualTo(1.5);
        assertThat(parse(p.stdout().get(1)).get("seq").asLong()).isEqualTo(2);
        String err = String.join("\n", p.stderr());
        assertThat(err).contains("line 3").contains("line 4");

        GatewayProcess missing = GatewayProcess.run(dir, "replay", "--config", "replay.yaml", "--input", "absent.csv");
        assertThat(missing.exitValue()).isEqualTo(2);
        assertThat(String.join("\n", missing.stderr())).contains("absent.csv");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line on stdout: " + line, e);
        }
    }
}
