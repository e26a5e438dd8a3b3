package org.iotgateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/** What the broker launchers share: ending a server process, reading its log, removing its directory. */
final class ServerProcess {
    private ServerProcess() {
    }

    /** SIGTERM (or SIGKILL when {@code force}) to it and its children, and wait; SIGKILL if it lingers. */
    static void end(Process process, boolean force, int waitSeconds) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(force ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        if (force) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(waitSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String log(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Deletes {@code dir} and everything in it; a leftover temp dir is harmless. */
    static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // harmless
        }
    }
}
