package org.iotgateway.driver.i2c;

import org.iotgateway.driver.host.Accounts;
import org.iotgateway.driver.host.Credentials;
import org.iotgateway.driver.host.DeviceKind;
import org.iotgateway.driver.host.DeviceNode;
import org.iotgateway.driver.host.Host;

/**
 * What the machine shows of one I²C bus: whether the kernel has it (sysfs), its /dev node (from
 * the i2c-dev module), and who this process is. Observed when the bus does not open, or by
 * {@code check}.
 *
 * @param bus the bus number
 * @param enabled whether {@code /sys/bus/i2c/devices/i2c-N} exists: the bus is enabled
 * @param node {@code /dev/i2c-N}
 * @param deviceClass its /proc/devices name, for DeviceAllow=
 */
record I2cBus(int bus, boolean enabled, DeviceNode node, String deviceClass, Credentials self, Accounts accounts) {
    static I2cBus observe(Host host, int bus) {
        DeviceNode node = host.node("/dev/i2c-" + bus);
        return new I2cBus(bus, host.exists("/sys/bus/i2c/devices/i2c-" + bus), node,
                host.charDriver(node.major()).orElse(DeviceKind.I2C.deviceClass()), host.self(), host.accounts());
    }
}
