package org.iotgateway.driver.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.HostTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the gpio drivers and check read from a tree shaped like a Raspberry Pi 4's /dev, /sys and /proc. */
class GpioSystemTest {
    @TempDir
    Path root;

    /** Two chips as a Pi 4 on kernel 6.6 has them: the SoC's pin controller and the firmware's expander. */
    private HostTree pi4() {
        HostTree t = new HostTree(root)
                .file("/dev/gpiochip0", "").file("/dev/gpiochip1", "")
                .file("/proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.5\0")
                .file("/proc/cpuinfo", "processor\t: 0\nHardware\t: BCM2835\nRevision\t: c03115\nSerial\t\t: 1000\n")
                .file("/proc/devices", "Character devices:\n  1 mem\n254 gpiochip\n")
                .file("/sys/devices/platform/soc/fe200000.gpio/gpio/gpiochip512/label", "pinctrl-bcm2711\n")
                .dir("/sys/devices/platform/soc/fe200000.gpio/gpiochip0")
                .link("/sys/bus/gpio/devices/gpiochip0", "../../../devices/platform/soc/fe200000.gpio/gpiochip0")
                .file("/sys/devices/platform/soc/soc:firmware/soc:firmware:gpio/gpio/gpiochip504/label",
                        "raspberrypi-exp-gpio\n")
                .dir("/sys/devices/platform/soc/soc:firmware/soc:firmware:gpio/gpiochip1")
                .link("/sys/bus/gpio/devices/gpiochip1",
                        "../../../devices/platform/soc/soc:firmware/soc:firmware:gpio/gpiochip1");
        int gid = t.fileGid("/dev/gpiochip0");
        return t.file("/etc/group", "gpio:x:" + gid + ":iot-gateway\niot-gateway:x:999:\n").runAs(999, 999, gid)
                .mode("/dev/gpiochip0", "rw-rw----").mode("/dev/gpiochip1", "rw-rw----");
    }

    @Test
    void chipsTheirLabelsFromSysfsTheBoardAndTheProcess() {
        GpioSystem seen = GpioSystem.observe(pi4().host());
        assertThat(seen.chips()).extracting(GpioChip::toString)
                .containsExactly("gpiochip0 'pinctrl-bcm2711'", "gpiochip1 'raspberrypi-exp-gpio'");
        assertThat(seen.chips()).extracting(GpioChip::pi4jPicks).containsExactly(true, false);
        assertThat(seen.chips().get(0).node().mode()).isEqualTo(0660);
        assertThat(seen.chips().get(0).deviceClass()).isEqualTo("gpiochip"); // a plain file: major 0, the default
        assertThat(seen.board()).isEqualTo("model 'Raspberry Pi 4 Model B Rev 1.5', revision c03115");
        assertThat(seen.boardKnownToPi4j()).isTrue();
        assertThat(seen.self().user()).isEqualTo("iot-gateway");
        assertThat(GpioTrouble.chipProblem(seen, "")).as("nothing wrong shows").isNull();
    }

    @Test
    void withoutTheSysfsGpioClassLabelsAreUnknownAndNotBlamed() {
        HostTree t = new HostTree(root).file("/dev/gpiochip0", "").mode("/dev/gpiochip0", "rw-rw-rw-");
        GpioSystem seen = GpioSystem.observe(t.host());
        assertThat(seen.chips()).extracting(GpioChip::label).containsExactly((String) null);
        assertThat(seen.labelsKnown()).isFalse();
        assertThat(seen.boardKnownToPi4j()).isFalse();
        assertThat(seen.board()).isEqualTo("no /proc/device-tree/model, no Revision in /proc/cpuinfo");
        assertThat(GpioTrouble.chipProblem(seen, "")).isNull();
    }

    @Test
    void checkOnAPi4ListsEachChipAndWhoMayOpenIt() {
        List<DeviceFinding> lines = GpioDevices.check(17, "gpiod", pi4().host());
        assertThat(lines).extracting(DeviceFinding::outcome).containsOnly(DeviceFinding.Outcome.OK);
        assertThat(lines).extracting(DeviceFinding::subject).containsExactly("/dev/gpiochip0", "/dev/gpiochip1");
        assertThat(lines.get(0).detail()).startsWith("'pinctrl-bcm2711', the chip pi4j uses; ")
                .endsWith(":gpio 0660, open to you (iot-gateway)");
    }

    @Test
    void checkOnAMachineWithoutGpio() {
        List<DeviceFinding> lines = GpioDevices.check(17, "gpiod", new HostTree(root).host());
        assertThat(lines).extracting(DeviceFinding::line).containsExactly(
                "GPIO 17: pi4j does not recognise this board (no /proc/device-tree/model, no Revision in /proc/cpuinfo),"
                        + " and its gpiod provider opens a GPIO chip only on a Raspberry Pi it recognises; fix: run on a"
                        + " Raspberry Pi that pi4j 2.8.0 knows (1 to 5, 400, 500, Zero, Compute Module 1 to 5); a board"
                        + " revision newer than the gateway's pi4j needs a newer gateway",
                "/dev/gpiochip*: no GPIO chip: /dev/gpiochip* does not exist; fix: on a Pi the kernel creates it during"
                        + " boot (the gateway keeps trying); in a container, pass it in (--device /dev/gpiochip0)");
        assertThat(GpioDevices.check(17, "linuxfs", new HostTree(root).host())).extracting(DeviceFinding::outcome)
                .containsExactly(DeviceFinding.Outcome.SKIP);
    }
}
