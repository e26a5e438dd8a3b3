package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotgateway.config.ConfigException;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {
    static final String BASE = """
            gateway: {id: gw}
            mqtt: {broker: tcp://127.0.0.1:1883}
            outbox: {path: state/outbox}
            sensors:
              - id: s1
                driver: simulated
                params: {rate: 10}
                channels:
                  - {id: a, window: 1s}
                  - {id: b, window: 1s}
              - id: s2
                driver: simulated
                channels:
                  - {id: c, window: 1s}
            """;

    static GatewayConfig parse(String yaml) throws ConfigException {
        return new ConfigLoader(v -> null).parse("gw.yaml", yaml);
    }

    static int[] kept(String before, String after) throws ConfigException {
        GatewayConfig a = parse(before);
        GatewayConfig b = parse(after);
        return ConfigDiff.keptChannels(a, ChannelTable.of(a), b, ChannelTable.of(b));
    }

    @Test
    void theGatewayIdAndTheOutboxNeedARestartAndSayWhichKey() throws ConfigException {
        GatewayConfig base = parse(BASE);
        assertThat(ConfigDiff.needsRestart(base, parse(BASE.replace("id: gw", "id: gw2")))).containsExactly("gateway.id");
        assertThat(ConfigDiff.needsRestart(base, parse(BASE.replace("path: state/outbox", "path: state/outbox, max-bytes: 8MB"))))
                .containsExactly("outbox.max-bytes");
        assertThat(ConfigDiff.needsRestart(base, parse(BASE.replace("1883", "1884").replace("rate: 10", "rate: 5")))).isEmpty();
    }

    @Test
    void aChannelKeepsItsWindowsUnderItsNewIdWhenItAndItsSensorsDriverAreUnchanged() throws ConfigException {
        String added = BASE.replace("sensors:\n", "sensors:\n  - {id: s0, driver: simulated, channels: [{id: z}]}\n");
        assertThat(kept(BASE, added)).as("s1/a, s1/b, s2/c move one id up").containsExactly(1, 2, 3);
        assertThat(kept(BASE, BASE.replace("- {id: b, window: 1s}", "- {id: b, window: 2s}")))
                .as("b changed; its sibling a keeps its windows").containsExactly(0, -1, 2);
        assertThat(kept(BASE, BASE.replace("rate: 10", "rate: 20"))).as("s1's driver params changed").containsExactly(-1, -1, 2);
        assertThat(kept(BASE, BASE.replace("  - id: s2\n    driver: simulated\n    channels:\n      - {id: c, window: 1s}\n", "")))
                .as("s2 removed").containsExactly(0, 1, -1);
        assertThat(kept(BASE, BASE.replace("mqtt: {broker: tcp://127.0.0.1:1883}", "mqtt: {broker: tcp://127.0.0.1:1883, topic: \"x/{gateway}/{sensor}/{channel}\"}")))
                .as("a new topic does not touch windows").containsExactly(0, 1, 2);
    }
}
