package org.iotgateway.outbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.iotgateway.outbox.OutboxStore.StoredRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer thread: group-commits appended rows and acknowledged deletes, one transaction and one
 * CHECKPOINT per batch, then tells the publisher. The only thread that writes to H2.
 * <p>
 * It is stopped with a flag, never interrupted: an interrupt inside H2's file I/O closes the
 * FileChannel under the store.
 */
final class OutboxWriter implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWriter.class);
    private static final int MAX_FAILURES_ON_STOP = 3;

    private final OutboxStore store;
    private final BlockingQueue<StoredRow> queue;
    private final PendingAcks acks;
    private final OutboxCounters counters;
    private final CommitSignal signal;
    private final OutboxTuning tuning;
    private final OutboxLimits limits;
    private final Durability durability;
    private final SeqReservation reservation;
    private final List<Long> deads = new ArrayList<>();
    /** Highest seq committed but not yet checkpointed (not visible to the publisher), or -1. */
    private long unsignalled = -1;
    private final LogLimiter failureLog = new LogLimiter(Duration.ofSeconds(30));
    private volatile boolean stopping;

    OutboxWriter(OutboxStore store, BlockingQueue<StoredRow> queue, PendingAcks acks, OutboxCounters counters,
                 CommitSignal signal, OutboxTuning tuning, OutboxLimits limits, SeqReservation reservation,
                 Durability durability) {
        this.reservation = reservation;
        this.limits = limits;
        this.durability = durability;
        this.store = store;
        this.queue = queue;
        this.acks = acks;
        this.counters = counters;
        this.signal = signal;
        this.tuning = tuning;
    }

    /** Any thread: asks the writer to commit what is queued and return. Does not wait. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        List<StoredRow> rows = new ArrayList<>();
        List<Long> deletes = new ArrayList<>();
        // nanoTime has an arbitrary origin: start "one interval ago" so the first row does not linger.
        long lastCommit = System.nanoTime() - tuning.commitInterval().toNanos();
        long lastDelete = System.nanoTime();
        int failuresInRow = 0;
        while (true) {
            boolean stop = stopping;
            if (rows.isEmpty() && !stop) {
                StoredRow first = poll(tuning.ackFlushInterval());
                if (first != null) {
                    rows.add(first);
                    // With a full batch already waiting, lingering would only cap throughput.
                    if (queue.size() < tuning.maxBatch() - 1) {
                        lingerUntil(lastCommit + tuning.commitInterval().toNanos());
                    }
                }
            }
            queue.drainTo(rows, tuning.maxBatch() - rows.size());
            boolean deleteDue = !rows.isEmpty() || stop
                    || System.nanoTime() - lastDelete >= tuning.ackFlushInterval().toNanos();
            if (deleteDue) {
                acks.drainTo(deletes, tuning.maxBatch());
                acks.drainDeadTo(deads, tuning.maxBatch());
            }
            if (rows.isEmpty() && deletes.isEmpty() && deads.isEmpty()) {
                idle();
                if (stop && queue.isEmpty() && !acks.hasQueued()) {
                    return;
                }
                continue;
            }
            try {
                commit(rows, deletes);
                lastCommit = System.nanoTime();
                if (!deletes.isEmpty()) {
                    lastDelete = lastCommit;
                }
                rows.clear();
                deletes.clear();
                deads.clear();
                failuresInRow = 0;
            } catch (SQLException e) {
                // The batch stays in hand and is retried; new appends back up into the queue meanwhile.
                counters.writeFailures.increment();
                failuresInRow++;
                long suppressed = failureLog.tryAcquire();
                if (suppressed >= 0) {
                    log.error("outbox write failed ({} rows waiting, {} similar failures not logged): {}",
                            rows.size() + queue.size(), suppressed, e.toString());
                }
                if (stop && failuresInRow >= MAX_FAILURES_ON_STOP) {
                    log.error("outbox closing with {} aggregates not written", rows.size() + queue.size());
                    return;
                }
                sleepNanos(Math.min(5_000L, 100L << Math.min(failuresInRow, 6)) * 1_000_000L);
            }
        }
    }

    private void commit(List<StoredRow> rows, List<Long> deletes) throws SQLException {
        List<StoredRow> admitted = limits.admit(rows);
        long lastSeq = rows.isEmpty() ? -1 : rows.get(rows.size() - 1).message().seq();
        int removed = store.commitBatch(admitted, deletes, deads, lastSeq);
        // Committed: from here on nothing may throw back into the retry path (a retry would
        // insert the same seqs twice).
        counters.committed.add(admitted.size());
        counters.storedRows.addAndGet(admitted.size() - removed);
        counters.batches.increment();
        if (!deletes.isEmpty() || !deads.isEmpty()) {
            acks.forget(deletes);
            acks.forget(deads);
        }
        if (!rows.isEmpty()) {
            unsignalled = lastSeq;
        }
        try {
            checkpointAndSignal(durability.syncAfterCommit());
            reservation.committed(lastSeq);
            limits.enforce();
            if (!deletes.isEmpty() || !deads.isEmpty() || counters.oldestSeq.get() < 0) {
                long[] oldest = store.oldest();
                counters.oldestSeq.set(oldest == null ? -1 : oldest[0]);
                counters.oldestCreatedAt.set(oldest == null ? -1 : oldest[1]);
            }
        } catch (SQLException e) {
            counters.writeFailures.increment();
            if (failureLog.tryAcquire() >= 0) {
                log.error("outbox checkpoint failed; rows committed since are held back from the broker until one"
                        + " succeeds: {}", e.toString());
            }
        }
    }

    /**
     * The publisher may see a seq only once it is in the file (CHECKPOINT): a seq published but lost
     * by a SIGKILL would be handed to another aggregate by the next run.
     */
    private void checkpointAndSignal(boolean sync) throws SQLException {
        checkpoint(sync);
        if (unsignalled > 0) {
            signal.committed(unsignalled);
            unsignalled = -1;
        }
    }

    private void checkpoint(boolean sync) throws SQLException {
        store.checkpoint(sync);
        if (sync) {
            durability.synced();
        }
    }

    /** Nothing to write: catch up on an fsync the interval owes, and on age limits. */
    private void idle() {
        try {
            if (unsignalled > 0 || durability.syncWhenIdle()) {
                checkpointAndSignal(durability.syncWhenIdle());
            }
            limits.enforce();
        } catch (SQLException e) {
            counters.writeFailures.increment();
            if (failureLog.tryAcquire() >= 0) {
                log.error("outbox sync or limit enforcement failed: {}", e.toString());
            }
        }
    }

    private StoredRow poll(Duration timeout) {
        try {
            return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // Not expected (see class comment); behave like a stop request.
            stopping = true;
            return null;
        }
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
