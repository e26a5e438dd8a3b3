package org.iotgateway.driver.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.HostTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialDevicesTest {
    private static final String BY_ID = "/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0";

    @TempDir
    Path root;

    private HostTree adapter(String perms) {
        HostTree t = new HostTree(root).file("/dev/ttyUSB0", "").link(BY_ID, "../../ttyUSB0").mode("/dev/ttyUSB0", perms);
        return t.file("/etc/group", "dialout:x:" + t.fileGid("/dev/ttyUSB0") + ":\niot-gateway:x:999:\n");
    }

    @Test
    void anUnpluggedAdapterIsADanglingByIdLink() {
        HostTree t = new HostTree(root).link(BY_ID, "../../ttyUSB0");
        assertThat(SerialDevices.check(BY_ID, t.host())).extracting(DeviceFinding::line).containsExactly(BY_ID
                + ": a link to a device that is not there: the adapter is unplugged; fix: plug it in; ls -l"
                + " /dev/serial/by-id/ lists the adapters present");
    }

    @Test
    void aMissingUartSaysHowToEnableIt() {
        assertThat(SerialDevices.check("/dev/serial0", new HostTree(root).host()).get(0).fix())
                .startsWith("enable the UART: sudo raspi-config nonint do_serial_hw 0");
        assertThat(SerialDevices.check("/dev/ttyUSB3", new HostTree(root).host()).get(0).line())
                .isEqualTo("/dev/ttyUSB3: does not exist; fix: plug the adapter in; ls -l /dev/serial/by-id/ lists those"
                        + " present (use those paths: they survive reboots)");
    }

    @Test
    void thePortsGroupIsNamedWhenTheServiceUserIsNotInIt() {
        DeviceFinding f = SerialDevices.check(BY_ID, adapter("rw-rw----").host()).get(0);
        assertThat(f.outcome()).isEqualTo(DeviceFinding.Outcome.FAIL);
        assertThat(f.subject()).isEqualTo(BY_ID);
        assertThat(f.detail()).endsWith(":dialout 0660 and user iot-gateway is not in group dialout");
        assertThat(f.fix()).startsWith("sudo usermod -aG dialout iot-gateway");
    }

    @Test
    void aPortOfAClassTheServiceDoesNotAllowIsAWarningWithTheDeviceAllowLine() {
        HostTree t = new HostTree(root).file("/dev/rfcomm0", "").mode("/dev/rfcomm0", "rw-rw-rw-");
        DeviceFinding f = SerialDevices.check("/dev/rfcomm0", t.host()).get(0);
        assertThat(f.outcome()).isEqualTo(DeviceFinding.Outcome.WARN);
        assertThat(f.detail()).endsWith(", but the service's DevicePolicy=closed allows only ttyACM, ttyAMA, ttyS,"
                + " ttyUSB, not rfcomm");
        assertThat(f.fix()).isEqualTo("add DeviceAllow=char-rfcomm rw with sudo systemctl edit iot-gateway");
        assertThat(SerialDevices.check(BY_ID, adapter("rw-rw-rw-").host()).get(0).outcome())
                .isEqualTo(DeviceFinding.Outcome.OK);
    }

    @Test
    void theTtyClassesItAcceptsAreTheServiceUnitsDeviceAllowLines() throws Exception {
        List<String> allowed = Files.readAllLines(Path.of("../systemd/iot-gateway.service")).stream()
                .filter(l -> l.startsWith("DeviceAllow=char-tty")).map(l -> l.substring(17, l.indexOf(' '))).toList();
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(SerialDevices.SERVICE_ALLOWS);
    }
}
