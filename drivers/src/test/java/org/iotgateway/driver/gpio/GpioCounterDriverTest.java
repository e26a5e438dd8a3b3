package org.iotgateway.driver.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.RecordingSink;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.SensorState;
import org.junit.jupiter.api.Test;

class GpioCounterDriverTest {
    private static GpioCounterDriver driver(MockGpio gpio, Edge edge, double scale) {
        GpioCounterParams p = new GpioCounterParams(5, Pull.UP, edge, Duration.ofMillis(5), scale,
                Duration.ofHours(1), "mock");
        SensorSpec<GpioCounterParams, CounterChannelParams> spec = new SensorSpec<>("rain", p, List.of(
                new ChannelSpec<>(0, "total", new CounterChannelParams(CounterValue.COUNT)),
                new ChannelSpec<>(1, "rate", new CounterChannelParams(CounterValue.RATE))));
        return new GpioCounterDriver(spec, gpio.lease(), MockGpio.NO_HOST, MockGpio.fastRetry(), gpio.nanos::get,
                () -> gpio.nanos.get() / 1_000_000);
    }

    @Test
    void pulsesAtKnownIntervalsGiveScaledCountAndRateAndBouncesAreDropped() {
        RecordingSink sink = new RecordingSink();
        try (MockGpio gpio = new MockGpio(); GpioCounterDriver d = driver(gpio, Edge.FALLING, 0.5)) {
            d.start(sink);
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.lastState() == SensorState.OK);
            // 20 falling edges 100 ms apart during the first 2 s, each with a bounce 1 ms later.
            for (int i = 0; i < 20; i++) {
                long t = i * 100L;
                gpio.level(5, true, t);
                gpio.level(5, false, t + 50);
                gpio.level(5, true, t + 51);
                gpio.level(5, false, t + 52); // bounce
            }
            assertThat(d.pulses()).isEqualTo(20);
            assertThat(sink.rejects("bounce")).isEqualTo(20);
            gpio.nanos.set(2_000_000_000L);
            d.report();
            // Then 5 pulses in the next 5 s: 1 Hz.
            for (int i = 0; i < 5; i++) {
                gpio.level(5, true, 2_000 + i * 1000L);
                gpio.level(5, false, 2_500 + i * 1000L);
            }
            gpio.nanos.set(7_000_000_000L);
            d.report();
            assertThat(sink.values(0)).containsExactly(10.0, 12.5);
            assertThat(sink.values(1).get(0)).isCloseTo(20 * 0.5 / 2.0, within(1e-9));
            assertThat(sink.values(1).get(1)).isCloseTo(5 * 0.5 / 5.0, within(1e-9));
        }
    }

    @Test
    void risingAndBothEdges() {
        for (Edge edge : new Edge[] {Edge.RISING, Edge.BOTH}) {
            try (MockGpio gpio = new MockGpio(); GpioCounterDriver d = driver(gpio, edge, 1)) {
                d.start(new RecordingSink());
                await().atMost(Duration.ofSeconds(5)).until(() -> gpio.open(5));
                for (int i = 0; i < 3; i++) {
                    gpio.level(5, true, i * 100L);
                    gpio.level(5, false, i * 100L + 50);
                }
                assertThat(d.pulses()).as(edge.name()).isEqualTo(edge == Edge.BOTH ? 6 : 3);
            }
        }
    }
}
