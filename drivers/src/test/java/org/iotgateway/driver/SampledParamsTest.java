package org.iotgateway.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.iotgateway.driver.gpio.GpioCounterParams;
import org.iotgateway.driver.gpio.GpioInputParams;
import org.iotgateway.driver.i2c.Bme280Params;
import org.iotgateway.driver.onewire.OneWireParams;
import org.iotgateway.driver.serial.SerialParams;
import org.iotgateway.driver.simulated.SignalParams;
import org.iotgateway.driver.simulated.SimulatedParams;
import org.junit.jupiter.api.Test;

/** The sample interval each driver's params promise, which validate compares windows against. */
class SampledParamsTest {
    @Test
    void polledAndTimedDriversReportTheirConfiguredInterval() {
        assertThat(new Bme280Params(null, null, null, null, Duration.ofSeconds(30), null).sampleInterval(null))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(new OneWireParams(Path.of("/sys"), null).sampleInterval(null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(new GpioCounterParams(17, null, null, null, null, Duration.ofMinutes(1), null).sampleInterval(null))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(new GpioInputParams(17, null, null, Duration.ofSeconds(90), null, null).sampleInterval(null))
                .as("a steady level is reported once per heartbeat").isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void simulatedUsesTheChannelsRateOverTheSensors() {
        SimulatedParams sensor = new SimulatedParams(4.0, null);
        assertThat(sensor.sampleInterval(SignalParams.defaults())).isEqualTo(Duration.ofMillis(250));
        assertThat(sensor.sampleInterval(new SignalParams(null, null, null, null, 0.1))).isEqualTo(Duration.ofSeconds(10));
        assertThat(new SimulatedParams(3000.0, null).sampleInterval(null)).isEqualTo(Duration.ofNanos(333_333));
    }

    @Test
    void serialHasNoIntervalTheDeviceSetsThePace() {
        assertThat(SampledParams.class.isAssignableFrom(SerialParams.class)).isFalse();
    }
}
