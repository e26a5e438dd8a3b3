package org.iotgateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceIdTest {
    /** A Raspberry Pi 4's /proc/cpuinfo, shortened. */
    private static final String PI4_CPUINFO = """
            processor\t: 3
            BogoMIPS\t: 108.00
            Features\t: fp asimd evtstrm crc32 cpuid

            Hardware\t: BCM2835
            Revision\t: c03114
            Serial\t\t: 10000000a1b2c3d4
            Model\t\t: Raspberry Pi 4 Model B Rev 1.4
            """;
    private static final String MACHINE_ID = "3f1c9b0e2a4d4f6e8a7b5c3d1e0f9a8b\n";

    @TempDir
    Path dir;

    private DeviceId device() {
        return new DeviceId(dir.resolve("gateway-id"), dir.resolve("cpuinfo"), dir.resolve("serial-number"),
                dir.resolve("machine-id"));
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aRaspberryPiIsNamedByTheSerialBurntIntoItsChip() throws Exception {
        write("cpuinfo", PI4_CPUINFO);
        write("machine-id", MACHINE_ID);
        DeviceId.Derived d = device().derive();
        assertThat(d.id()).isEqualTo("pi-10000000a1b2c3d4");
        assertThat(d.source()).contains("serial number").contains("cpuinfo");
    }

    @Test
    void anOlderPisZeroPaddedSerialLosesItsLeadingZeros() throws Exception {
        write("cpuinfo", "Hardware\t: BCM2835\nSerial\t\t: 00000000ABCDEF12\n");
        assertThat(device().derive().id()).isEqualTo("pi-abcdef12");
    }

    @Test
    void anIdFileWinsOverEverything() throws Exception {
        write("gateway-id", "greenhouse-07\n");
        write("cpuinfo", PI4_CPUINFO);
        assertThat(device().derive()).isEqualTo(new DeviceId.Derived("greenhouse-07", dir.resolve("gateway-id").toString()));
    }

    @Test
    void anIdFileThatIsNoIdIsRefusedNamingTheFile() throws Exception {
        write("gateway-id", "green house/7");
        assertThatThrownBy(() -> device().derive()).isInstanceOf(DeviceId.NotFound.class)
                .hasMessageContaining("gateway-id holds 'green house/7', not a gateway id");
    }

    @Test
    void withoutASerialTheDeviceTreeSerialThenTheHashedMachineId() throws Exception {
        write("cpuinfo", "processor\t: 0\nSerial\t\t: 0000000000000000\n"); // some ARM boards print zeros
        write("serial-number", "100000001234abcd\0");
        assertThat(device().derive().id()).isEqualTo("pi-100000001234abcd");
        Files.delete(dir.resolve("serial-number"));
        write("machine-id", MACHINE_ID);
        DeviceId.Derived d = device().derive();
        assertThat(d.id()).matches("gw-[0-9a-f]{12}").doesNotContain(MACHINE_ID.substring(0, 12));
        assertThat(device().derive()).as("stable").isEqualTo(d);
        write("machine-id", "4f1c9b0e2a4d4f6e8a7b5c3d1e0f9a8b\n");
        assertThat(device().derive().id()).as("another machine, another id").isNotEqualTo(d.id());
    }

    @Test
    void nothingToGoBySaysWhatWasTried() throws Exception {
        write("machine-id", "uninitialized\n");
        assertThatThrownBy(() -> device().derive()).isInstanceOf(DeviceId.NotFound.class)
                .hasMessageContaining("found no identity on this machine").hasMessageContaining("machine-id")
                .hasMessageContaining("cpuinfo").hasMessageContaining("set gateway.id");
    }
}
