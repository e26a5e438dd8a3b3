package org.iotgateway.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Seqs the broker acknowledged (or that were dead-lettered) whose rows are not deleted yet.
 * {@link #add} is called from the MQTT callback thread and only ever holds a short lock; the writer
 * thread drains and deletes in batches; the publisher thread asks {@link #contains} so a rewind
 * does not resend what was already settled.
 * <p>
 * The eviction fence makes the books exact: a row evicted while its publish was in flight may
 * still be acknowledged; that late ack must not count it a second time (as published). For the
 * same reason deleted seqs are remembered ({@code gone}) until they fall below the oldest row still
 * in the file: a resend after a rewind can be acknowledged twice, and the second ack may arrive
 * after the first one's delete; every seq below the oldest stored row is settled or evicted.
 */
final class PendingAcks {
    enum Outcome { SETTLED, DUPLICATE, ALREADY_EVICTED }

    private final Set<Long> settled = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Long> toDelete = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> toDeadLetter = new ConcurrentLinkedQueue<>();
    /** Why each queued dead letter goes: the ledger row written with its move. */
    private final Map<Long, LossReason> deadReasons = new ConcurrentHashMap<>();
    private final Set<Long> gone = ConcurrentHashMap.newKeySet();
    private long evictedThrough = -1;
    private long goneBelow = -1;

    Outcome add(long seq) {
        return add(seq, toDelete);
    }

    /**
     * Like {@link #add}, but the row moves to the dead-letter table instead of being deleted, and
     * the move is recorded in the loss ledger with {@code reason}.
     */
    Outcome addDead(long seq, LossReason reason) {
        deadReasons.put(seq, reason);
        Outcome o = add(seq, toDeadLetter);
        if (o != Outcome.SETTLED) {
            deadReasons.remove(seq, reason);
        }
        return o;
    }

    /**
     * Writer thread, for seqs just taken by {@link #drainDeadTo}: their ledger rows, one per run of
     * consecutive seqs with the same reason (a refused topic's aggregates are rarely consecutive,
     * a quota's often are).
     */
    List<Loss> deadLosses(List<Long> seqs, long boot) {
        List<Loss> out = new ArrayList<>();
        List<Long> sorted = new ArrayList<>(seqs);
        sorted.sort(null);
        long first = -1;
        long last = -1;
        LossReason reason = null;
        for (long seq : sorted) {
            LossReason r = deadReasons.remove(seq);
            r = r == null ? LossReason.DISCONNECTED_REPEATEDLY : r;
            if (reason != null && (r != reason || seq != last + 1)) {
                out.add(new Loss(first, last, reason, last - first + 1, boot));
                first = seq;
            } else if (reason == null) {
                first = seq;
            }
            reason = r;
            last = seq;
        }
        if (reason != null) {
            out.add(new Loss(first, last, reason, last - first + 1, boot));
        }
        return out;
    }

    private synchronized Outcome add(long seq, ConcurrentLinkedQueue<Long> queue) {
        if (seq <= evictedThrough) {
            return Outcome.ALREADY_EVICTED;
        }
        if (seq < goneBelow || gone.contains(seq) || !settled.add(seq)) {
            return Outcome.DUPLICATE;
        }
        queue.add(seq);
        return Outcome.SETTLED;
    }

    /**
     * Writer thread, just before it deletes every row with seq <= {@code seq}: from now on acks of
     * those seqs are late. Returns how many of them were settled already (their rows are still in
     * the table, so the delete removes them too, but they are not evictions).
     */
    synchronized int fence(long seq) {
        evictedThrough = Math.max(evictedThrough, seq);
        int n = 0;
        for (long s : settled) {
            if (s <= seq) {
                n++;
            }
        }
        return n;
    }

    /** Rows at or below this seq were evicted (or are being evicted), or -1. */
    synchronized long evictedThrough() {
        return evictedThrough;
    }

    boolean contains(long seq) {
        return settled.contains(seq);
    }

    /** Any thread: acknowledged, dead-lettered or deleted already (a resend would only duplicate it). */
    boolean settledOrGone(long seq) {
        return settled.contains(seq) || gone.contains(seq) || seq < goneBelow;
    }

    boolean hasQueued() {
        return !toDelete.isEmpty() || !toDeadLetter.isEmpty();
    }

    /** Writer thread: takes up to {@code max} seqs to delete in the next commit. */
    void drainTo(List<Long> out, int max) {
        drain(toDelete, out, max);
    }

    /** Writer thread: takes up to {@code max} seqs to move to the dead-letter table. */
    void drainDeadTo(List<Long> out, int max) {
        drain(toDeadLetter, out, max);
    }

    private static void drain(ConcurrentLinkedQueue<Long> q, List<Long> out, int max) {
        Long s;
        while (out.size() < max && (s = q.poll()) != null) {
            out.add(s);
        }
    }

    /**
     * Any thread: a row held in memory (the store unusable) was settled there and is gone; a second
     * ack of it (a resend's) is a duplicate, and the publisher does not resend it again. Added only
     * after the held row was removed, so a stored row is never taken for gone.
     */
    void settledElsewhere(long seq) {
        gone.add(seq);
    }

    /**
     * Writer thread, after the delete committed. Only now may the seqs leave the set: before, a
     * publisher read could still see the row and must skip it.
     */
    void forget(Collection<Long> deleted) {
        List<Long> seqs = new ArrayList<>(deleted);
        gone.addAll(seqs);
        settled.removeAll(seqs);
    }

    /**
     * Writer thread, once it knows the oldest seq still stored (or, with an empty table, the last
     * committed seq + 1): every seq below it is gone for good, and an ack of one is a duplicate.
     */
    synchronized void goneBelow(long floor) {
        if (floor > goneBelow) {
            goneBelow = floor;
            gone.removeIf(s -> s < floor);
        }
    }

    /** Writer thread, after an eviction committed: settled seqs at or below it are gone too. */
    void forgetThrough(long seq) {
        settled.removeIf(s -> s <= seq);
        gone.removeIf(s -> s <= seq);
    }
}
