package org.iotgateway.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.iotgateway.outbox.OutboxStore.StoredRow;
import org.iotgateway.util.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the writer does while the H2 store is unusable (a write failed: disk full, I/O error): new
 * aggregates are held in memory ({@link UnstoredBuffer}) where the publisher finds them, seqs are
 * covered by a {@link MarkerFile} before they may be published, what does not fit is counted
 * as lost, and reopening is retried with a backoff, once the file system has {@link #MIN_FREE_BYTES}
 * free again: on a still-full disk a reopened H2 would only run on the free space inside its own
 * file and fail again soon, flapping. One ERROR when an outage starts and one WARN when it ends,
 * each at most once a minute; losses get a rate-limited ERROR with the totals.
 * <p>
 * Writer thread only, except {@link #publishableUpTo} (any thread).
 */
final class StoreOutage {
    private static final Logger log = LoggerFactory.getLogger(StoreOutage.class);
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(10);
    static final long MIN_FREE_BYTES = 1 << 20;
    /**
     * Seqs one unstored marker covers ahead: a marker file (and a directory fsync) per 1,000 seqs
     * published from memory; a crash during the outage costs a gap of at most this many never handed out.
     */
    static final long UNSTORED_BLOCK = 1_000;

    private final Path dir;
    private final UnstoredBuffer buffer;
    private final MarkerFile marker;
    private final OutboxCounters counters;
    private final CommitSignal signal;
    private final Backoff retry = Backoff.exact(FIRST_RETRY, MAX_RETRY);
    private final LogLimiter beginLog = new LogLimiter(Duration.ofMinutes(1));
    private final LogLimiter endLog = new LogLimiter(Duration.ofMinutes(1));
    private final LogLimiter lossLog = new LogLimiter(Duration.ofSeconds(10));
    private long nextAttempt;
    private long startedAt;

    StoreOutage(Path dir, UnstoredBuffer buffer, MarkerFile marker, OutboxCounters counters,
                CommitSignal signal) {
        this.dir = dir;
        this.buffer = buffer;
        this.marker = marker;
        this.counters = counters;
        this.signal = signal;
    }

    /** The store just failed; {@code rowsInHand} (not in the file) are held from now on. */
    void begin(SQLException cause, List<StoredRow> rowsInHand) {
        counters.writeFailures.increment();
        startedAt = System.nanoTime();
        retry.reset();
        nextAttempt = startedAt + retry.nextNanos();
        long suppressed = beginLog.tryAcquire();
        if (suppressed >= 0) {
            log.error("outbox store unusable ({}): publishing new aggregates straight from memory (up to {} held),"
                    + " retrying the store once {} KB are free, every {} s at most{}", firstLine(cause),
                    buffer.capacity(), MIN_FREE_BYTES / 1024, MAX_RETRY.toSeconds(), suppressed > 0 ? "; " + suppressed + " earlier outages not logged" : "");
        }
        hold(rowsInHand);
    }

    /** Keeps rows in memory for the publisher, or counts them lost when memory is full. */
    void hold(List<StoredRow> rows) {
        long highest = -1;
        int lost = 0;
        for (StoredRow r : rows) {
            if (buffer.add(r)) {
                highest = r.message().seq();
            } else {
                lost++;
            }
        }
        if (lost > 0) {
            counters.lostUnstored.add(lost);
            lossLog(lost, rows.get(rows.size() - 1).message().seq());
        }
        if (highest > 0) {
            long covered = marker.cover(highest, UNSTORED_BLOCK);
            signal.committed(Math.min(highest, covered));
        }
    }

    /** Any thread: held rows up to this seq may be published (a marker covers them). */
    long publishableUpTo() {
        return marker.ceiling();
    }

    /** Time for the next attempt, and room for it on the file system. */
    /** Writer thread: how long until {@link #attemptDue} may say yes. */
    long nanosUntilAttempt() {
        return Math.max(0, nextAttempt - System.nanoTime());
    }

    boolean attemptDue() {
        if (System.nanoTime() - nextAttempt < 0) {
            return false;
        }
        if (freeBytes() < MIN_FREE_BYTES) {
            nextAttempt = System.nanoTime() + retry.nextNanos();
            return false;
        }
        return true;
    }

    /** Unknown counts as enough: better one failed attempt than none. */
    private long freeBytes() {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    void attemptFailed(Exception e) {
        counters.writeFailures.increment();
        nextAttempt = System.nanoTime() + retry.nextNanos();
        log.debug("outbox store still unusable: {}", e.toString());
    }

    void recovered(int migrated) {
        long suppressed = endLog.tryAcquire();
        if (suppressed >= 0) {
            log.warn("outbox store usable again after {} s: {} aggregates held in memory were written to it;"
                    + " {} published without being stored and {} lost since start", (System.nanoTime() - startedAt)
                    / 1_000_000_000L, migrated, counters.publishedUnstored.sum(), counters.lostUnstored.sum());
        }
    }

    /** A stop with the store still unusable: what is held in memory is lost. */
    void loseHeld() {
        List<StoredRow> held = buffer.drain();
        if (!held.isEmpty()) {
            counters.lostUnstored.add(held.size());
            log.error("outbox store still unusable at stop: {} aggregates held in memory are lost (seq {}..{});"
                    + " {} lost in total", held.size(), held.get(0).message().seq(),
                    held.get(held.size() - 1).message().seq(), counters.lostUnstored.sum());
        }
    }

    private void lossLog(int lost, long lastSeq) {
        long suppressed = lossLog.tryAcquire();
        if (suppressed >= 0) {
            log.error("outbox store unusable and {} aggregates already held in memory: lost {} (up to seq {});"
                    + " {} lost in total", buffer.size(), lost, lastSeq, counters.lostUnstored.sum());
        }
    }

    /** H2's first line, and the root cause ("No space left on device") if it is another. */
    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        String first = m.lines().findFirst().orElse(m);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? first : first + "; cause: " + root;
    }
}
