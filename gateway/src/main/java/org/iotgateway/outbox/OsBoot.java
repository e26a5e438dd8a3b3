package org.iotgateway.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OS boot this process runs in, as a hash of Linux's /proc/sys/kernel/random/boot_id: a run
 * that ended uncleanly in another OS boot may have lost everything the page cache held (a power
 * cut), one in the same OS boot only what H2 had not written yet (a crash).
 */
final class OsBoot {
    /**
     * Names a file to read instead of /proc/sys/kernel/random/boot_id. Test-only in spirit: the
     * power-cut test restarts the gateway "after a reboot" with it ({@code -Diotgateway.boot-id-file=…}).
     */
    static final String BOOT_ID_FILE = "iotgateway.boot-id-file";
    private static final String PROC = "/proc/sys/kernel/random/boot_id";

    private OsBoot() {
    }

    /** The current OS boot, or 0 where it cannot be read (not Linux): then no stop counts as a power cut. */
    static long current() {
        try {
            return Files.readString(Path.of(System.getProperty(BOOT_ID_FILE, PROC))).trim().hashCode();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
