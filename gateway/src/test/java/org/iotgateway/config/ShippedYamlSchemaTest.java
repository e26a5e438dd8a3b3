package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every YAML file the project ships names the schema on its first line (so the VS Code YAML
 * extension completes and checks it) and conforms to it; and the schema refuses and accepts the
 * same things as the loader in the cases people get wrong, so a pass here means something.
 */
class ShippedYamlSchemaTest {
    private static final Path REPO = RecordJavadoc.REPO;

    @Test
    void everyShippedYamlNamesTheSchemaOnItsFirstLine() throws IOException {
        List<Path> files = shipped();
        assertThat(files).hasSizeGreaterThanOrEqualTo(9);
        for (Path f : files) {
            String first = Files.readAllLines(f).get(0);
            String relative = f.getParent().relativize(ConfigSchema.FILE).toString();
            assertThat(first).as(REPO.relativize(f).toString())
                    .isEqualTo("# yaml-language-server: $schema=" + relative);
        }
    }

    @Test
    void everyShippedYamlConformsToTheSchemaAndLoads() throws Exception {
        for (Path f : shipped()) {
            assertThat(SchemaValidator.errors(Files.readString(f))).as(REPO.relativize(f).toString()).isEmpty();
            assertThat(new ConfigLoader(name -> null).load(f).sensors()).as(f.toString()).isNotEmpty();
        }
    }

    @Test
    void theSchemaRefusesWhatTheLoaderRefuses() {
        List<String> bad = List.of(
                "colour: blue\n" + ConfigFiles.MINIMAL_SENSORS,
                "mqtt: {brokr: tcp://localhost:1883}\n" + ConfigFiles.MINIMAL_SENSORS,
                "stream: {overflow: drop-oldest}\n" + ConfigFiles.MINIMAL_SENSORS,
                "mqtt: {keep-alive: 30 seconds}\n" + ConfigFiles.MINIMAL_SENSORS,
                "outbox: {max-bytes: 64 megabytes}\n" + ConfigFiles.MINIMAL_SENSORS,
                "mqtt: {qos: high}\n" + ConfigFiles.MINIMAL_SENSORS,
                sensor("driver: simulated\n    params: {interval: 10s}"),   // a bme280 key on a simulated sensor
                sensor("driver: serial\n    params: {baud: 9600}"),          // no port, no parser
                sensor("driver: bme280\n    params: {interval: 10s, quantity: humidity}"),
                sensor("driver: lm75"),
                sensor("driver: simulated\n    channels: [{id: c, params: {field: T}}]"),
                sensor("driver: simulated\n    channels: [{id: c, filters: [{type: range, threshold: 1}]}]"),
                sensor("driver: simulated\n    channels: [{id: c, filters: [{type: kalman}]}]"),
                sensor("driver: simulated\n    channels: [{id: c, filters: [{min: 1}]}]"),
                sensor("driver: simulated\n    channels: [{id: c, window: forever}]"),
                sensor("driver: simulated\n    channels: [{id: c, aggregates: [count, median]}]"),
                "gateway: {print: true}\n" + ConfigFiles.MINIMAL_SENSORS);
        for (String yaml : bad) {
            assertThat(SchemaValidator.errors(withGateway(yaml))).as(yaml).isNotEmpty();
            assertThat(refusedByLoader(withGateway(yaml))).as("the loader refuses too:\n" + yaml).isTrue();
        }
    }

    @Test
    void theSchemaAcceptsTheFormsTheLoaderAccepts() {
        List<String> good = List.of(
                "mqtt: {broker: tcp://a:1883, qos: '${QOS:-1}', keep-alive: 30s}\n" + ConfigFiles.MINIMAL_SENSORS,
                "mqtt: {broker: [ssl://a:8883, ssl://b:8883], max-inflight: \"10\"}\n" + ConfigFiles.MINIMAL_SENSORS,
                "outbox: {max-bytes: 1000000, sync: os}\n" + ConfigFiles.MINIMAL_SENSORS,
                "outbox: {max-bytes: 64MiB, full-policy: reject-new}\n" + ConfigFiles.MINIMAL_SENSORS,
                sensor("driver: bme280\n    params: {address: 0x77, interval: 1m}\n    channels: [{id: temperature}]"),
                sensor("driver: simulated\n    channels: {id: c, window: none, aggregates: last}"),
                sensor("driver: gpio-input\n    params: {pin: 17}\n    channels: [{id: open, window: 10m, slide: 1m}]"),
                sensor("driver: serial\n    params: {port: /dev/ttyUSB0, parser: csv, fields: [t, h]}\n"
                        + "    channels: [{id: t, params: {field: t}, filters: [{type: calibrate, polynomial: [0, 1.01]}]}]"));
        for (String yaml : good) {
            String doc = withGateway(yaml);
            assertThat(SchemaValidator.errors(doc)).as(doc).isEmpty();
            assertThat(refusedByLoader(doc)).as("the loader accepts too:\n" + doc).isFalse();
        }
    }

    /** A file with one sensor whose lines after "- id: s" are {@code rest} (channels default to one). */
    private static String sensor(String rest) {
        String body = "sensors:\n  - id: s\n    " + rest + "\n";
        return rest.contains("channels") ? body : body + "    channels: [{id: c}]\n";
    }

    private static String withGateway(String yaml) {
        return yaml.contains("gateway:") ? yaml : "gateway: {id: g}\n" + yaml;
    }

    private static boolean refusedByLoader(String yaml) {
        try {
            new ConfigLoader(name -> null).parse("t.yaml", yaml);
            return false;
        } catch (ConfigException e) {
            return true;
        }
    }

    /** config/*.yaml, config/examples/*.yaml, and any YAML under scripts/ (shipped with the package or image). */
    static List<Path> shipped() throws IOException {
        try (Stream<Path> config = Files.walk(REPO.resolve("config"));
             Stream<Path> scripts = Files.walk(REPO.resolve("scripts"))) {
            return Stream.concat(config, scripts)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        }
    }
}
