package org.iotgateway.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Writes YAML into a temp file and loads it, returning the config or the printed problems. */
final class ConfigFiles {
    static final String DEMO = """
            gateway:
              id: demo-gateway
              print: true
            mqtt:
              broker: tcp://localhost:1883
              qos: 1
            outbox:
              path: data/demo-outbox
              max-bytes: 16MB
            stream:
              capacity: 65536
              overflow: drop-newest
            sensors:
              - id: env-1
                driver: simulated
                params: {rate: 1}
                channels:
                  - id: temperature
                    unit: "°C"
                    window: 5s
                    aggregates: [count, min, max, mean, last]
                    params: {shape: sine, base: 21.5, amplitude: 1.5, period: 60s}
                    filters:
                      - type: range
                        min: -40
                        max: 85
            """;

    /** The smallest valid file; tests append or prepend what they check. */
    static final String MINIMAL_SENSORS = """
            sensors:
              - id: s1
                driver: simulated
                channels:
                  - id: c1
            """;

    private final Path dir;
    private final Function<String, String> env;

    ConfigFiles(Path dir) {
        this(dir, Map.of());
    }

    ConfigFiles(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = env::get;
    }

    Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("gw.yaml"), yaml);
    }

    GatewayConfig load(String yaml) throws IOException, ConfigException {
        return new ConfigLoader(env).load(write(yaml));
    }

    /** The problems as the CLI prints them, with the temp directory cut off: {@code gw.yaml:5:3: ...}. */
    List<String> problems(String yaml) throws IOException {
        return problems(write(yaml));
    }

    List<String> problems(Path file) {
        try {
            new ConfigLoader(env).load(file);
        } catch (ConfigException e) {
            return e.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
        }
        throw new AssertionError("expected the config in " + file + " to be refused");
    }

}
