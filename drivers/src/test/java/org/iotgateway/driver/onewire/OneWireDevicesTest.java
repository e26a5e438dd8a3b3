package org.iotgateway.driver.onewire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.HostTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OneWireDevicesTest {
    @TempDir
    Path root;

    private static SensorSpec<OneWireParams, OneWireChannelParams> sensor(String... devices) {
        List<ChannelSpec<OneWireChannelParams>> channels = new java.util.ArrayList<>();
        for (String d : devices) {
            channels.add(new ChannelSpec<>(channels.size(), "t" + channels.size(), new OneWireChannelParams(d)));
        }
        return new SensorSpec<>("probes", new OneWireParams(null, null), channels);
    }

    @Test
    void aBusThatIsNotEnabled() {
        assertThat(OneWireDevices.check(sensor("*"), new HostTree(root).host())).extracting(DeviceFinding::line)
                .containsExactly("/sys/bus/w1/devices: 1-Wire is not enabled (the directory does not exist); fix: add"
                        + " dtoverlay=w1-gpio to /boot/firmware/config.txt (data on GPIO 4; gpiopin=N for another),"
                        + " then reboot");
    }

    @Test
    void eachConfiguredProbeIsLookedFor() {
        HostTree t = new HostTree(root).dir("/sys/bus/w1/devices/28-0316a2797eff").dir("/sys/bus/w1/devices/w1_bus_master1");
        List<DeviceFinding> lines = OneWireDevices.check(sensor("28-0316a2797eff", "28-000000000001", "*"), t.host());
        assertThat(lines).extracting(DeviceFinding::outcome).containsExactly(DeviceFinding.Outcome.OK,
                DeviceFinding.Outcome.WARN, DeviceFinding.Outcome.OK);
        assertThat(lines.get(1).line()).isEqualTo("/sys/bus/w1/devices/28-000000000001: not on the bus; found"
                + " 28-0316a2797eff; fix: check the id (channel t1) and the probe's wiring");
        assertThat(lines.get(2).detail()).isEqualTo("1 DS18B20 found: 28-0316a2797eff");
    }
}
