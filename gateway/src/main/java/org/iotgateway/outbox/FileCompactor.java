package org.iotgateway.outbox;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import org.iotgateway.util.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the H2 file under {@code max-bytes} when churn grows it. H2 reuses the space
 * of superseded chunks only after its retention time (45 s, which protects the last good state
 * against torn writes and must not be lowered), so a fast churn (an outage evicting while it
 * spills, then a fast drain) grows the file by what 45 s of writes take, whatever the live data.
 * Compacting ({@code SHUTDOWN COMPACT} and reopen, {@link OutboxDatabase#compact}) rewrites it to
 * the live data, which the limits keep under half of max-bytes; it runs at three quarters of
 * max-bytes, so that what one batch and its eviction write still fits below the limit (batches are
 * sized for that, {@link OutboxLimits#maxBatch}). Writer thread only; blocks for the compaction
 * (it rewrites the live data once).
 */
final class FileCompactor {
    private static final Logger log = LoggerFactory.getLogger(FileCompactor.class);

    /** Compact at this share of max-bytes: what one batch and its eviction write must still fit above it. */
    private static final double COMPACT_AT = 0.75;

    private final OutboxDatabase db;
    private final long maxBytes;
    private final long threshold;
    /** Delays after a compaction that failed or did not get under the limit, so it cannot run on every batch. */
    private final Backoff retry = Backoff.exact(Duration.ofSeconds(5), Duration.ofMinutes(5));
    private final LogLimiter infoLog = new LogLimiter(Duration.ofMinutes(1));
    private long notBefore = System.nanoTime();
    private long compactions;

    FileCompactor(OutboxDatabase db, long maxBytes) {
        this.db = db;
        this.maxBytes = maxBytes;
        this.threshold = (long) (maxBytes * COMPACT_AT);
    }

    /**
     * @param rows rows stored now, for the log line
     * @throws SQLException if the file could not be reopened after compacting; the store is then
     *                      closed (unusable)
     */
    void compactIfOversized(long rows) throws SQLException {
        long before = sizeOrZero();
        long now = System.nanoTime();
        if (before <= threshold || now - notBefore < 0) {
            return;
        }
        notBefore = now + retry.nextNanos(); // in place before the attempt, in case it throws
        try {
            db.compact();
        } catch (OutboxDatabase.CompactionFailed e) {
            log.warn("outbox file {} is {} bytes (max-bytes {}) and compacting it failed: {}; next attempt in {} s"
                    + " at the earliest", db.dataFile(), before, maxBytes, e.getMessage(),
                    (notBefore - now) / 1_000_000_000L);
            return;
        }
        long after = sizeOrZero();
        compactions++;
        if (after <= threshold) {
            retry.reset();
            notBefore = now;
        } else {
            log.warn("outbox file {} is still {} bytes after compacting (max-bytes {}, {} rows): next attempt"
                    + " delayed", db.dataFile(), after, maxBytes, rows);
        }
        long suppressed = infoLog.tryAcquire();
        if (suppressed >= 0) {
            log.info("outbox file grew to {} bytes (max-bytes {}): compacted to {} bytes in {} ms, {} rows;"
                    + " {} compactions so far", before, maxBytes, after, (System.nanoTime() - now) / 1_000_000, rows,
                    compactions);
        }
    }

    private long sizeOrZero() {
        try {
            return db.fileSize();
        } catch (IOException e) {
            return 0;
        }
    }
}
