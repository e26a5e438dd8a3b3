package org.iotgateway.outbox;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.iotgateway.outbox.OutboxStore.StoredRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store back after an outage, on the writer thread: reopens the file and, in one
 * transaction fsynced before anything else happens, writes the rows held in memory, applies the
 * acknowledgements and dead-letters that waited, completes an eviction the failure cut short and
 * records the last seq handed out. Only then does the store become readable again, and the
 * publisher rewinds, because the rows the outage hid from it are readable again too.
 */
final class StoreRecovery {
    private static final Logger log = LoggerFactory.getLogger(StoreRecovery.class);

    private final OutboxDatabase db;
    private final UnstoredBuffer buffer;
    private final MarkerFile marker;
    private final PendingAcks acks;
    private final OutboxCounters counters;
    private final CommitSignal signal;
    private final SeqReservation reservation;
    private final OutboxLimits limits;

    StoreRecovery(OutboxDatabase db, UnstoredBuffer buffer, MarkerFile marker, PendingAcks acks,
                  OutboxCounters counters, CommitSignal signal, SeqReservation reservation, OutboxLimits limits) {
        this.db = db;
        this.buffer = buffer;
        this.marker = marker;
        this.acks = acks;
        this.counters = counters;
        this.signal = signal;
        this.reservation = reservation;
        this.limits = limits;
    }

    /**
     * @param deletes acknowledged seqs waiting for their delete (the writer's, and every queued one is
     *                added); emptied on success
     * @param deads seqs waiting to be dead-lettered; likewise
     * @param lastSeq the highest seq the writer has taken so far
     * @return rows held in memory that are now in the store
     * @throws SQLException or IOException if the store is still unusable; everything stays as it was
     */
    int recover(List<Long> deletes, List<Long> deads, long lastSeq) throws SQLException, IOException {
        db.reopen();
        // Every settled seq must be deleted before the eviction below, or it would count twice.
        acks.drainTo(deletes, Integer.MAX_VALUE);
        acks.drainDeadTo(deads, Integer.MAX_VALUE);
        List<StoredRow> held = buffer.beginMigration();
        long fence = acks.evictedThrough();
        OutboxStore.Eviction evicted;
        try {
            OutboxStore store = db.writer();
            evicted = store.recover(held, deletes, deads, fence, lastSeq, limits.pendingReason(), limits.boot());
            store.checkpoint(true);
            reservation.cover(lastSeq);
        } catch (SQLException e) {
            buffer.abortMigration(acks::contains);
            db.closeConnections();
            throw e;
        }
        // In the file and fsynced: nothing below may undo it.
        buffer.migrated();
        limits.evictionCompleted(evicted);
        acks.forgetThrough(fence);
        acks.forget(deletes);
        acks.forget(deads);
        deletes.clear();
        deads.clear();
        counters.committed.add(held.size());
        refreshBooks();
        clearMarkers();
        signal.committed(lastSeq);
        db.setUsable();
        signal.rewind();
        return held.size();
    }

    private void refreshBooks() {
        try {
            OutboxStore store = db.writer();
            counters.storedRows.set(store.rowCount());
            long[] oldest = store.oldest();
            counters.oldestSeq.set(oldest == null ? -1 : oldest[0]);
            counters.oldestCreatedAt.set(oldest == null ? -1 : oldest[1]);
        } catch (SQLException e) {
            log.warn("outbox: re-reading the books after the recovery failed: {}", e.toString());
        }
    }

    /** Left-over markers only cost a seq gap at the next start (logged there), never a reuse. */
    private void clearMarkers() {
        try {
            marker.clear();
        } catch (IOException e) {
            log.warn("outbox: cannot remove the unstored-seq markers ({}); the next start skips their seqs",
                    e.toString());
        }
    }
}
