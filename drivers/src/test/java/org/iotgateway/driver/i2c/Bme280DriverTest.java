package org.iotgateway.driver.i2c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pi4j.context.Context;
import com.pi4j.exception.Pi4JException;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProviderImpl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.RecordingSink;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.SensorState;
import java.util.concurrent.atomic.AtomicInteger;
import org.iotgateway.driver.host.Host;
import org.iotgateway.driver.pi4j.Pi4jProviders;
import org.iotgateway.driver.pi4j.ProviderUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through pi4j's mock I²C (a FIFO per register) with the calibration of the Bosch datasheet's
 * worked example (BMP280 datasheet section 3.12, the same formulas as the BME280's): adc_T 519888
 * gives t_fine 128422 and 25.08 °C, adc_P 415148 gives 100653.27 Pa (the integer formula lands
 * within 0.02 Pa of it). Humidity has no worked example: it is checked against the datasheet's
 * floating-point formula, implemented independently here.
 */
class Bme280DriverTest {
    private static final int[] TP = {27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000};
    private static final int H1 = 75, H2 = 362, H3 = 0, H4 = 313, H5 = 50, H6 = 30;

    /** How many times the provider fails to initialise before it works, as a missing bus does. */
    private final AtomicInteger failures = new AtomicInteger();
    private final Pi4jProviders providers = new Pi4jProviders((id, scratch) -> {
        assertThat(id).isEqualTo("mock-i2c");
        return failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? new FailingI2c() : MockI2CProvider.newInstance();
    });

    @TempDir
    Path root;

    private Bme280Driver driver(Bme280Mode mode) {
        Bme280Params p = new Bme280Params(1, "0x76", mode, 1, Duration.ofSeconds(1), "mock");
        return new Bme280Driver(new SensorSpec<>("env", p, List.of(
                new ChannelSpec<>(0, "temperature", new Bme280ChannelParams(null)),
                new ChannelSpec<>(1, "rh", new Bme280ChannelParams(Bme280Quantity.HUMIDITY)),
                new ChannelSpec<>(2, "pressure", new Bme280ChannelParams(null)))), providers.lease("mock-i2c"),
                Host.at(root));
    }

    /** pi4j's mock I²C provider, failing to initialise the way pi4j's linuxfs fails to open a bus that is not enabled. */
    private static final class FailingI2c extends MockI2CProviderImpl {
        @Override
        public I2CProvider initialize(Context context) {
            throw new Pi4JException("Sysfs validation failed for I2C bus 1: path '/sys/bus/i2c/devices/i2c-1' does not exist.");
        }
    }

    private static byte[] calibrationA() {
        byte[] a = new byte[26];
        for (int i = 0; i < TP.length; i++) {
            a[2 * i] = (byte) TP[i];
            a[2 * i + 1] = (byte) (TP[i] >> 8);
        }
        a[25] = (byte) H1;
        return a;
    }

    private static byte[] calibrationB() {
        return new byte[] {(byte) H2, (byte) (H2 >> 8), (byte) H3, (byte) (H4 >> 4),
                (byte) ((H4 & 0x0f) | (H5 & 0x0f) << 4), (byte) (H5 >> 4), (byte) H6};
    }

    private static byte[] data(int adcP, int adcT, int adcH) {
        return new byte[] {(byte) (adcP >> 12), (byte) (adcP >> 4), (byte) (adcP << 4),
                (byte) (adcT >> 12), (byte) (adcT >> 4), (byte) (adcT << 4), (byte) (adcH >> 8), (byte) adcH};
    }

    /** Chip id, calibration and one measurement of the worked example (adc_H 30000). */
    private static void loadBme280(MockI2C dev) {
        dev.writeRegister(0xD0, (byte) 0x60);
        dev.writeRegister(0x88, calibrationA(), 0, 26);
        dev.writeRegister(0xE1, calibrationB(), 0, 7);
        dev.writeRegister(0xF7, data(415148, 519888, 30000), 0, 8);
    }

    @Test
    void theDatasheetWorkedExampleThroughMockI2c() {
        RecordingSink sink = new RecordingSink();
        Bme280Driver d = driver(Bme280Mode.FORCED);
        MockI2C dev = preload(d);
        loadBme280(dev);
        dev.writeRegister(0xF3, (byte) 0x00); // status: not measuring
        d.poll(1_000, sink);
        assertThat(sink.lastState()).isEqualTo(SensorState.OK);
        assertThat(sink.values(0)).containsExactly(25.08);
        assertThat(sink.values(2)).hasSize(1);
        assertThat(sink.values(2).get(0) * 100).as("Pa").isCloseTo(100653.27, within(0.02));
        assertThat(sink.values(1).get(0)).isCloseTo(floatHumidity(30000, 128422), within(0.05));
        assertThat(sink.totalRejects()).isEqualTo(0);
    }

    @Test
    void humidityMatchesTheDatasheetFloatingPointFormulaAcrossTheRange() {
        Bme280Compensation c = new Bme280Compensation(Bme280Calibration.parse(calibrationA(), calibrationB()));
        for (int adcH = 20000; adcH <= 40000; adcH += 1000) {
            for (int tFine : new int[] {60000, 128422, 150000}) {
                double expected = floatHumidity(adcH, tFine);
                assertThat(c.humidity(adcH, tFine) / 1024.0).as("adc_H %d t_fine %d", adcH, tFine)
                        .isCloseTo(expected, within(0.05));
            }
        }
    }

    @Test
    void aWrongChipIdIsAClearErrorAndAnI2cFailureIsRetried() {
        RecordingSink sink = new RecordingSink();
        Bme280Driver d = driver(Bme280Mode.NORMAL);
        MockI2C dev = preload(d);
        dev.writeRegister(0xD0, (byte) 0x58);
        d.poll(1_000, sink);
        assertThat(sink.rejects("chip-id")).isEqualTo(1);
        assertThat(sink.lastState()).isEqualTo(SensorState.DISCONNECTED);
        assertThat(sink.readings).isEmpty();
        dev.writeRegister(0xD0, (byte) 0x60); // the right chip, but its registers then fail to read
        d.poll(2_000, sink);
        assertThat(sink.rejects("i2c-error")).isEqualTo(1);
        loadBme280(dev);
        d.poll(3_000, sink);
        assertThat(sink.lastState()).isEqualTo(SensorState.OK);
        assertThat(sink.values(0)).containsExactly(25.08);
    }

    @Test
    void aBusThatIsNotThereAtFirstIsExplainedCountedAndOpenedByALaterPollWithoutARestart() throws Exception {
        RecordingSink sink = new RecordingSink();
        failures.set(2);
        Bme280Driver d = driver(Bme280Mode.FORCED);
        d.poll(1_000, sink);
        assertThat(sink.lastState()).isEqualTo(SensorState.DISCONNECTED);
        assertThat(sink.lastDetail()).isEqualTo("/dev/i2c-1: I²C bus 1 is not enabled (no /sys/bus/i2c/devices/i2c-1);"
                + " fix: sudo raspi-config nonint do_i2c 0 (or dtparam=i2c_arm=on in /boot/firmware/config.txt), then reboot");
        Files.createDirectories(root.resolve("sys/bus/i2c/devices/i2c-1")); // enabled, but i2c-dev not loaded yet
        d.poll(2_000, sink);
        assertThat(sink.lastDetail()).startsWith("/dev/i2c-1: the bus is enabled but /dev/i2c-1 does not exist");
        assertThat(sink.rejects("i2c-error")).isEqualTo(2);
        MockI2C dev = preload(d); // the third attempt: the provider initialises
        loadBme280(dev);
        dev.writeRegister(0xF3, (byte) 0x00); // status: not measuring
        d.poll(3_000, sink);
        assertThat(sink.lastState()).isEqualTo(SensorState.OK);
        assertThat(sink.values(0)).containsExactly(25.08);
        d.close();
    }

    /** The driver's device handle, which the test loads before polling. */
    private static MockI2C preload(Bme280Driver d) {
        try {
            return (MockI2C) d.device();
        } catch (ProviderUnavailable e) {
            throw new AssertionError(e);
        }
    }

    /** The datasheet's double-precision humidity formula (section 4.2.3), independent of the driver. */
    private static double floatHumidity(int adcH, int tFine) {
        double v = tFine - 76800.0;
        v = (adcH - (H4 * 64.0 + H5 / 16384.0 * v))
                * (H2 / 65536.0 * (1.0 + H6 / 67108864.0 * v * (1.0 + H3 / 67108864.0 * v)));
        v = v * (1.0 - H1 * v / 524288.0);
        return Math.max(0, Math.min(100, v));
    }
}
