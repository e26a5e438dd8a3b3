package org.iotgateway.driver.i2c;

import org.iotgateway.driver.host.DeviceAccess;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.DeviceKind;
import org.iotgateway.driver.host.Failures;
import org.iotgateway.driver.pi4j.ProviderUnavailable;

/**
 * Why an I²C bus did not open, or a device on it did not answer, in words a user acts on (pi4j
 * says "path '/dev/i2c-1' is not readable" for what is a missing group). Pure.
 */
final class I2cTrouble {
    private I2cTrouble() {
    }

    /** The bus did not open (or the provider is not ready). */
    static DeviceFinding explain(I2cBus seen, Throwable failure) {
        if (failure instanceof ProviderUnavailable u && u.notInBuild()) {
            return DeviceFinding.fail("I²C bus " + seen.bus(), u.getMessage(),
                    "set the sensor's provider: linuxfs (the default)");
        }
        DeviceFinding bus = busProblem(seen, Failures.text(failure));
        return bus != null ? bus : DeviceFinding.fail("/dev/i2c-" + seen.bus(), Failures.text(failure),
                "i2cdetect -l lists the buses this system has");
    }

    /** What is wrong with the bus itself, if anything shows; null when it looks usable. Also for {@code check}. */
    static DeviceFinding busProblem(I2cBus seen, String failureText) {
        String dev = "/dev/i2c-" + seen.bus();
        if (!seen.enabled()) {
            return DeviceFinding.fail(dev, "I²C bus " + seen.bus() + " is not enabled (no /sys/bus/i2c/devices/i2c-"
                    + seen.bus() + ")", seen.bus() == 1
                    ? "sudo raspi-config nonint do_i2c 0 (or dtparam=i2c_arm=on in /boot/firmware/config.txt), then reboot"
                    : "add the overlay that creates bus " + seen.bus()
                    + " to /boot/firmware/config.txt (e.g. dtoverlay=i2c-gpio,bus=" + seen.bus() + "), then reboot");
        }
        if (!seen.node().exists()) {
            return DeviceFinding.fail(dev, "the bus is enabled but " + dev + " does not exist: the i2c-dev module is"
                    + " not loaded", "sudo modprobe i2c-dev, and add i2c-dev to /etc/modules for the next boot");
        }
        return DeviceAccess.refused(seen.node(), seen.self(), seen.accounts(), DeviceKind.I2C, true, failureText,
                seen.deviceClass());
    }

    /** A transfer failed on an open bus: nobody at the address, or a flaky wire. */
    static String transferProblem(int bus, String address, Throwable failure) {
        String text = Failures.text(failure);
        if (text.contains("Remote I/O error") || text.contains("No such device or address")) {
            return "nothing answers at " + address + " on I²C bus " + bus + "; fix: check wiring and power, and the"
                    + " address (i2cdetect -y " + bus + " lists what answers; a BME280 is 0x76 or 0x77)";
        }
        return "I²C error: " + text;
    }
}
