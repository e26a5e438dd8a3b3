package org.iotgateway.driver.host;

/**
 * A kind of device node and the conventions of a Raspberry Pi OS system for it: the group that
 * owns it, the udev rule that gives it that group where the OS does not, and systemd's name for
 * its class in {@code DeviceAllow=char-NAME}.
 *
 * @param what how to call it in a message ({@code GPIO chip})
 * @param group the group that owns such nodes on Raspberry Pi OS
 * @param udevRule a rule giving that group access, for systems without one
 * @param deviceClass the /proc/devices name when the node's major cannot be looked up
 */
public record DeviceKind(String what, String group, String udevRule, String deviceClass) {
    public static final DeviceKind GPIO = new DeviceKind("GPIO chip", "gpio",
            "SUBSYSTEM==\"gpio\", KERNEL==\"gpiochip*\", GROUP=\"gpio\", MODE=\"0660\"", "gpiochip");
    public static final DeviceKind I2C = new DeviceKind("I²C bus", "i2c",
            "SUBSYSTEM==\"i2c-dev\", GROUP=\"i2c\", MODE=\"0660\"", "i2c");

    /** A serial port; its class is its kernel name without the number ({@code ttyUSB0} → {@code ttyUSB}). */
    public static DeviceKind serial(String kernelName) {
        return new DeviceKind("serial port", "dialout", "KERNEL==\"" + kernelName.replaceAll("[0-9]+$", "")
                + "*\", GROUP=\"dialout\", MODE=\"0660\"", kernelName.replaceAll("[0-9]+$", ""));
    }
}
