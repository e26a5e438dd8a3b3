package org.iotgateway.driver.i2c;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.HostTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class I2cDevicesTest {
    @TempDir
    Path root;

    @Test
    void aBusOnlyRootMayOpenAndOneTheServiceMay() {
        HostTree t = new HostTree(root).dir("/sys/bus/i2c/devices/i2c-1").file("/dev/i2c-1", "").mode("/dev/i2c-1", "rw-------");
        DeviceFinding f = I2cDevices.check(1, "linuxfs", t.host()).get(0);
        assertThat(f.outcome()).isEqualTo(DeviceFinding.Outcome.FAIL);
        assertThat(f.fix()).contains("SUBSYSTEM==\"i2c-dev\", GROUP=\"i2c\", MODE=\"0660\"")
                .contains("sudo usermod -aG i2c iot-gateway");
        t.mode("/dev/i2c-1", "rw-rw-rw-");
        assertThat(I2cDevices.check(1, "linuxfs", t.host()).get(0).outcome()).isEqualTo(DeviceFinding.Outcome.OK);
    }

    @Test
    void aBusThatIsNotEnabledOnAnotherNumber() {
        assertThat(I2cDevices.check(3, "linuxfs", new HostTree(root).host()).get(0).fix())
                .isEqualTo("add the overlay that creates bus 3 to /boot/firmware/config.txt (e.g. dtoverlay=i2c-gpio,bus=3),"
                        + " then reboot");
    }

    @Test
    void nothingAnsweringAtTheAddressIsNotCalledABusError() {
        RuntimeException e = new IllegalStateException("Failed to execute action for device 118 on bus 1",
                new java.io.IOException("Remote I/O error"));
        assertThat(I2cTrouble.transferProblem(1, "0x76", e)).isEqualTo("nothing answers at 0x76 on I²C bus 1; fix: check"
                + " wiring and power, and the address (i2cdetect -y 1 lists what answers; a BME280 is 0x76 or 0x77)");
        assertThat(I2cTrouble.transferProblem(1, "0x76", new IllegalStateException("read 3 of 8 bytes")))
                .isEqualTo("I²C error: read 3 of 8 bytes");
    }
}
