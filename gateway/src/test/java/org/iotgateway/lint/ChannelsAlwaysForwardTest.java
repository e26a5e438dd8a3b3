package org.iotgateway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.iotgateway.app.ChannelTable;
import org.iotgateway.config.ChannelConfig;
import org.iotgateway.config.SensorConfig;
import org.iotgateway.stream.ChannelInfo;
import org.junit.jupiter.api.Test;

/**
 * "A channel with no window and no forwarding" has no warning because the config cannot say it: a
 * channel's {@code window} is a duration (default 1m) or {@code none}, and {@code none} forwards
 * every reading on its own; every aggregate or forwarded reading goes to the outbox and from there
 * to MQTT, and no key turns that off. These tests pin that down, so a key added to channels or
 * sensors makes someone decide whether it needs a check in {@link ConfigLint}.
 */
class ChannelsAlwaysForwardTest {
    @Test
    void everyWayOfWritingAWindowEitherWindowsOrForwardsEachReading() {
        List<ChannelInfo> channels = ChannelTable.of(Lint.load("""
                gateway: {id: g}
                sensors:
                  - id: s
                    driver: simulated
                    channels: [{id: default}, {id: none, window: none}, {id: zero, window: 0s}, {id: five, window: 5s}]
                """).config()).channels();
        assertThat(channels).extracting(ChannelInfo::channel, ChannelInfo::unwindowed, ChannelInfo::windowMillis)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("default", false, 60_000L),
                        org.assertj.core.groups.Tuple.tuple("none", true, 0L),
                        org.assertj.core.groups.Tuple.tuple("zero", true, 0L),
                        org.assertj.core.groups.Tuple.tuple("five", false, 5_000L));
    }

    @Test
    void noChannelOrSensorKeyCanStopReadingsFromReachingTheOutbox() {
        assertThat(components(ChannelConfig.class))
                .as("a new channel key: if it can keep a channel's readings from a window or the outbox, add a "
                        + "ConfigLint check for it (and list it in config/README.md's validate warnings)")
                .containsExactly("id", "unit", "filters", "window", "slide", "allowedLateness", "emptyWindows",
                        "aggregates", "params");
        assertThat(components(SensorConfig.class)).as("a new sensor key: same question")
                .containsExactly("id", "driver", "params", "channels", "staleAfter");
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
    }
}
