package org.iotgateway.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd/iot-gateway-firstboot.sh against a root made by flash.sh --rootfs, with apt-get,
 * systemctl and hostname replaced by stubs that record their arguments (and apt-get failing on
 * demand): the host name and /etc/hosts, the apt call, and that it disables itself only after
 * a successful install.
 */
class FirstBootIT {
    private static final String STUB = "#!/bin/sh\necho \"$(basename \"$0\") $*\" >>\"$CALLS\"\n"
            + "[ \"$(basename \"$0\")\" != apt-get ] || [ -z \"${APT_FAILS:-}\" ] || [ \"$1\" != install ] || exit 100\n";

    private static Path flashedRoot(Path dir) throws Exception {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs/etc/systemd/system")).getParent().getParent().getParent();
        Files.writeString(rootfs.resolve("etc/os-release"), PiImage.RASPIOS);
        Files.writeString(rootfs.resolve("etc/hosts"), "127.0.0.1\tlocalhost\n127.0.1.1\traspberrypi\n");
        Path deb = Repo.buildDeb(dir.resolve("deb"), "0.1.0", null);
        Cmd.run(Repo.script("flash.sh"), "--rootfs", rootfs.toString(), "--deb", deb.toString(),
                "--config", Repo.root().resolve("config/gateway.yaml").toString(), "--hostname", "pi-shed-9").ok();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : new String[] {"apt-get", "systemctl", "hostname"}) {
            Files.writeString(bin.resolve(tool), STUB);
            bin.resolve(tool).toFile().setExecutable(true);
        }
        return rootfs;
    }

    private static Cmd.Result firstBoot(Path dir, Path rootfs, boolean aptFails) throws Exception {
        return Cmd.run(Map.of("IOT_GATEWAY_FIRSTBOOT_ROOT", rootfs.toString(), "CALLS", dir.resolve("calls").toString(),
                        "PATH", dir.resolve("bin") + ":/usr/bin:/bin", "APT_FAILS", aptFails ? "yes" : ""),
                "sh", rootfs.resolve("var/lib/iot-gateway-firstboot/firstboot.sh").toString());
    }

    @Test
    void installsThroughAptSetsTheHostNameAndDisablesItself(@TempDir Path dir) throws Exception {
        Path rootfs = flashedRoot(dir);

        firstBoot(dir, rootfs, false).ok();

        assertThat(rootfs.resolve("etc/hostname")).hasContent("pi-shed-9");
        assertThat(rootfs.resolve("etc/hosts")).hasContent("127.0.0.1\tlocalhost\n127.0.1.1\tpi-shed-9");
        assertThat(Files.readAllLines(dir.resolve("calls"))).containsExactly(
                "hostname pi-shed-9",
                "apt-get update",
                "apt-get install -y -o Dpkg::Options::=--force-confold " + rootfs + "/var/lib/iot-gateway-firstboot/iot-gateway_0.1.0_all.deb",
                "systemctl disable iot-gateway-firstboot.service");
        assertThat(rootfs.resolve("var/lib/iot-gateway-firstboot")).doesNotExist();
        assertThat(rootfs.resolve("etc/iot-gateway/gateway.yaml")).exists();
    }

    @Test
    void aFailedInstallKeepsEverythingForTheRetry(@TempDir Path dir) throws Exception {
        Path rootfs = flashedRoot(dir);

        Cmd.Result r = firstBoot(dir, rootfs, true);

        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(Files.readString(dir.resolve("calls"))).doesNotContain("systemctl disable");
        assertThat(rootfs.resolve("var/lib/iot-gateway-firstboot/firstboot.sh")).exists();
        assertThat(rootfs.resolve("var/lib/iot-gateway-firstboot/iot-gateway_0.1.0_all.deb")).exists();
    }
}
