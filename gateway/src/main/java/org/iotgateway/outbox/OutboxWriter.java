package org.iotgateway.outbox;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.iotgateway.outbox.OutboxStore.StoredRow;
import org.iotgateway.util.Doorbell;

/**
 * The writer thread: group-commits appended rows and acknowledged deletes, one transaction and one
 * CHECKPOINT per batch, then tells the publisher. The only thread that writes to H2. When a write
 * fails the store is closed and the writer switches to {@link StoreOutage} (rows held in memory)
 * until {@link StoreRecovery} brings the store back.
 * <p>
 * With nothing to do it sleeps until {@link #wake} (a row appended, an acknowledgement, a stop) or
 * until something falls due: acknowledged rows' delete, an fsync the interval owes, the oldest row's
 * max-age, a retry of an unusable store.
 * <p>
 * It is stopped with a flag, never interrupted: an interrupt inside H2's file I/O closes the
 * FileChannel under the store.
 */
final class OutboxWriter implements Runnable {
    /** The longest sleep with nothing due: a safety net, nothing needs it. */
    private static final long MAX_IDLE_NANOS = Duration.ofMinutes(1).toNanos();

    private final OutboxDatabase db;
    private final BlockingQueue<StoredRow> queue;
    private final PendingAcks acks;
    private final OutboxCounters counters;
    private final CommitSignal signal;
    private final OutboxTuning tuning;
    private final OutboxLimits limits;
    private final Durability durability;
    private final SeqReservation reservation;
    private final StoreOutage outage;
    private final StoreRecovery recovery;
    private final List<StoredRow> rows = new ArrayList<>();
    private final List<Long> deletes = new ArrayList<>();
    private final List<Long> deads = new ArrayList<>();
    /** Losses to record with the batch in hand; a failed commit keeps them for the next one. */
    private final List<Loss> losses = new ArrayList<>();
    private final QueueDrops drops;
    /** The highest seq taken from the queue so far. */
    private long lastSeq;
    private volatile boolean stopping;
    private final Doorbell doorbell = new Doorbell();

    OutboxWriter(OutboxDatabase db, BlockingQueue<StoredRow> queue, PendingAcks acks, OutboxCounters counters,
                 CommitSignal signal, OutboxTuning tuning, OutboxLimits limits, SeqReservation reservation,
                 Durability durability, StoreOutage outage, StoreRecovery recovery, QueueDrops drops) {
        this.db = db;
        this.drops = drops;
        this.reservation = reservation;
        this.limits = limits;
        this.durability = durability;
        this.queue = queue;
        this.acks = acks;
        this.counters = counters;
        this.signal = signal;
        this.tuning = tuning;
        this.outage = outage;
        this.recovery = recovery;
    }

    /** Any thread: asks the writer to commit what is queued and return. Does not wait. */
    void stop() {
        stopping = true;
        doorbell.ring();
    }

    /** Any thread, after queueing a row or an acknowledgement: wakes the writer if it sleeps. Never blocks. */
    void wake() {
        doorbell.ring();
    }

    @Override
    public void run() {
        // nanoTime has an arbitrary origin: start "one interval ago" so the first row does not linger.
        long lastCommit = System.nanoTime() - tuning.commitInterval().toNanos();
        while (true) {
            boolean stop = stopping;
            if (!db.usable()) {
                if (!duringOutage(stop)) {
                    return;
                }
                continue;
            }
            int maxBatch = limits.maxBatch(tuning.maxBatch());
            if (rows.isEmpty() && !stop) {
                StoredRow first = awaitRow(lastCommit);
                if (first != null) {
                    rows.add(first);
                    // With a full batch already waiting, lingering would only cap throughput.
                    if (queue.size() < maxBatch - 1) {
                        lingerUntil(lastCommit + tuning.commitInterval().toNanos());
                    }
                }
            }
            queue.drainTo(rows, maxBatch - rows.size());
            boolean deleteDue = !rows.isEmpty() || stop
                    || System.nanoTime() - lastCommit >= tuning.ackFlushInterval().toNanos();
            if (deleteDue) {
                acks.drainTo(deletes, maxBatch);
                acks.drainDeadTo(deads, maxBatch);
            }
            if (rows.isEmpty() && deletes.isEmpty() && deads.isEmpty()) {
                idle();
                if (stop && queue.isEmpty() && !acks.hasQueued()) {
                    return;
                }
                continue;
            }
            try {
                boolean deleted = !deletes.isEmpty();
                long batchLast = commit();
                lastCommit = System.nanoTime();
                afterCommit(batchLast, deleted);
            } catch (SQLException e) {
                enterOutage(e);
            }
        }
    }

    /**
     * Commits the batch in hand and CHECKPOINTs it into the file; only then are the lists emptied
     * and the rows shown to the publisher. On failure the lists are kept for the recovery.
     *
     * @return the batch's last seq (rejected rows included), or -1 if it had no rows
     */
    private long commit() throws SQLException {
        long batchLast = rows.isEmpty() ? -1 : rows.get(rows.size() - 1).message().seq();
        // Taken after the queue was drained: every drop below batchLast is in it.
        Loss dropped = drops.take(limits.boot());
        if (dropped != null) {
            batchLast = Math.max(batchLast, dropped.lastSeq());
            losses.add(dropped);
        }
        lastSeq = Math.max(lastSeq, batchLast);
        // Rejected rows are counted now: they must not be held or retried if the commit fails.
        Loss rejected = limits.rejectOverflow(rows);
        if (rejected != null) {
            losses.add(rejected);
        }
        losses.addAll(acks.deadLosses(deads, limits.boot()));
        // The ceiling first: once committed, a row may be published, and its seq must never come back.
        reservation.cover(batchLast);
        OutboxStore store = db.writer();
        int removed = store.commitBatch(rows, deletes, deads, batchLast, losses);
        checkpoint(store, durability.syncAfterCommit());
        counters.committed.add(rows.size());
        losses.forEach(counters::recordLoss);
        losses.clear();
        counters.storedRows.addAndGet(rows.size() - removed);
        counters.batches.increment();
        acks.forget(deletes);
        acks.forget(deads);
        rows.clear();
        deletes.clear();
        deads.clear();
        if (batchLast > 0) {
            // The publisher may see a seq only once it is in the file: a seq published but lost by a
            // SIGKILL would be handed to another aggregate by the next run.
            signal.committed(batchLast);
        }
        return batchLast;
    }

    private void afterCommit(long batchLast, boolean deleted) throws SQLException {
        limits.enforce();
        if (deleted || counters.oldestSeq.get() < 0) {
            long[] oldest = db.writer().oldest();
            counters.oldestSeq.set(oldest == null ? -1 : oldest[0]);
            counters.oldestCreatedAt.set(oldest == null ? -1 : oldest[1]);
            acks.goneBelow(oldest == null ? lastSeq + 1 : oldest[0]);
        }
    }

    private void checkpoint(OutboxStore store, boolean sync) throws SQLException {
        store.checkpoint(sync);
        if (sync) {
            durability.synced();
        }
    }

    /** Nothing to write: catch up on an fsync the interval owes, and on age limits. */
    private void idle() {
        try {
            if (durability.syncWhenIdle()) {
                checkpoint(db.writer(), true);
            }
            limits.enforce();
        } catch (SQLException e) {
            enterOutage(e);
        }
    }

    /** Unusable first, so the publisher stops reading the store before held rows are signalled. */
    private void enterOutage(SQLException e) {
        db.closeConnections();
        outage.begin(e, rows);
        rows.clear();
    }

    /**
     * The store is unusable: moves new rows to memory and retries the store when due (and once more
     * at a stop). Acknowledgements wait in {@link PendingAcks} meanwhile.
     *
     * @return false when the writer should end
     */
    private boolean duringOutage(boolean stop) {
        if (!stop) {
            doorbell.await(Math.min(outage.nanosUntilAttempt(), MAX_IDLE_NANOS), this::rowOrStop);
        }
        queue.drainTo(rows);
        if (!rows.isEmpty()) {
            lastSeq = Math.max(lastSeq, rows.get(rows.size() - 1).message().seq());
            outage.hold(rows);
            rows.clear();
        }
        if (stop || outage.attemptDue()) {
            try {
                outage.recovered(recovery.recover(deletes, deads, lastSeq));
                return true;
            } catch (SQLException | IOException e) {
                outage.attemptFailed(e);
            }
            if (stop) {
                outage.loseHeld();
                return false;
            }
        }
        return true;
    }

    /**
     * The next row, waiting for one as long as nothing else is due. Acknowledged rows are deleted
     * {@code ackFlushInterval} after the last commit (so the acks of a batch, which come within
     * milliseconds of each other, share one delete); the first ack after a quiet spell wakes the
     * writer to set that deadline. Returns null when it is time to look at something else.
     */
    private StoredRow awaitRow(long lastCommit) {
        StoredRow row = queue.poll();
        if (row != null) {
            return row;
        }
        long now = System.nanoTime();
        if (acks.hasQueued()) {
            doorbell.await(lastCommit + tuning.ackFlushInterval().toNanos() - now, this::rowOrStop);
        } else {
            long due = Math.min(MAX_IDLE_NANOS, Math.min(durability.nanosUntilSync(now), limits.nanosUntilAgeDue()));
            doorbell.await(due, () -> rowOrStop() || acks.hasQueued());
        }
        return queue.poll();
    }

    private boolean rowOrStop() {
        return !queue.isEmpty() || stopping;
    }

    /** Waits so a trickle of appends still commits in batches, bounding commits per second. */
    private void lingerUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0 && !stopping) {
            sleepNanos(left);
        }
    }

    private void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            stopping = true;
        }
    }
}
