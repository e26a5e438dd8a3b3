package org.iotgateway.driver.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A temp directory shaped like the parts of / the diagnoses read (/dev, /sys, /proc, /etc), with
 * the account of the service user by default: uid 999 {@code iot-gateway}, in no other group.
 */
public final class HostTree {
    public final Path root;

    public HostTree(Path root) {
        this.root = root;
        file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\niot-gateway:x:999:999::/var/lib/iot-gateway:/usr/sbin/nologin\n");
        file("/etc/group", "root:x:0:\niot-gateway:x:999:\n");
        runAs(999, 999);
    }

    public Host host() {
        return Host.at(root);
    }

    /** /proc/self/status for a process of {@code uid} with these groups. */
    public HostTree runAs(int uid, int... groups) {
        StringBuilder g = new StringBuilder();
        for (int x : groups) {
            g.append(' ').append(x);
        }
        return file("/proc/self/status", "Name:\tjava\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\nGid:\t"
                + groups[0] + "\t" + groups[0] + "\t" + groups[0] + "\t" + groups[0] + "\nGroups:\t" + g.toString().trim() + "\n");
    }

    public HostTree file(String absolute, String text) {
        Path p = path(absolute);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public HostTree dir(String absolute) {
        try {
            Files.createDirectories(path(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A symbolic link at {@code absolute} with the (relative) {@code target}, as sysfs has them. */
    public HostTree link(String absolute, String target) {
        Path p = path(absolute);
        try {
            Files.createDirectories(p.getParent());
            Files.deleteIfExists(p);
            Files.createSymbolicLink(p, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Permissions such as {@code rw-rw----}. */
    public HostTree mode(String absolute, String perms) {
        try {
            Files.setPosixFilePermissions(path(absolute), PosixFilePermissions.fromString(perms));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The group id the files made here get: the owner group of /dev/... nodes in these tests. */
    public int fileGid(String absolute) {
        try {
            return (Integer) Files.getAttribute(path(absolute), "unix:gid");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }
}
