package org.iotgateway.driver.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.NoParams;
import org.iotgateway.driver.RecordingSink;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.SensorState;
import org.junit.jupiter.api.Test;

class GpioInputDriverTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static GpioInputDriver driver(MockGpio gpio, Duration heartbeat, boolean invert) {
        GpioInputParams p = new GpioInputParams(17, Pull.UP, Duration.ofMillis(20), heartbeat, invert, "mock");
        SensorSpec<GpioInputParams, NoParams> spec = new SensorSpec<>("door", p,
                List.of(new ChannelSpec<>(0, "open", new NoParams())));
        return new GpioInputDriver(spec, gpio.lease(), MockGpio.NO_HOST, MockGpio.fastRetry(), gpio.nanos::get,
                () -> gpio.nanos.get() / 1_000_000);
    }

    @Test
    void levelsAreReportedOnChangeAndBouncesInsideTheWindowAreDroppedAndCounted() {
        RecordingSink sink = new RecordingSink();
        try (MockGpio gpio = new MockGpio(); GpioInputDriver d = driver(gpio, Duration.ofHours(1), false)) {
            d.start(sink);
            await().atMost(WAIT).until(() -> sink.lastState() == SensorState.OK && sink.readings.size() == 1);
            gpio.level(17, true, 1_000);   // opens
            gpio.level(17, false, 1_003);  // bounce
            gpio.level(17, true, 1_010);   // bounce, ends on the level already reported
            await().atMost(WAIT).until(() -> !d.settling());
            gpio.level(17, false, 5_000);  // closes
            gpio.level(17, true, 5_010);   // bounce that ends on the other level: the door reopened
            await().atMost(WAIT).until(() -> !d.settling());
            assertThat(sink.rejects("bounce")).isEqualTo(3);
            assertThat(sink.values(0)).containsExactly(0.0, 1.0, 0.0, 1.0)
                    .as("initial level, open, close, and the settled level after the last bounce");
        }
    }

    @Test
    void theHeartbeatRepeatsTheLevelAndInvertTurnsActiveLowIntoOne() {
        RecordingSink sink = new RecordingSink();
        try (MockGpio gpio = new MockGpio(); GpioInputDriver d = driver(gpio, Duration.ofMillis(100), true)) {
            d.start(sink);
            await().atMost(WAIT).until(() -> sink.readings.size() >= 3);
            assertThat(sink.values(0)).allSatisfy(v -> assertThat(v).isEqualTo(1.0)); // low pin, inverted
        }
    }
}
