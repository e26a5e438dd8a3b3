package org.iotgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.iotgateway.testing.GatewayProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate's warnings through the real jar: each is printed as FILE:LINE:COL: warning: ... with
 * exit status 0, and --strict turns it into exit status 2; run logs the same warnings and runs.
 */
class ValidateWarningsIT {
    private static final String WINDOW_TOO_SHORT = """
            gateway: {id: g}
            mqtt: {broker: "tcp://127.0.0.1:1"}
            outbox: {path: data/o}
            sensors:
              - id: env
                driver: simulated
                params: {rate: 0.1}
                channels: [{id: t, window: 1s}]
            """;

    @TempDir
    Path dir;

    @Test
    void aWindowShorterThanTheSampleInterval() throws Exception {
        assertWarnsThenFailsUnderStrict(WINDOW_TOO_SHORT, "gw.yaml:8:32: warning: window 1s of env/t is shorter than its "
                + "sample interval 10s");
    }

    @Test
    void anOutboxThatHoldsLessThanAnHour() throws Exception {
        assertWarnsThenFailsUnderStrict("""
                gateway: {id: g}
                outbox: {path: data/o, max-bytes: 2MB}
                sensors:
                  - id: pump
                    driver: simulated
                    params: {rate: 100}
                    channels: [{id: vibration, window: none}]
                """, "gw.yaml:2:35: warning: the outbox holds about ");
    }

    @Test
    void twoChannelsOnOneTopic() throws Exception {
        assertWarnsThenFailsUnderStrict("""
                gateway: {id: g}
                mqtt: {topic: "x/{sensor}-{channel}"}
                outbox: {path: data/o}
                sensors:
                  - {id: a-b, driver: simulated, channels: [{id: c}]}
                  - {id: a, driver: simulated, channels: [{id: b-c}]}
                """, "gw.yaml:6:48: warning: channel a/b-c publishes to topic 'x/a-b-c', as does channel a-b/c (line 5)");
    }

    /** Stronger than a warning already: ids are checked by the loader, so these fail without --strict. */
    @Test
    void idsWithMqttWildcardsOrSlashesAreErrors() throws Exception {
        Files.writeString(dir.resolve("gw.yaml"), """
                gateway: {id: g}
                sensors:
                  - id: "env/1"
                    driver: simulated
                    channels: [{id: t}]
                  - id: env-2
                    driver: simulated
                    channels: [{id: "t+"}, {id: "h#"}]
                """);
        GatewayProcess p = GatewayProcess.run(dir, "validate", "--config", "gw.yaml");
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(p.stderr()).anySatisfy(l -> assertThat(l).startsWith("gw.yaml:3:9: 'id' must be"))
                .anySatisfy(l -> assertThat(l).startsWith("gw.yaml:8:21: 'id' must be"))
                .anySatisfy(l -> assertThat(l).startsWith("gw.yaml:8:33: 'id' must be"));
    }

    @Test
    void theShippedConfigsPassStrictAndSayHowLongTheOutboxLasts() throws Exception {
        GatewayProcess p = GatewayProcess.run(dir, "validate", "--strict", "--config", CliIT.DEMO.toString());
        assertThat(p.exitValue()).as(p.allOutput()).isZero();
        assertThat(p.stdout()).singleElement().asString().contains(": OK (gateway demo,").contains("outbox holds about");
        GatewayProcess device = GatewayProcess.run(dir, "validate", "--strict", "--config",
                CliIT.DEMO.resolveSibling("gateway.yaml").toString());
        assertThat(device.stdout()).singleElement().asString().contains("outbox keeps max-age 7d (room for about");
        assertThat(p.stderr()).noneSatisfy(l -> assertThat(l).contains("warning:"));
    }

    @Test
    void runLogsTheWarningsAndRunsAnyway() throws Exception {
        Files.writeString(dir.resolve("gw.yaml"), WINDOW_TOO_SHORT.replace("rate: 0.1", "rate: 0.5")
                .replace("gateway: {id: g}", "gateway: {id: g, print: true}").replace("window: 1s", "window: 1s, empty-windows: emit"));
        try (GatewayProcess p = GatewayProcess.start(dir, "run", "--config", "gw.yaml")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> p.stdout().size() >= 2);
            assertThat(p.stderr()).anySatisfy(l -> assertThat(l).contains("WARN")
                    .contains("gw.yaml:8:32: warning: window 1s of env/t is shorter than its sample interval 2s"));
            p.stop();
        }
    }

    private void assertWarnsThenFailsUnderStrict(String yaml, String warning) throws Exception {
        Files.writeString(dir.resolve("gw.yaml"), yaml);
        GatewayProcess lenient = GatewayProcess.run(dir, "validate", "--config", "gw.yaml");
        assertThat(lenient.exitValue()).as(lenient.allOutput()).isZero();
        assertThat(lenient.stderr()).anySatisfy(l -> assertThat(l).startsWith(warning));
        assertThat(lenient.stdout()).singleElement().asString().contains(": OK").contains("1 warning(s)");

        GatewayProcess strict = GatewayProcess.run(dir, "validate", "--strict", "--config", "gw.yaml");
        assertThat(strict.exitValue()).as(strict.allOutput()).isEqualTo(2);
        assertThat(strict.stderr()).anySatisfy(l -> assertThat(l).startsWith(warning))
                .anySatisfy(l -> assertThat(l).isEqualTo("gw.yaml: 1 warning(s), errors under --strict"));
        assertThat(strict.stdout()).isEmpty();
    }
}
