package org.iotgateway.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.driver.host.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hardware suite on a temp tree shaped like a Pi's /, where the user running the check (pi) and
 * the service user are in group gpio, the I²C bus is open to its owner only, the serial adapter is
 * unplugged and 1-Wire is not enabled: one line per device, named after its sensor, with the fix,
 * and exit status 1.
 */
class HardwareChecksTest {
    @TempDir
    Path root;

    private static final String CONFIG = """
            gateway: {id: g}
            sensors:
              - id: door
                driver: gpio-input
                params: {pin: 17}
                channels: [{id: open, window: 1m}]
              - id: env
                driver: bme280
                params: {interval: 10s}
                channels: [{id: temperature, window: 1m}]
              - id: gps
                driver: serial
                params: {port: /dev/serial/by-id/usb-u-blox_GNSS-if00, parser: nmea}
                channels: [{id: latitude, window: 1m}]
              - id: probes
                driver: ds18b20
                channels: [{id: t, window: 1m, params: {device: "*"}}]
              - id: sim
                driver: simulated
                params: {rate: 1}
                channels: [{id: a, window: 10s}]
            """;

    private void file(String absolute, String text, String perms) throws IOException {
        Path p = root.resolve(absolute.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.ISO_8859_1);
        if (perms != null) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        }
    }

    private void pi() throws IOException {
        file("/dev/gpiochip0", "", "rw-rw----");
        file("/dev/i2c-1", "", "rw-------");
        Files.createDirectories(root.resolve("sys/bus/i2c/devices/i2c-1"));
        file("/sys/devices/platform/soc/fe200000.gpio/gpio/gpiochip512/label", "pinctrl-bcm2711\n", null);
        Files.createDirectories(root.resolve("sys/devices/platform/soc/fe200000.gpio/gpiochip0"));
        Files.createDirectories(root.resolve("sys/bus/gpio/devices"));
        Files.createSymbolicLink(root.resolve("sys/bus/gpio/devices/gpiochip0"),
                Path.of("../../../devices/platform/soc/fe200000.gpio/gpiochip0"));
        Files.createDirectories(root.resolve("dev/serial/by-id"));
        Files.createSymbolicLink(root.resolve("dev/serial/by-id/usb-u-blox_GNSS-if00"), Path.of("../../ttyACM0"));
        file("/proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.5\0", null);
        file("/proc/cpuinfo", "Revision\t: c03115\n", null);
        int gid = (Integer) Files.getAttribute(root.resolve("dev/gpiochip0"), "unix:gid");
        // The nodes' group is whatever this test's files get: call it gpio. The checking user is not their owner.
        file("/etc/passwd", "root:x:0:0::/root:/bin/sh\npi:x:4242:4242::/home/pi:/bin/bash\n"
                + "iot-gateway:x:999:999::/:/usr/sbin/nologin\n", null);
        file("/proc/self/status", "Uid:\t4242\t4242\t4242\t4242\nGid:\t4242\t4242\t4242\t4242\nGroups:\t4242 " + gid
                + "\n", null);
        file("/etc/group", "pi:x:4242:\niot-gateway:x:999:\ngpio:x:" + gid + ":pi,iot-gateway\n", null);
    }

    private List<CheckResult> run() throws Exception {
        List<CheckResult> out = new ArrayList<>();
        new HardwareChecks(Host.at(root)).run(new ConfigLoader().parseLoaded("g.yaml", CONFIG), out::add);
        return out;
    }

    @Test
    void oneLinePerDeviceNamedAfterItsSensorWithTheFix() throws Exception {
        pi();
        List<CheckResult> out = run();
        assertThat(out).extracting(CheckResult::subject).containsExactly(
                "sensor door /dev/gpiochip0",
                "sensor env /dev/i2c-1",
                "sensor gps /dev/serial/by-id/usb-u-blox_GNSS-if00",
                "sensor probes /sys/bus/w1/devices");
        assertThat(out.get(0)).isEqualTo(CheckResult.ok("sensor door /dev/gpiochip0", "'pinctrl-bcm2711', the chip pi4j"
                + " uses; " + owner() + ":gpio 0660, open to you (pi) and to the service user iot-gateway"));
        assertThat(out.get(1).outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(out.get(1).detail()).isEqualTo("permission denied: it is " + owner() + ":gpio 0600, so only " + owner()
                + " may read and write it, not user pi");
        assertThat(out.get(1).fix()).startsWith("give the I²C bus a group with a udev rule");
        assertThat(out.get(2).detail()).isEqualTo("a link to a device that is not there: the adapter is unplugged");
        assertThat(out.get(3).detail()).isEqualTo("1-Wire is not enabled (the directory does not exist)");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckReport report = new CheckReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out.forEach(report::add);
        assertThat(report.finish()).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("      fix: plug it in; ls -l /dev/serial/by-id/");
    }

    private String owner() throws IOException {
        int uid = (Integer) Files.getAttribute(root.resolve("dev/gpiochip0"), "unix:uid");
        return uid == 0 ? "root" : uid == 999 ? "iot-gateway" : Integer.toString(uid);
    }
}
