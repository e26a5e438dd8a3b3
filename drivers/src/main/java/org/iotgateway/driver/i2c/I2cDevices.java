package org.iotgateway.driver.i2c;

import java.util.List;
import org.iotgateway.driver.host.DeviceAccess;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.DeviceKind;
import org.iotgateway.driver.host.Host;

/**
 * {@code iot-gateway check} for an I²C sensor: the bus is enabled, /dev/i2c-N exists and can be
 * opened. Whether the chip answers is left to the running driver: check does not talk to devices.
 */
final class I2cDevices {
    private I2cDevices() {
    }

    static List<DeviceFinding> check(int bus, String provider, Host host) {
        if (!provider.equals("linuxfs")) {
            return List.of(DeviceFinding.skip("I²C bus " + bus, "provider " + provider
                    + ": check knows linuxfs's devices only"));
        }
        I2cBus seen = I2cBus.observe(host, bus);
        if (!seen.enabled() || !seen.node().exists()) {
            return List.of(I2cTrouble.busProblem(seen, null));
        }
        return List.of(DeviceAccess.check(seen.node(), seen.self(), seen.accounts(), DeviceKind.I2C, true));
    }
}
