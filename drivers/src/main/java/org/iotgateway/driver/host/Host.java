package org.iotgateway.driver.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The machine as drivers and {@code iot-gateway check} observe it when a device does not open:
 * device nodes and their owners, sysfs and procfs files, the account database. Everything is read
 * under a root directory, {@code /} in production; tests use a temp tree shaped like it, so that
 * every diagnosis can be produced without hardware. Reads only, a few small files; any thread.
 */
public final class Host {
    /** System property naming another root, for the tests that run the real gateway process. */
    public static final String ROOT_PROPERTY = "iotgateway.host.root";

    private final Path root;

    private Host(Path root) {
        this.root = root;
    }

    /** The real machine, or the tree {@value #ROOT_PROPERTY} names. */
    public static Host system() {
        String root = System.getProperty(ROOT_PROPERTY);
        return new Host(Path.of(root == null || root.isEmpty() ? "/" : root));
    }

    public static Host at(Path root) {
        return new Host(root);
    }

    /** The file at an absolute path of the machine ({@code /dev/gpiochip0}). */
    public Path path(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /** Stat of the node (links followed); what a user would see with {@code ls -lL}. */
    public DeviceNode node(String absolute) {
        Path p = path(absolute);
        try {
            Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,rdev");
            long rdev = (Long) a.get("rdev");
            return new DeviceNode(absolute, true, (Integer) a.get("mode") & 07777, (Integer) a.get("uid"),
                    (Integer) a.get("gid"), (int) ((rdev >>> 8) & 0xfff));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return DeviceNode.missing(absolute);
        }
    }

    /** Names in {@code dir} matching {@code glob}, sorted; none when the directory is missing. */
    public List<String> list(String dir, String glob) {
        List<String> names = new ArrayList<>();
        Path d = path(dir);
        if (!Files.isDirectory(d)) {
            return names;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d, glob)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            return names;
        }
        names.sort(null);
        return names;
    }

    public boolean exists(String absolute) {
        return Files.exists(path(absolute));
    }

    /** Whether the path is a symbolic link that points nowhere (a by-id link of an unplugged adapter). */
    public boolean danglingLink(String absolute) {
        Path p = path(absolute);
        return Files.isSymbolicLink(p) && !Files.exists(p);
    }

    /** A small text file, without NULs (device-tree strings end in one) and trimmed; empty if unreadable. */
    public Optional<String> read(String absolute) {
        try {
            return Optional.of(Files.readString(path(absolute), StandardCharsets.ISO_8859_1).replace("\0", "").trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The absolute path (in the machine's terms) a link resolves to, e.g. a sysfs device directory. */
    public Optional<String> realPath(String absolute) {
        try {
            Path real = path(absolute).toRealPath();
            Path rootReal = root.toRealPath();
            return real.startsWith(rootReal) ? Optional.of("/" + rootReal.relativize(real)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the path is a directory (links followed). */
    public boolean isDirectory(String absolute) {
        return Files.isDirectory(path(absolute));
    }

    /** The user this process runs as, its groups, and the account database to name them. */
    public Credentials self() {
        return Credentials.parse(read("/proc/self/status").orElse(""), accounts());
    }

    public Accounts accounts() {
        return Accounts.parse(read("/etc/passwd").orElse(""), read("/etc/group").orElse(""));
    }

    /** The driver name {@code /proc/devices} gives a character-device major, as systemd's DeviceAllow=char-NAME means it. */
    public Optional<String> charDriver(int major) {
        return read("/proc/devices").flatMap(text -> CharDevices.name(text, major));
    }
}
