package org.iotgateway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.Problem;
import org.junit.jupiter.api.Test;

class ConfigLintTest {
    @Test
    void warningsComeInFileOrderAndReadLikeACompilers() {
        List<Problem> warnings = ConfigLint.warnings(Lint.load("""
                gateway: {id: g}
                mqtt: {topic: "t/{sensor}{channel}"}
                outbox: {max-bytes: 1MB}
                sensors:
                  - id: ab
                    driver: simulated
                    params: {rate: 10000}
                    channels: [{id: c, window: none}]
                  - id: a
                    driver: bme280
                    channels: [{id: bc, window: 1s, params: {quantity: pressure}}]
                """));
        assertThat(warnings).extracting(Problem::line).containsExactly(3, 11, 11);
        assertThat(warnings).allSatisfy(w -> assertThat(w.toString()).matches("gw\\.yaml:\\d+:\\d+: warning: .*"));
    }

    /** The configs the project ships teach by example: none of them may lose or hide data. */
    @Test
    void theShippedConfigsHaveNoWarnings() throws IOException {
        Path config = Path.of("..", "config").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(config)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(yaml).hasSizeGreaterThanOrEqualTo(9);
            for (Path f : yaml) {
                assertThat(ConfigLint.warnings(load(f))).as(f.toString()).isEmpty();
            }
        }
    }

    private static ConfigLoader.Loaded load(Path f) {
        try {
            return new ConfigLoader(name -> null).loadFile(f);
        } catch (Exception e) {
            throw new AssertionError(f + " does not load", e);
        }
    }
}
