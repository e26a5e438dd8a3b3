package org.iotgateway.outbox;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's runs: each open gets a boot number ("boot" in every payload) above every earlier
 * one, and learns how the previous run ended: cleanly, by a crash (same OS boot: the page cache
 * kept what H2 had written) or by a power cut (the OS rebooted since). Boot and clean stop are
 * kept as marker names ({@link MarkerFile#boot}, {@link MarkerFile#cleanStop}), made durable before
 * the run hands out anything: after an unclean stop H2 may reopen a state older than its last
 * commits, fsynced ones included (LIBRARY-NOTES, H2), which repeated boot numbers after power cuts.
 * H2's meta table keeps them too; it is what a file from before the markers is read by.
 * Threads: the opening thread, then the closing thread.
 */
final class OutboxRuns {
    private static final Logger log = LoggerFactory.getLogger(OutboxRuns.class);
    private static final String BOOT = "boot";
    private static final String CLEAN = "clean_stop";
    private static final String OS_BOOT = "os_boot";

    /** How the previous run ended. */
    enum End { CLEAN, CRASH, POWER_CUT }

    private final MarkerFile bootMarker;
    private final MarkerFile cleanMarker;
    private final long boot;
    private final End previous;

    private OutboxRuns(MarkerFile bootMarker, MarkerFile cleanMarker, long boot, End previous) {
        this.bootMarker = bootMarker;
        this.cleanMarker = cleanMarker;
        this.boot = boot;
        this.previous = previous;
    }

    /** Opening thread: numbers this run and marks the file in use (committed, not yet fsynced). */
    static OutboxRuns start(OutboxStore store, Path base) throws SQLException, IOException {
        MarkerFile bootMarker = MarkerFile.boot(base);
        MarkerFile cleanMarker = MarkerFile.cleanStop(base);
        long marked = bootMarker.highest();
        boolean clean = marked > 0 ? cleanMarker.highest() == marked : store.meta(CLEAN, 1) == 1;
        long osBoot = OsBoot.current();
        // H2 may have lost the last run's os_boot with its newest commits: an older run's value then
        // makes a crash look like a power cut, which costs nothing more (both resume above the ceiling).
        boolean rebooted = osBoot != 0 && store.meta(OS_BOOT, osBoot) != osBoot;
        long boot = Math.max(store.meta(BOOT, 0), marked) + 1;
        if (!bootMarker.raiseTo(boot)) {
            // Without it the next start cannot trust a clean-stop marker: make it see an unclean stop.
            cleanMarker.clear();
            log.error("outbox: boot {} is kept in the outbox file only, which a power cut may roll back", boot);
        }
        store.putMeta(BOOT, boot);
        store.putMeta(OS_BOOT, osBoot);
        store.putMeta(CLEAN, 0);
        return new OutboxRuns(bootMarker, cleanMarker, boot, clean ? End.CLEAN : rebooted ? End.POWER_CUT : End.CRASH);
    }

    long boot() {
        return boot;
    }

    End previous() {
        return previous;
    }

    /** Closing thread, before H2 closes: the meta flag files from before the markers are read by. */
    void closing(OutboxStore store) throws SQLException {
        store.putMeta(CLEAN, 1);
    }

    /** Closing thread, once H2 closed the file and it was fsynced: the next start may trust the file. */
    void stoppedCleanly() {
        cleanMarker.raiseTo(boot);
    }
}
