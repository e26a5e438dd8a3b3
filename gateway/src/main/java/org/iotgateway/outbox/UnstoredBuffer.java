package org.iotgateway.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import org.iotgateway.outbox.OutboxStore.StoredRow;
import org.iotgateway.wire.WireMessage;

/**
 * Aggregates that could not be stored because the H2 store is unusable (disk full), held in memory
 * for the publisher until the broker acknowledges them or the store comes back and takes them.
 * Bounded: when it is full, new aggregates are not kept (the caller counts them as lost).
 * <p>
 * Threads: the writer thread adds and migrates; the publisher thread reads; Paho's callback thread
 * acknowledges. Every method holds the monitor briefly and never blocks otherwise.
 * <p>
 * Migration: when the store is back, the writer writes every held row into it. From
 * {@link #beginMigration} until {@link #migrated} or {@link #abortMigration}, an acknowledgement of a
 * held row is not taken here: it goes to the store's books, which delete the row after its insert.
 */
final class UnstoredBuffer {
    private final int capacity;
    private final TreeMap<Long, StoredRow> rows = new TreeMap<>();
    private boolean migrating;
    private volatile int size;

    UnstoredBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** Writer thread. @return false if the buffer is full and the row was not kept */
    synchronized boolean add(StoredRow r) {
        if (rows.size() >= capacity) {
            return false;
        }
        rows.put(r.message().seq(), r);
        size = rows.size();
        return true;
    }

    /** Publisher thread: up to {@code limit} held rows with {@code from <= seq <= upTo}, in seq order. */
    synchronized List<WireMessage> read(long from, long upTo, int limit) {
        if (from > upTo) {
            return List.of(); // nothing covered by a marker yet, or the reader is past it
        }
        List<WireMessage> out = new ArrayList<>(Math.min(limit, rows.size()));
        for (StoredRow r : rows.subMap(from, true, upTo, true).values()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(r.message());
        }
        return out;
    }

    /**
     * Any thread: the broker acknowledged {@code seq} (or it is being dead-lettered).
     *
     * @return true if it was held here and is now settled; false if the store's books must take it
     */
    boolean settle(long seq) {
        if (size == 0) {
            return false; // the normal case, without taking the monitor on Paho's callback thread
        }
        synchronized (this) {
            if (migrating || rows.remove(seq) == null) {
                return false;
            }
            size = rows.size();
            return true;
        }
    }

    /** Writer thread: every held row, to be written into the store that came back. */
    synchronized List<StoredRow> beginMigration() {
        migrating = true;
        return new ArrayList<>(rows.values());
    }

    /** Writer thread: the migration committed; the rows are the store's now. */
    synchronized void migrated() {
        rows.clear();
        size = 0;
        migrating = false;
    }

    /**
     * Writer thread: the migration failed. Rows acknowledged meanwhile (their acks went to the
     * store's books, {@code settledInStore}) are done; the rest stay held.
     */
    synchronized void abortMigration(LongPredicate settledInStore) {
        rows.keySet().removeIf(settledInStore::test);
        size = rows.size();
        migrating = false;
    }

    /** Writer thread, at a stop with the store still unusable: everything held, which is lost. */
    synchronized List<StoredRow> drain() {
        List<StoredRow> out = new ArrayList<>(rows.values());
        rows.clear();
        size = 0;
        return out;
    }

    int size() {
        return size;
    }

    int capacity() {
        return capacity;
    }
}
