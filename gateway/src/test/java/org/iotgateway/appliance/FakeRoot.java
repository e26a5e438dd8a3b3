package org.iotgateway.appliance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An empty system for {@code dpkg --root}: its own dpkg database, passwd and group files (with
 * the {@code dialout} and {@code gpio} groups but no {@code i2c}), nothing else. Maintainer
 * scripts run with {@code --force-script-chrootless}: dpkg runs them on the host with DPKG_ROOT
 * set, and they apply every change under it. The Java dependency is not in this root, hence
 * {@code --force-depends}; systemd is not running, so the scripts enable the unit (symlinks)
 * but do not start it.
 */
final class FakeRoot {
    final Path dir;

    FakeRoot(Path dir) throws IOException {
        this.dir = dir;
        for (String d : List.of("etc", "var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers")) {
            Files.createDirectories(dir.resolve(d));
        }
        Files.writeString(dir.resolve("var/lib/dpkg/status"), "");
        Files.writeString(dir.resolve("var/lib/dpkg/available"), "");
        Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(dir.resolve("etc/group"), "root:x:0:\ndialout:x:20:\ngpio:x:997:\n");
        Files.writeString(dir.resolve("etc/shadow"), "root:*:19000:0:99999:7:::\n");
        Files.writeString(dir.resolve("etc/gshadow"), "root:*::\ndialout:*::\ngpio:!::\n");
        Files.setPosixFilePermissions(dir.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-------"));
    }

    Cmd.Result dpkg(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("dpkg", "--root=" + dir, "--force-script-chrootless", "--force-depends"));
        cmd.addAll(List.of(args));
        return Cmd.run(Map.of("DEBIAN_FRONTEND", "noninteractive"), cmd.toArray(String[]::new));
    }

    Path path(String absolute) {
        return dir.resolve(absolute.substring(1));
    }

    /** The numeric id of NAME in the root's passwd or group file, or -1. */
    int id(String file, String name) throws IOException {
        return Files.readAllLines(path("/etc/" + file)).stream()
                .map(l -> l.split(":"))
                .filter(f -> f[0].equals(name))
                .mapToInt(f -> Integer.parseInt(f[2]))
                .findFirst().orElse(-1);
    }

    /** Members of GROUP in the root's group file. */
    List<String> members(String group) throws IOException {
        return Files.readAllLines(path("/etc/group")).stream()
                .map(l -> l.split(":", -1))
                .filter(f -> f[0].equals(group))
                .flatMap(f -> f[3].isEmpty() ? java.util.stream.Stream.<String>empty() : java.util.Arrays.stream(f[3].split(",")))
                .toList();
    }

    String mode(String absolute) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path(absolute), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    int uid(String absolute) throws IOException {
        return (Integer) Files.getAttribute(path(absolute), "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    int gid(String absolute) throws IOException {
        return (Integer) Files.getAttribute(path(absolute), "unix:gid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }
}
