package org.iotgateway.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Seqs the broker acknowledged whose rows are not deleted yet. {@link #add} is called from the MQTT
 * callback thread and must stay non-blocking; the writer thread drains and deletes in batches; the
 * publisher thread asks {@link #contains} so a rewind does not resend what was already acknowledged.
 */
final class PendingAcks {
    private final Set<Long> acked = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Long> toDelete = new ConcurrentLinkedQueue<>();

    /** @return false if {@code seq} was already acknowledged and not yet deleted (a duplicate ack) */
    boolean add(long seq) {
        if (!acked.add(seq)) {
            return false;
        }
        toDelete.add(seq);
        return true;
    }

    boolean contains(long seq) {
        return acked.contains(seq);
    }

    boolean hasQueued() {
        return !toDelete.isEmpty();
    }

    /** Writer thread: takes up to {@code max} seqs to delete in the next commit. */
    void drainTo(List<Long> out, int max) {
        Long s;
        while (out.size() < max && (s = toDelete.poll()) != null) {
            out.add(s);
        }
    }

    /**
     * Writer thread, after the delete committed. Only now may the seqs leave the set: before, a
     * publisher read could still see the row and must skip it.
     */
    void forget(Collection<Long> deleted) {
        acked.removeAll(new ArrayList<>(deleted));
    }
}
