package org.iotgateway.driver.serial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.SensorSpec;

/** Builds serial sensor specs for tests: channel ids 0, 1, 2... in the order of their fields. */
final class SerialSpecs {
    private SerialSpecs() {
    }

    static SerialParams params(String port, ParserKind parser, List<String> fields, String pattern) {
        return new SerialParams(port, 9600, null, null, null, parser, null, 128, fields, null, pattern,
                Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    static SensorSpec<SerialParams, SerialChannelParams> spec(SerialParams p, String... channelFields) {
        List<ChannelSpec<SerialChannelParams>> channels = new ArrayList<>();
        for (int i = 0; i < channelFields.length; i++) {
            channels.add(new ChannelSpec<>(i, "c" + i, new SerialChannelParams(channelFields[i])));
        }
        return new SensorSpec<>("serial-1", p, channels);
    }
}
