package org.iotgateway.driver.onewire;

import java.util.ArrayList;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.Host;

/**
 * {@code iot-gateway check} for a DS18B20 sensor: the 1-Wire bus is enabled and each configured
 * probe is on it (a missing one is a warning: the others still read).
 */
final class OneWireDevices {
    private OneWireDevices() {
    }

    static List<DeviceFinding> check(SensorSpec<OneWireParams, OneWireChannelParams> sensor, Host host) {
        String base = sensor.params().base().toString();
        if (!host.isDirectory(base)) {
            return List.of(DeviceFinding.fail(base, "1-Wire is not enabled (the directory does not exist)",
                    "add dtoverlay=w1-gpio to /boot/firmware/config.txt (data on GPIO 4; gpiopin=N for another),"
                    + " then reboot"));
        }
        List<String> found = host.list(base, "28-*");
        List<DeviceFinding> out = new ArrayList<>();
        for (ChannelSpec<OneWireChannelParams> c : sensor.channels()) {
            String device = c.params() == null || c.params().device() == null ? c.name() : c.params().device();
            if (device.equals(OneWireChannelParams.ALL)) {
                out.add(found.isEmpty()
                        ? DeviceFinding.warn(base, "no DS18B20 on the bus", "check wiring, power and the 4.7 kΩ pull-up")
                        : DeviceFinding.ok(base, found.size() + " DS18B20 found: " + String.join(", ", found)));
            } else if (found.contains(device)) {
                out.add(DeviceFinding.ok(base + "/" + device, "present"));
            } else {
                out.add(DeviceFinding.warn(base + "/" + device, "not on the bus" + (found.isEmpty() ? ""
                        : "; found " + String.join(", ", found)), "check the id (channel " + c.name()
                        + ") and the probe's wiring"));
            }
        }
        return out;
    }
}
