package org.iotgateway.driver.serial;

import java.util.List;
import java.util.Set;
import org.iotgateway.driver.host.DeviceAccess;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.DeviceKind;
import org.iotgateway.driver.host.DeviceNode;
import org.iotgateway.driver.host.Host;

/**
 * {@code iot-gateway check} for a serial sensor: the port exists (a by-id link that dangles is an
 * unplugged adapter), can be opened, and is of a class the service's device policy allows. The
 * port is not opened: on many boards (Arduino) opening it resets the board.
 */
public final class SerialDevices {
    /** The tty classes systemd/iot-gateway.service allows (DeviceAllow=char-...); a test keeps them in step. */
    static final Set<String> SERVICE_ALLOWS = Set.of("ttyUSB", "ttyACM", "ttyAMA", "ttyS");

    private SerialDevices() {
    }

    /** The findings for {@code port}, one line; the modbus driver's RTU buses are checked the same way. */
    public static List<DeviceFinding> check(String port, Host host) {
        if (host.danglingLink(port)) {
            return List.of(DeviceFinding.fail(port, "a link to a device that is not there: the adapter is unplugged",
                    "plug it in; ls -l /dev/serial/by-id/ lists the adapters present"));
        }
        if (!host.exists(port)) {
            boolean uart = port.startsWith("/dev/serial0") || port.startsWith("/dev/ttyAMA") || port.startsWith("/dev/ttyS");
            return List.of(DeviceFinding.fail(port, "does not exist", uart
                    ? "enable the UART: sudo raspi-config nonint do_serial_hw 0 (enable_uart=1 in /boot/firmware/config.txt), then reboot"
                    : "plug the adapter in; ls -l /dev/serial/by-id/ lists those present (use those paths: they survive reboots)"));
        }
        String real = host.realPath(port).orElse(port);
        String kernelName = real.substring(real.lastIndexOf('/') + 1);
        DeviceNode node = host.node(port);
        DeviceKind kind = DeviceKind.serial(kernelName);
        DeviceFinding access = DeviceAccess.check(node, host.self(), host.accounts(), kind, true);
        String deviceClass = host.charDriver(node.major()).orElse(kind.deviceClass());
        if (access.outcome() == DeviceFinding.Outcome.OK && !SERVICE_ALLOWS.contains(deviceClass)) {
            return List.of(DeviceFinding.warn(port, access.detail() + ", but the service's DevicePolicy=closed allows "
                    + "only " + String.join(", ", SERVICE_ALLOWS.stream().sorted().toList()) + ", not " + deviceClass,
                    "add DeviceAllow=char-" + deviceClass + " rw with sudo systemctl edit iot-gateway"));
        }
        return List.of(access);
    }
}
