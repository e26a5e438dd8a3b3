package org.iotgateway.testing.gpio;

import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotgateway.testing.GatewayProcess;

/**
 * The real gateway process with a GPIO chip the test controls: a temp tree shaped like / (the
 * gateway runs as uid 999 {@code iot-gateway} in it; {@code dev/gpiochip0} is what the test
 * creates), and {@link FakeChipPlugin} on the classpath. Sensors use {@code provider: fakechip}.
 */
public final class FakeChip {
    public final Path root;
    public final Path chip;
    private final Path dir;

    /** A tree under {@code dir/host} without a chip yet. */
    public FakeChip(Path dir) throws IOException {
        this.dir = dir;
        this.root = dir.resolve("host");
        this.chip = root.resolve("dev/gpiochip0");
        write(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\niot-gateway:x:999:999::/:/usr/sbin/nologin\n");
        write(root.resolve("etc/group"), "root:x:0:\niot-gateway:x:999:\n");
        write(root.resolve("proc/self/status"), "Uid:\t999\t999\t999\t999\nGid:\t999\t999\t999\t999\nGroups:\t999\n");
        Files.createDirectories(chip.getParent());
    }

    /** {@code iot-gateway ARGS} in its own process, seeing this tree and the fake chip's provider. */
    public GatewayProcess start(String... args) throws Exception {
        return GatewayProcess.startWith(dir, List.of("-D" + "iotgateway.host.root=" + root), List.of(mockJar(), plugin()),
                args);
    }

    /** pi4j's mock plugin jar, which the shaded gateway jar leaves out (test scope). */
    private static Path mockJar() throws Exception {
        return Path.of(MockDigitalInputProviderImpl.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** A directory holding just the plugin's classes and its ServiceLoader entry. */
    private Path plugin() throws Exception {
        Path out = dir.resolve("plugin");
        String pkg = FakeChipPlugin.class.getPackageName().replace('.', '/');
        Path from = Path.of(FakeChipPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve(pkg);
        Files.createDirectories(out.resolve(pkg));
        try (DirectoryStream<Path> classes = Files.newDirectoryStream(from, "FakeChipPlugin*.class")) {
            for (Path c : classes) {
                Files.copy(c, out.resolve(pkg).resolve(c.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        write(out.resolve("META-INF/services/com.pi4j.extension.Plugin"), FakeChipPlugin.class.getName() + "\n");
        return out;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
