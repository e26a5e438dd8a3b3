package org.iotgateway.driver.onewire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.RecordingSink;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.SensorState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a sysfs-shaped temp tree, written the way w1-therm writes it. */
class Ds18b20DriverTest {
    private static final String A = "28-0316a2797eff";
    private static final String B = "28-000005e2fdc3";

    @TempDir
    Path bus;

    private void device(String id, String crc, String t) throws Exception {
        Path dir = Files.createDirectories(bus.resolve(id));
        Files.writeString(dir.resolve("w1_slave"), "72 01 4b 46 7f ff 0e 10 57 : crc=57 " + crc + "\n"
                + "72 01 4b 46 7f ff 0e 10 57 t=" + t + "\n");
    }

    private Ds18b20Driver driver(String... devices) {
        List<ChannelSpec<OneWireChannelParams>> channels = new java.util.ArrayList<>();
        for (int i = 0; i < devices.length; i++) {
            channels.add(new ChannelSpec<>(i, "t" + i, new OneWireChannelParams(devices[i])));
        }
        return new Ds18b20Driver(new SensorSpec<>("tank", new OneWireParams(bus, Duration.ofSeconds(1)), channels));
    }

    @Test
    void readsDevicesByIdIncludingNegativeTemperatures() throws Exception {
        device(A, "YES", "23125");
        device(B, "YES", "-10062");
        Files.createDirectories(bus.resolve("w1_bus_master1")); // not a DS18B20: ignored
        RecordingSink sink = new RecordingSink();
        driver(A, B).poll(1_000, sink);
        assertThat(sink.values(0)).containsExactly(23.125);
        assertThat(sink.values(1)).containsExactly(-10.062);
        assertThat(sink.lastState()).isEqualTo(SensorState.OK);
    }

    @Test
    void crcFailuresAndThePowerOnValueAreRejectedAndCounted() throws Exception {
        device(A, "NO", "23125");
        device(B, "YES", "85000");
        RecordingSink sink = new RecordingSink();
        Ds18b20Driver d = driver(A, B);
        d.poll(1_000, sink);
        d.poll(2_000, sink);
        assertThat(sink.readings).isEmpty();
        assertThat(sink.rejects("crc")).isEqualTo(2);
        assertThat(sink.rejects("power-on-reset")).isEqualTo(2);
        device(B, "YES", "21500");
        d.poll(3_000, sink);
        assertThat(sink.values(1)).containsExactly(21.5);
    }

    @Test
    void allFoundAndMissingDevices() throws Exception {
        device(A, "YES", "20000");
        device(B, "YES", "21000");
        RecordingSink sink = new RecordingSink();
        driver("*").poll(1_000, sink);
        assertThat(sink.values(0)).containsExactly(21.0, 20.0); // sorted by id: 28-0000..., 28-0316...
        RecordingSink gone = new RecordingSink();
        new Ds18b20Driver(new SensorSpec<>("x", new OneWireParams(bus.resolve("absent"), Duration.ofSeconds(1)),
                List.of(new ChannelSpec<>(0, A, new OneWireChannelParams(null))))).poll(1_000, gone);
        assertThat(gone.rejects("missing-device")).isEqualTo(1);
        assertThat(gone.lastState()).isEqualTo(SensorState.DISCONNECTED);
    }

    @Test
    void garbledFilesAreUnparseable() throws Exception {
        Path dir = Files.createDirectories(bus.resolve(A));
        Files.writeString(dir.resolve("w1_slave"), "00 00 00 00 00 00 00 00 00 : crc=00 YES\n");
        RecordingSink sink = new RecordingSink();
        driver(A).poll(1_000, sink);
        Files.writeString(dir.resolve("w1_slave"), "x : crc=00 YES\nno temperature here\n");
        driver(A).poll(1_000, sink);
        assertThat(sink.rejects("unparseable")).isEqualTo(2);
    }
}
