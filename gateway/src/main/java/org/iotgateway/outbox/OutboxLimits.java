package org.iotgateway.outbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.iotgateway.config.FullPolicy;
import org.iotgateway.config.OutboxConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store within {@code max-bytes} and {@code max-age}, on the writer thread only. Stored
 * rows are kept under {@link OutboxCapacity#budgetBytes half of max-bytes}: H2 keeps superseded chunks for its retention time (45 s),
 * so under churn the file holds old chunks besides the live data; when it grows past three
 * quarters of max-bytes anyway, the file is compacted ({@link FileCompactor}). Every row that goes is counted by reason
 * and reported in a rate-limited WARN.
 */
final class OutboxLimits {
    private static final Logger log = LoggerFactory.getLogger(OutboxLimits.class);
    /** Evict down to this fraction of the budget, so a full store does not evict on every batch. */
    private static final double EVICT_TO = 0.9;
    private static final long AGE_CHECK_NANOS = Duration.ofSeconds(1).toNanos();
    private static final int BATCH_SHARE = 16;
    private static final int MIN_BATCH = 50;

    private final OutboxDatabase db;
    private final PendingAcks acks;
    private final OutboxCounters counters;
    private final OutboxClock clock;
    private final FullPolicy policy;
    private final long maxBytes;
    private final long budgetBytes;
    private final long maxAgeMillis;
    private final LogLimiter warnLog = new LogLimiter(Duration.ofSeconds(10));
    private final FileCompactor compactor;
    private double meanRowBytes;
    private long lastAgeCheck = System.nanoTime() - AGE_CHECK_NANOS;
    private final long boot;
    /** Set while an eviction's delete is not yet in the file: a recovery completes it and counts it here. */
    private LossReason pendingReason;

    OutboxLimits(OutboxDatabase db, PendingAcks acks, OutboxCounters counters, OutboxClock clock, OutboxConfig cfg,
                 long meanRowBytes, long boot) {
        this.db = db;
        this.boot = boot;
        this.compactor = new FileCompactor(db, cfg.maxBytes().bytes());
        this.acks = acks;
        this.counters = counters;
        this.clock = clock;
        this.policy = cfg.fullPolicy();
        this.maxBytes = cfg.maxBytes().bytes();
        this.budgetBytes = OutboxCapacity.budgetBytes(cfg);
        this.maxAgeMillis = cfg.maxAge().toMillis();
        this.meanRowBytes = meanRowBytes;
    }

    /**
     * Rows per batch: {@code configured}, or fewer under a small max-bytes, so that one batch writes
     * at most about a sixteenth of it. The file can outgrow its limit by what is written between two
     * looks at its size, one batch and its eviction.
     */
    int maxBatch(int configured) {
        long rows = (long) (maxBytes / BATCH_SHARE / meanRowBytes);
        return (int) Math.max(MIN_BATCH, Math.min(configured, rows));
    }

    long storedBytes() {
        return (long) (counters.storedRows.get() * meanRowBytes);
    }

    /**
     * Under reject-new, removes the newest rows of the batch that do not fit and counts them. Their
     * seqs become gaps that the status topic and the ledger explain.
     *
     * @return the rejection, for the ledger with the batch's commit; null if every row fits
     */
    Loss rejectOverflow(List<OutboxStore.StoredRow> rows) {
        for (OutboxStore.StoredRow r : rows) {
            meanRowBytes += (RowSize.of(r.message()) - meanRowBytes) / 64;
        }
        if (policy != FullPolicy.REJECT_NEW || rows.isEmpty()) {
            return null;
        }
        long room = (long) ((budgetBytes - storedBytes()) / meanRowBytes);
        int keep = (int) Math.max(0, Math.min(rows.size(), room));
        if (keep == rows.size()) {
            return null;
        }
        int rejected = rows.size() - keep;
        counters.rejected.add(rejected);
        Loss loss = new Loss(rows.get(keep).message().seq(), rows.get(rows.size() - 1).message().seq(),
                LossReason.REJECTED, rejected, boot);
        rows.subList(keep, rows.size()).clear();
        warn("outbox full ({} of {} bytes): rejected {} new aggregates (seq {}..{}); {} rejected in total",
                storedBytes(), budgetBytes, rejected, loss.firstSeq(), loss.lastSeq(), counters.rejected.sum());
        return loss;
    }

    /** After a commit: evicts for size (drop-oldest) and, once a second, for age; compacts an oversized file. */
    void enforce() throws SQLException {
        if (policy == FullPolicy.DROP_OLDEST && storedBytes() > budgetBytes) {
            long target = (long) (budgetBytes * EVICT_TO / meanRowBytes);
            long n = counters.storedRows.get() - target;
            long through = db.writer().seqAt(n);
            if (through > 0) {
                long evicted = evictThrough(through, LossReason.EVICTED_SIZE);
                warn("outbox full ({} bytes limit): evicted the {} oldest aggregates (up to seq {}); {} evicted for"
                        + " size in total", budgetBytes * 2, evicted, through, counters.evictedForSize.sum());
            }
        }
        long now = System.nanoTime();
        if (now - lastAgeCheck >= AGE_CHECK_NANOS) {
            lastAgeCheck = now;
            long[] oldest = db.writer().oldest();
            long cutoff = clock.now() - maxAgeMillis;
            if (oldest != null && oldest[1] < cutoff) {
                long through = db.writer().lastSeqCreatedBefore(cutoff);
                long evicted = evictThrough(through, LossReason.EVICTED_AGE);
                warn("outbox: evicted {} aggregates older than max-age {} ms (up to seq {}); {} evicted for age in"
                        + " total", evicted, maxAgeMillis, through, counters.evictedForAge.sum());
            }
        }
        compactor.compactIfOversized(counters.storedRows.get());
    }

    /**
     * Writer thread: how long until {@link #enforce} may find a row over max-age (the oldest row's
     * age reaches it; never sooner than its once-a-second look), or {@link Long#MAX_VALUE} with no
     * row stored (a new row wakes the writer anyway).
     */
    long nanosUntilAgeDue() {
        long oldest = counters.oldestCreatedAt.get();
        if (oldest < 0) {
            return Long.MAX_VALUE;
        }
        long millis = Math.max(0, oldest - clock.now() + Math.min(maxAgeMillis, Long.MAX_VALUE / 4));
        long nextLook = AGE_CHECK_NANOS - (System.nanoTime() - lastAgeCheck);
        return Math.max(nextLook, java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis + 1));
    }

    private long evictThrough(long seq, LossReason reason) throws SQLException {
        OutboxStore store = db.writer();
        pendingReason = reason;
        int alreadySettled = acks.fence(seq);
        OutboxStore.Eviction e = store.evictThrough(seq, alreadySettled, reason, boot);
        // Counted once the delete is in the file: if the store fails before, the recovery redoes it.
        store.checkpoint(false);
        pendingReason = null;
        acks.forgetThrough(seq);
        long evicted = Math.max(0, e.deleted() - alreadySettled);
        adder(reason).add(evicted);
        counters.recordLoss(e.loss());
        counters.storedRows.addAndGet(-e.deleted());
        long[] oldest = store.oldest();
        counters.oldestSeq.set(oldest == null ? -1 : oldest[0]);
        counters.oldestCreatedAt.set(oldest == null ? -1 : oldest[1]);
        return evicted;
    }

    /** The reason of an eviction a store failure cut short (the recovery completes and records it). */
    LossReason pendingReason() {
        return pendingReason == null ? LossReason.EVICTED_SIZE : pendingReason;
    }

    long boot() {
        return boot;
    }

    /**
     * Writer thread, after a recovery deleted unacknowledged rows at or below the eviction fence: an
     * eviction the failure had cut short, counted now by its reason.
     */
    void evictionCompleted(OutboxStore.Eviction e) {
        LongAdder reason = adder(pendingReason());
        pendingReason = null;
        reason.add(e.deleted());
        counters.recordLoss(e.loss());
        if (e.deleted() > 0) {
            warn("outbox: completed an eviction of {} aggregates that the store failure interrupted", e.deleted());
        }
    }

    private LongAdder adder(LossReason r) {
        return switch (r) {
            case EVICTED_SIZE -> counters.evictedForSize;
            case EVICTED_AGE -> counters.evictedForAge;
            case REJECTED -> counters.rejected;
            case DROPPED_QUEUE_FULL -> counters.queueFullDrops;
            // Dead letters and the gaps unclean stops leave are never an eviction's reason.
            default -> throw new IllegalArgumentException("not an eviction reason: " + r);
        };
    }

    private void warn(String format, Object... args) {
        long suppressed = warnLog.tryAcquire();
        if (suppressed >= 0) {
            log.warn(format + (suppressed > 0 ? " (" + suppressed + " similar reports suppressed)" : ""), args);
        }
    }
}
