package org.iotgateway.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** A gateway config producing ~400 aggregates/s: 4 simulated channels with 10 ms windows. */
public final class FastConfig {
    private FastConfig() {
    }

    /**
     * Writes {@code DIR/ID.yaml}.
     *
     * @param outboxExtra more keys of the outbox mapping, e.g. {@code ", sync: batch"}, or ""
     */
    public static Path write(Path dir, String id, String broker, String outboxExtra) throws Exception {
        Path file = dir.resolve(id + ".yaml");
        Files.writeString(file, """
                gateway: {id: %s}
                mqtt: {broker: %s, status-interval: 500ms}
                outbox: {path: state/outbox%s}
                sensors:
                  - id: s1
                    driver: simulated
                    params: {rate: 500}
                    channels:
                      - {id: a, window: 10ms}
                      - {id: b, window: 10ms}
                      - {id: c, window: 10ms}
                      - {id: d, window: 10ms}
                """.formatted(id, broker, outboxExtra));
        return file;
    }
}
