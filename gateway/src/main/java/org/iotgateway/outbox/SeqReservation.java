package org.iotgateway.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps seqs from being reused after a power cut. Under {@code sync: interval} or {@code os} a
 * power cut can roll the file back past seqs that were already published; reusing them would make
 * subscribers that deduplicate on (gateway, seq) discard new aggregates as duplicates. So a seq
 * ceiling {@link #BLOCK} ahead is fsynced (once per half block: rare), and a start that follows an
 * unclean stop AND a new OS boot (/proc/sys/kernel/random/boot_id changed: the page cache is gone,
 * so it may have been a power cut) resumes above the ceiling: a visible, logged gap instead of a
 * silent reuse. After a plain process crash (SIGKILL) the page cache kept every committed write and
 * seq simply continues. The ceiling is also mirrored, raised first, in a {@link SeqMarker#reserved}
 * file next to the store: if the store itself becomes unreadable and is replaced, that is what
 * tells the new file where seq had got. Runs on the opening thread, then on the writer thread only.
 */
final class SeqReservation {
    private static final Logger log = LoggerFactory.getLogger(SeqReservation.class);
    static final long BLOCK = 100_000;
    private static final String RESERVED = "seq_reserved";
    private static final String CLEAN = "clean_stop";
    private static final String OS_BOOT = "os_boot";
    /**
     * Names a file to read the OS boot id from instead of /proc/sys/kernel/random/boot_id: the
     * power-cut test restarts the gateway "after a reboot" with it. Not for production use.
     */
    static final String BOOT_ID_FILE = "iotgateway.boot-id-file";

    private final OutboxDatabase db;
    private final SeqMarker marker;
    private long reserved;

    private SeqReservation(OutboxDatabase db, SeqMarker marker, long reserved) {
        this.db = db;
        this.marker = marker;
        this.reserved = reserved;
    }

    /** Opening thread: decides where seq resumes and marks the file in use. Returns the reservation. */
    static SeqReservation open(OutboxDatabase db, SeqMarker marker, long[] lastSeq) throws SQLException {
        OutboxStore store = db.writer();
        long osBoot = osBoot();
        long reserved = store.meta(RESERVED, 0);
        boolean clean = store.meta(CLEAN, 1) == 1;
        long storedBoot = store.meta(OS_BOOT, osBoot);
        if (!clean && storedBoot != osBoot && reserved > lastSeq[0]) {
            log.error("outbox: the last run did not stop cleanly and the OS rebooted since (power cut?): seq resumes"
                    + " at {} instead of {}, so seqs published before the cut but lost from the disk are never reused;"
                    + " seqs {}..{} are a gap", reserved + 1, lastSeq[0] + 1, lastSeq[0] + 1, reserved);
            lastSeq[0] = reserved;
        }
        // Recorded now, not with the first batch: a crash before it must not resume below this.
        store.putLastSeq(lastSeq[0]);
        store.putMeta(OS_BOOT, osBoot);
        store.putMeta(CLEAN, 0);
        SeqReservation r = new SeqReservation(db, marker, reserved);
        r.renew(lastSeq[0]);
        return r;
    }

    /** Writer thread, after a commit: renews the ceiling when half of it is used. */
    void committed(long lastSeq) throws SQLException {
        if (lastSeq > reserved - BLOCK / 2) {
            renew(lastSeq);
        }
    }

    private void renew(long lastSeq) throws SQLException {
        reserved = lastSeq + BLOCK;
        // First: the marker must never be below what the file may have reserved (failures are logged).
        marker.raiseTo(reserved);
        db.writer().putMeta(RESERVED, reserved);
        db.writer().checkpoint(true);
    }

    /** Shutdown thread, after the writer stopped. */
    void closedCleanly() throws SQLException {
        db.writer().putMeta(CLEAN, 1);
    }

    private static long osBoot() {
        try {
            return Files.readString(Path.of(System.getProperty(BOOT_ID_FILE, "/proc/sys/kernel/random/boot_id"))).trim().hashCode();
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux: every unclean stop is treated like a plain crash
        }
    }
}
