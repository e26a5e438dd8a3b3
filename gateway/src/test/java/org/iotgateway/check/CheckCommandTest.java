package org.iotgateway.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.config.ConfigLoader;
import org.junit.jupiter.api.Test;

class CheckCommandTest {
    @Test
    void aFailedCheckMakesExitStatus1AndPrintsItsFix() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckReport report = new CheckReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        report.add(CheckResult.ok("broker tcp://127.0.0.1:1883", "reachable"));
        report.add(CheckResult.warn("config", "a warning", null));
        report.add(CheckResult.fail("topic a/b", "not authorized (0x87)", "allow writes to a/b"));
        report.add(CheckResult.skip("topic c/d", "not checked: the broker refused the connection"));

        assertThat(report.finish()).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "ok    broker tcp://127.0.0.1:1883: reachable",
                "WARN  config: a warning",
                "FAIL  topic a/b: not authorized (0x87)",
                "      fix: allow writes to a/b",
                "skip  topic c/d: not checked: the broker refused the connection",
                "4 checks: 1 failed, 1 warning");
    }

    @Test
    void warningsAndSkipsAloneExit0() {
        CheckReport report = new CheckReport(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        report.add(CheckResult.warn("config", "w", null));
        report.add(CheckResult.skip("x", "y"));
        assertThat(report.finish()).isZero();
    }

    @Test
    void theConfigSuiteReportsEachLintWarningWithItsPosition() throws Exception {
        ConfigLoader.Loaded loaded = new ConfigLoader().parseLoaded("g.yaml", """
                gateway: {id: g}
                sensors:
                  - id: env
                    driver: bme280
                    params: {interval: 30s}
                    channels:
                      - {id: temperature, window: 1m}
                      - {id: humidity, window: 10s}
                """);
        List<CheckResult> out = new ArrayList<>();
        new ConfigChecks().run(loaded, out::add);
        assertThat(out).isNotEmpty().allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(CheckResult.Outcome.WARN);
            assertThat(r.detail()).startsWith("g.yaml:").contains("warning:");
        });
    }

    @Test
    void aValidConfigWithoutWarningsIsOneOkLine() throws Exception {
        ConfigLoader.Loaded loaded = new ConfigLoader().parseLoaded("g.yaml", """
                gateway:
                  id: g
                sensors:
                  - id: s
                    driver: simulated
                    params: {rate: 1}
                    channels:
                      - id: a
                        window: 10s
                """);
        List<CheckResult> out = new ArrayList<>();
        new ConfigChecks().run(loaded, out::add);
        assertThat(out).containsExactly(CheckResult.ok("config", "valid, no warnings"));
    }
}
