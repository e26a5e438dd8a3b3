package org.iotgateway.appliance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small disk image with Raspberry Pi OS's layout, made with the real tools: an MBR with a
 * FAT32 boot partition (type c, holding config.txt) and an ext4 root partition (type 83) whose
 * /etc/os-release is the one given. 60 MB, sparse.
 */
final class PiImage {
    static final String RASPIOS = "PRETTY_NAME=\"Raspbian GNU/Linux 12 (bookworm)\"\nNAME=\"Raspbian GNU/Linux\"\nID=raspbian\nID_LIKE=debian\n";
    private static final long ROOT_START = 83968;
    private static final long ROOT_SECTORS = 32768;

    private PiImage() {
    }

    static void requireTools() throws IOException, InterruptedException {
        Repo.requireTools("sfdisk", "mkfs.vfat", "mcopy", "mtype", "mkfs.ext4", "debugfs", "e2fsck");
    }

    /** Creates DIR/NAME with the given partition table label (dos for the Pi) and os-release. */
    static Path create(Path dir, String name, String label, String osRelease) throws IOException, InterruptedException {
        Cmd.bash(Map.of("D", dir.toString(), "NAME", name, "LABEL", label, "OSREL", osRelease), """
                cd "$D"; w="$(mktemp -d "$D/.build-XXXXXX")"
                mkdir -p "$w/root/etc/systemd/system" "$w/root/var/lib"
                printf '%s' "$OSREL" > "$w/root/etc/os-release"
                echo 'arm_64bit=1' > "$w/config.txt"
                truncate -s 40M "$w/boot.fat"; mkfs.vfat -F 32 -n bootfs "$w/boot.fat" >/dev/null
                mcopy -i "$w/boot.fat" "$w/config.txt" ::
                truncate -s 16M "$w/root.ext4"; mkfs.ext4 -q -L rootfs -d "$w/root" "$w/root.ext4"
                truncate -s 60M "$NAME"
                printf 'label: %s\\nstart=2048, size=81920, type=%s\\nstart=83968, size=32768, type=%s\\n' "$LABEL" \
                  "$([ "$LABEL" = dos ] && echo c || echo EBD0A0A2-B9E5-4433-87C0-68B6B72699C7)" \
                  "$([ "$LABEL" = dos ] && echo 83 || echo 0FC63DAF-8483-4772-8E79-3D69D8477DE4)" | sfdisk -q "$NAME"
                dd if="$w/boot.fat" of="$NAME" bs=1M seek=1 conv=notrunc status=none
                dd if="$w/root.ext4" of="$NAME" bs=512 seek=83968 conv=notrunc status=none
                rm -rf "$w"
                """).ok();
        return dir.resolve(name);
    }

    /** Copies the root partition of IMAGE out to a file that debugfs can read. */
    static Path rootPartition(Path image) throws IOException, InterruptedException {
        Path out = image.resolveSibling(image.getFileName() + ".root.ext4");
        Cmd.run("dd", "if=" + image, "of=" + out, "bs=512", "skip=" + ROOT_START, "count=" + ROOT_SECTORS, "status=none").ok();
        return out;
    }

    static String debugfs(Path ext4, String request) throws IOException, InterruptedException {
        // stdout only: debugfs prints its banner (and nothing else on success) on stderr.
        return Cmd.bash(Map.of("R", request, "F", ext4.toString()), "debugfs -R \"$R\" \"$F\" 2>/dev/null").ok().output();
    }

    static String bootFile(Path image, String name) throws IOException, InterruptedException {
        return Cmd.run(Map.of("MTOOLS_SKIP_CHECK", "1"), "mtype", "-i", image + "@@" + 2048 * 512, "::" + name).ok().output();
    }
}
