package org.iotgateway.driver.gpio;

import org.iotgateway.driver.host.DeviceNode;

/**
 * A GPIO character device and its label ({@code pinctrl-bcm2711}), which is what pi4j's gpiod
 * provider looks at to pick the chip.
 *
 * @param name {@code gpiochip0}
 * @param node the node {@code /dev/gpiochip0}
 * @param label null when sysfs does not tell (no {@code /sys/class/gpio} on this kernel)
 * @param deviceClass its driver name in /proc/devices ({@code gpiochip}), as DeviceAllow= wants it
 */
record GpioChip(String name, DeviceNode node, String label, String deviceClass) {
    /** pi4j 2.8.0's test in GpioDContext.initialize. */
    boolean pi4jPicks() {
        return label != null && label.contains("pinctrl");
    }

    @Override
    public String toString() {
        return name + (label == null ? "" : " '" + label + "'");
    }
}
