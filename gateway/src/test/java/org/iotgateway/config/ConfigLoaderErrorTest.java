package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of mistake lands on the exact line and column of the demo file (see ConfigFiles.DEMO). */
class ConfigLoaderErrorTest {
    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    private static String demoWith(String from, String to) {
        assertThat(ConfigFiles.DEMO).contains(from);
        return ConfigFiles.DEMO.replace(from, to);
    }

    @Test
    void misspeltKeyPointsAtTheKeyAndSuggestsTheRightOne() throws Exception {
        assertThat(files.problems(demoWith("broker:", "brokr:")))
                .containsExactly("gw.yaml:5:3: unknown key 'brokr' in mqtt; did you mean 'broker'?");
    }

    @Test
    void camelCaseKeySuggestsTheKebabCaseOne() throws Exception {
        assertThat(files.problems(demoWith("  qos: 1", "  clientId: me")))
                .containsExactly("gw.yaml:6:3: unknown key 'clientId' in mqtt; did you mean 'client-id'?");
    }

    @Test
    void unknownKeyFarFromAnyListsTheValidKeys() throws Exception {
        assertThat(files.problems(demoWith("  qos: 1", "  qos: 1\n  colour: blue")))
                .containsExactly("gw.yaml:7:3: unknown key 'colour' in mqtt; valid keys are: broker, client-id, "
                        + "username, password, password-file, tls, qos, topic, keep-alive, max-inflight, max-rate, "
                        + "dead-letter-after, status-interval, version, session-expiry, message-expiry");
    }

    @Test
    void unknownTopLevelKey() throws Exception {
        assertThat(files.problems(demoWith("sensors:", "sensor:")))
                .containsExactly("gw.yaml:1:1: 'sensors' is required",
                        "gw.yaml:13:1: unknown key 'sensor' at the top level; did you mean 'sensors'?");
    }

    @Test
    void wrongTypeNamesTheExpectedType() throws Exception {
        assertThat(files.problems(demoWith("qos: 1", "qos: \"high\"")))
                .containsExactly("gw.yaml:6:8: 'qos' must be a whole number, got 'high'");
        assertThat(files.problems(demoWith("print: true", "print: [yes]")))
                .containsExactly("gw.yaml:3:10: 'print' must be true or false, got a list");
        assertThat(files.problems(demoWith("  path: data/demo-outbox", "  path: {a: b}")))
                .containsExactly("gw.yaml:8:9: 'path' must be a file path, got a mapping");
    }

    @Test
    void recordValidationPointsAtTheValue() throws Exception {
        assertThat(files.problems(demoWith("qos: 1", "qos: 2")))
                .containsExactly("gw.yaml:6:8: 'qos' must be 0 or 1, got 2");
        assertThat(files.problems(demoWith("capacity: 65536", "capacity: 1000")))
                .containsExactly("gw.yaml:11:13: 'capacity' must be a power of two between 16 and 16777216, got 1000");
    }

    @Test
    void missingRequiredValuePointsAtItsSection() throws Exception {
        assertThat(files.problems(demoWith("  id: demo-gateway\n", "")))
                .containsExactly("gw.yaml:1:1: 'id' is required");
        assertThat(files.problems(demoWith("    driver: simulated\n", "")))
                .containsExactly("gw.yaml:14:5: 'driver' is required");
    }

    @Test
    void enumListsAllowedValuesAndSuggests() throws Exception {
        assertThat(files.problems(demoWith("drop-newest", "drop-newst")))
                .containsExactly("gw.yaml:12:13: 'overflow' must be one of block, drop-newest, got 'drop-newst'; did you mean 'drop-newest'?");
        assertThat(files.problems(demoWith("mean, last]", "mean, avg]")))
                .containsExactly("gw.yaml:21:45: 'aggregates[4]' must be one of count, min, max, mean, sum, first, last, stddev, twmean, rate, p50, p90, p95, p99, got 'avg'");
    }

    @Test
    void badDurationAndSizeText() throws Exception {
        assertThat(files.problems(demoWith("window: 5s", "window: 5 sec")))
                .containsExactly("gw.yaml:20:17: 'window' must be a duration such as 500ms, 10s, 1m, 2h or 7d, got '5 sec'");
        assertThat(files.problems(demoWith("max-bytes: 16MB", "max-bytes: 16 megs")))
                .containsExactly("gw.yaml:9:14: 'max-bytes' must be a size such as 512kB, 64MB, 1GB or 64MiB, got '16 megs'");
        assertThat(files.problems(demoWith("window: 5s", "window: 5")))
                .containsExactly("gw.yaml:20:17: 'window' must be a duration such as 500ms, 10s, 1m, 2h or 7d, got 5");
    }

    @Test
    void duplicateSensorIdPointsAtTheSecondAndNamesTheFirstLine() throws Exception {
        String yaml = ConfigFiles.DEMO + """
                  - id: env-1
                    driver: simulated
                    channels: [{id: c}]
                """;
        assertThat(files.problems(yaml)).containsExactly("gw.yaml:27:9: duplicate sensor id 'env-1' (first at line 14)");
    }

    @Test
    void duplicateChannelIdWithinASensor() throws Exception {
        assertThat(files.problems("""
                gateway: {id: g}
                sensors:
                  - id: s1
                    driver: simulated
                    channels:
                      - id: c1
                      - id: c2
                      - id: c1
                  - id: s2
                    driver: simulated
                    channels: [{id: c1}]
                """)).containsExactly("gw.yaml:8:13: duplicate channel id 'c1' in sensor 's1' (first at line 6)");
    }

    @Test
    void duplicateYamlKey() throws Exception {
        assertThat(files.problems(demoWith("  qos: 1", "  qos: 1\n  qos: 0")))
                .containsExactly("gw.yaml:7:3: duplicate key 'qos' in mqtt (first at line 6)");
    }

    @Test
    void unknownDriverSuggestsOrListsTheKnownOnes() throws Exception {
        assertThat(files.problems(demoWith("driver: simulated", "driver: simulatd")))
                .containsExactly("gw.yaml:15:13: unknown driver 'simulatd'; did you mean 'simulated'?");
        assertThat(files.problems(demoWith("driver: simulated", "driver: opcua")))
                .containsExactly("gw.yaml:15:13: unknown driver 'opcua'; known drivers: "
                        + String.join(", ", org.iotgateway.driver.DriverCatalog.names()));
    }

    @Test
    void unknownFilterType() throws Exception {
        assertThat(files.problems(demoWith("type: range", "type: rnage")))
                .containsExactly("gw.yaml:24:19: unknown filter type 'rnage'; did you mean 'range'?");
        assertThat(files.problems(demoWith("type: range", "type: kalman")))
                .containsExactly("gw.yaml:24:19: unknown filter type 'kalman'; known filter types: calibrate, deadband, "
                        + "hampel, median, range, rate-of-change, throttle");
    }

    @Test
    void filterParamsErrorsPointIntoTheFilterItem() throws Exception {
        assertThat(files.problems(demoWith("min: -40", "mn: -40")))
                .containsExactly("gw.yaml:25:13: unknown key 'mn' in sensors[0].channels[0].filters[0] (range filter); "
                        + "did you mean 'min'?");
        assertThat(files.problems(demoWith("min: -40", "min: 100")))
                .containsExactly("gw.yaml:25:18: 'min' (100.0) must not be above 'max' (85.0)");
    }

    @Test
    void driverParamsErrorsInsideAChannelPointAtTheRightLine() throws Exception {
        assertThat(files.problems(demoWith("period: 60s", "perod: 60s")))
                .containsExactly("gw.yaml:22:59: unknown key 'perod' in sensors[0].channels[0].params (simulated driver); "
                        + "did you mean 'period'?");
        assertThat(files.problems(demoWith("period: 60s", "period: 0s")))
                .containsExactly("gw.yaml:22:67: 'period' must be positive");
        assertThat(files.problems(demoWith("shape: sine", "shape: sin")))
                .containsExactly("gw.yaml:22:25: 'shape' must be one of sine, random-walk, step, constant, noise, got 'sin'; "
                        + "did you mean 'sine'?");
        assertThat(files.problems(demoWith("{rate: 1}", "{rate: 0}")))
                .containsExactly("gw.yaml:16:20: 'rate' must be more than 0 and at most 100000 readings/s, got 0.0");
    }

    @Test
    void allProblemsAreReportedInFileOrder() throws Exception {
        String yaml = demoWith("broker:", "brokr:").replace("window: 5s", "window: soon").replace("qos: 1", "qos: x");
        assertThat(files.problems(yaml)).containsExactly(
                "gw.yaml:5:3: unknown key 'brokr' in mqtt; did you mean 'broker'?",
                "gw.yaml:6:8: 'qos' must be a whole number, got 'x'",
                "gw.yaml:20:17: 'window' must be a duration such as 500ms, 10s, 1m, 2h or 7d, got 'soon'");
    }

    @Test
    void atLeastOneSensor() throws Exception {
        assertThat(files.problems("gateway: {id: g}\nsensors: []\n"))
                .containsExactly("gw.yaml:2:10: 'sensors' needs at least one sensor");
    }

    @Test
    void fileLevelProblems() throws Exception {
        assertThat(files.problems("")).containsExactly("gw.yaml: the file is empty");
        assertThat(files.problems("- a\n- b\n")).containsExactly("gw.yaml:1:1: the file must be a mapping (key: value), got a list");
        assertThat(files.problems("gateway: {id: g\n")).singleElement().asString().startsWith("gw.yaml:2:1: YAML syntax error: ");
        assertThat(files.problems("gateway: {id: g}\n" + ConfigFiles.MINIMAL_SENSORS + "---\nmqtt: {}\n"))
                .containsExactly("gw.yaml:8:1: only one YAML document is allowed per file");
    }

    @Test
    void unreadableFileSaysWhy() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> new ConfigLoader(k -> null).load(missing))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString).containsExactly(missing + ": cannot read: no such file"));
    }
}
