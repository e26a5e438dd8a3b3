package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.iotgateway.driver.DriverCatalog;
import org.junit.jupiter.api.Test;

/** Every file in config/examples loads and validates, and every driver has an example. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "config", "examples").toAbsolutePath().normalize();

    @Test
    void everyExampleLoadsAndEveryDriverHasOne() throws Exception {
        Set<String> drivers = new TreeSet<>();
        List<Path> files = files();
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            GatewayConfig config = new ConfigLoader(name -> null).load(f);
            assertThat(config.sensors()).as(f.toString()).isNotEmpty();
            config.sensors().forEach(s -> drivers.add(s.driver()));
        }
        for (String name : DriverCatalog.names()) {
            assertThat(drivers).as("a config/examples file uses driver " + name).contains(name);
            if (!name.equals("simulated")) {
                assertThat(EXAMPLES.resolve(name + ".yaml")).as("config/examples/" + name + ".yaml").exists();
            }
        }
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
