package org.iotgateway.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/flash.sh against synthetic Raspberry Pi OS images and a root directory. */
class FlashIT {
    private static final String DEB = "iot-gateway_0.1.0_all.deb";
    private static final String WANTS = "/etc/systemd/system/multi-user.target.wants/iot-gateway-firstboot.service";

    @TempDir
    static Path shared;
    static Path deb;
    static Path config;

    @BeforeAll
    static void buildPackage() throws Exception {
        PiImage.requireTools();
        Repo.requireTools("dpkg-deb");
        deb = Repo.buildDeb(shared.resolve("deb"), "0.1.0", null);
        config = Repo.root().resolve("config/gateway.yaml");
    }

    private static Cmd.Result flash(String... args) throws Exception {
        return Cmd.run(Stream.concat(Stream.of(Repo.script("flash.sh"), "--deb", deb.toString()), Stream.of(args)).toArray(String[]::new));
    }

    @Test
    void flashedImageInstallsTheGatewayAtFirstBoot(@TempDir Path dir) throws Exception {
        Path image = PiImage.create(dir, "pi.img", "dos", PiImage.RASPIOS);

        flash("--image", image.toString(), "--config", config.toString(), "--hostname", "pi-shed-3").ok();

        Path root = PiImage.rootPartition(image);
        assertThat(PiImage.debugfs(root, "stat " + WANTS)).contains("Type: symlink", "Fast link dest: \"/etc/systemd/system/iot-gateway-firstboot.service\"");
        assertThat(PiImage.debugfs(root, "cat /etc/systemd/system/iot-gateway-firstboot.service"))
                .isEqualTo(Files.readString(Repo.root().resolve("systemd/iot-gateway-firstboot.service")));
        assertThat(PiImage.debugfs(root, "stat /etc/iot-gateway/gateway.yaml")).contains("Mode:  0640", "User:     0   Group:     0");
        assertThat(PiImage.debugfs(root, "cat /etc/iot-gateway/gateway.yaml")).isEqualTo(Files.readString(config));
        assertThat(PiImage.debugfs(root, "cat /var/lib/iot-gateway-firstboot/hostname")).isEqualTo("pi-shed-3\n");
        assertThat(PiImage.debugfs(root, "stat /var/lib/iot-gateway-firstboot/firstboot.sh")).contains("Mode:  0755");
        Path staged = dir.resolve("staged.deb");
        PiImage.debugfs(root, "dump /var/lib/iot-gateway-firstboot/" + DEB + " " + staged);
        assertThat(Files.mismatch(staged, deb)).isEqualTo(-1L);
        assertThat(Cmd.run("e2fsck", "-fn", root.toString()).exit()).as("root file system consistent").isZero();
        assertThat(PiImage.bootFile(image, "config.txt")).isEqualTo("arm_64bit=1\n");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void unrecognisedImagesAreRefusedAndLeftByteIdentical(@TempDir Path dir) throws Exception {
        Path fedora = PiImage.create(dir, "fedora.img", "dos", "NAME=Fedora\nID=fedora\n");
        Path gpt = PiImage.create(dir, "gpt.img", "gpt", PiImage.RASPIOS);
        Path noise = dir.resolve("noise.img");
        Cmd.run("dd", "if=/dev/urandom", "of=" + noise, "bs=1M", "count=4", "status=none").ok();

        for (Path image : List.of(fedora, gpt, noise)) {
            Path before = Files.copy(image, dir.resolve(image.getFileName() + ".before"));
            Cmd.Result r = flash("--image", image.toString(), "--config", config.toString());
            assertThat(r.exit()).as(r.output()).isEqualTo(3);
            assertThat(r.output()).contains("refusing " + image, "The image was not changed");
            assertThat(Files.mismatch(image, before)).as(image.toString()).isEqualTo(-1L);
        }
        assertThat(flash("--image", fedora.toString(), "--config", config.toString()).output()).contains("/etc/os-release");
        assertThat(flash("--image", gpt.toString(), "--config", config.toString()).output()).contains("not an MBR");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void anInvalidConfigWritesNothing(@TempDir Path dir) throws Exception {
        Path image = PiImage.create(dir, "pi.img", "dos", PiImage.RASPIOS);
        Path before = Files.copy(image, dir.resolve("before.img"));
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "gateway:\n  id: \"bad id!\"\n");

        Cmd.Result r = flash("--image", image.toString(), "--config", bad.toString(), "--output", dir.resolve("out.img").toString());

        assertThat(r.exit()).as(r.output()).isEqualTo(2);
        assertThat(r.output()).contains("bad.yaml:2:", "nothing was written");
        assertThat(Files.mismatch(image, before)).isEqualTo(-1L);
        assertThat(dir.resolve("out.img")).doesNotExist();
    }

    @Test
    void aFlashKilledMidWayLeavesTheImageAsItWas(@TempDir Path dir) throws Exception {
        Path image = PiImage.create(dir, "pi.img", "dos", PiImage.RASPIOS);
        Path before = Files.copy(image, dir.resolve("before.img"));

        for (String step : List.of("edited", "written")) {
            Path log = dir.resolve(step + ".log");
            ProcessBuilder pb = new ProcessBuilder(Repo.script("flash.sh"), "--deb", deb.toString(), "--image", image.toString(), "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("IOT_GATEWAY_FLASH_PAUSE_AT", step);
            pb.environment().merge("PATH", ":/usr/sbin:/sbin", String::concat);
            Process p = pb.start();
            p.getOutputStream().close();
            await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("paused at " + step));
            // SIGKILL: no trap runs, as with a power cut or a killed terminal. The script first: killing
            // its paused `sleep` first let the script go on (and clean up) before its own kill arrived.
            List<ProcessHandle> children = p.descendants().toList();
            p.destroyForcibly().waitFor();
            children.forEach(ProcessHandle::destroyForcibly);
            assertThat(Files.mismatch(image, before)).as("after a kill at " + step).isEqualTo(-1L);
        }
        // The interrupted runs left only hidden work directories behind; a new run succeeds.
        assertThat(leftovers(dir)).hasSize(2);
        flash("--image", image.toString(), "--config", config.toString()).ok();
        assertThat(PiImage.debugfs(PiImage.rootPartition(image), "stat " + WANTS)).contains("Type: symlink");
    }

    @Test
    void rootfsInstallsIntoAMountedCard(@TempDir Path dir) throws Exception {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs/etc/systemd/system")).getParent().getParent().getParent();
        Files.writeString(rootfs.resolve("etc/os-release"), PiImage.RASPIOS);

        flash("--rootfs", rootfs.toString(), "--config", config.toString(), "--hostname", "pi-shed-4").ok();

        assertThat(Files.readSymbolicLink(rootfs.resolve(WANTS.substring(1)))).hasToString("/etc/systemd/system/iot-gateway-firstboot.service");
        Path conf = rootfs.resolve("etc/iot-gateway/gateway.yaml");
        assertThat(conf).hasSameTextualContentAs(config);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf))).isEqualTo("rw-r-----");
        assertThat(Files.mismatch(rootfs.resolve("var/lib/iot-gateway-firstboot/" + DEB), deb)).isEqualTo(-1L);
        assertThat(rootfs.resolve("var/lib/iot-gateway-firstboot/hostname")).hasContent("pi-shed-4");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Cmd.Result r = flash("--rootfs", empty.toString(), "--config", config.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.output()).contains("refusing " + empty);
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    /** A fleet flashed from one config with gateway.id: auto, each image named by --gateway-id. */
    @Test
    void aGatewayIdPerImageGoesBesideAConfigWithAuto(@TempDir Path dir) throws Exception {
        Path auto = Files.writeString(dir.resolve("fleet.yaml"),
                Files.readString(config).replace("id: pi-greenhouse-01", "id: auto"));
        Path image = PiImage.create(dir, "pi.img", "dos", PiImage.RASPIOS);

        Cmd.Result r = flash("--image", image.toString(), "--config", auto.toString(), "--gateway-id", "shed-7").ok();

        assertThat(r.output()).contains("OK (gateway shed-7 from ");
        Path root = PiImage.rootPartition(image);
        assertThat(PiImage.debugfs(root, "cat /etc/iot-gateway/gateway-id")).isEqualTo("shed-7\n");
        assertThat(PiImage.debugfs(root, "stat /etc/iot-gateway/gateway-id")).contains("Mode:  0644", "User:     0");
        assertThat(PiImage.debugfs(root, "cat /etc/iot-gateway/gateway.yaml")).isEqualTo(Files.readString(auto));

        // Flashed again without a name: the device derives its own id, the old name must not stay behind.
        flash("--image", image.toString(), "--config", auto.toString()).ok();
        Path reflashed = PiImage.rootPartition(image);
        assertThat(PiImage.debugfs(reflashed, "stat /etc/iot-gateway/gateway.yaml")).contains("Inode:");
        assertThat(PiImage.debugfs(reflashed, "stat /etc/iot-gateway/gateway-id")).doesNotContain("Inode:");

        Path rootfs = Files.createDirectories(dir.resolve("rootfs/etc/systemd/system")).getParent().getParent().getParent();
        Files.writeString(rootfs.resolve("etc/os-release"), PiImage.RASPIOS);
        flash("--rootfs", rootfs.toString(), "--config", auto.toString(), "--gateway-id", "shed-8").ok();
        assertThat(rootfs.resolve("etc/iot-gateway/gateway-id")).hasContent("shed-8");
    }

    @Test
    void aGatewayIdForAConfigThatNamesItsOwnIsRefused(@TempDir Path dir) throws Exception {
        Path image = PiImage.create(dir, "pi.img", "dos", PiImage.RASPIOS);
        Path before = Files.copy(image, dir.resolve("before.img"));

        Cmd.Result fixed = flash("--image", image.toString(), "--config", config.toString(), "--gateway-id", "shed-7");
        assertThat(fixed.exit()).as(fixed.output()).isEqualTo(2);
        assertThat(fixed.output()).contains("--gateway-id needs gateway.id: auto", "nothing was written");
        Cmd.Result bad = flash("--image", image.toString(), "--config", config.toString(), "--gateway-id", "shed 7");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.output()).contains("--gateway-id 'shed 7'");
        assertThat(Files.mismatch(image, before)).isEqualTo(-1L);
    }

    private static List<Path> leftovers(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".flash-")).toList();
        }
    }
}
