package org.iotgateway.mqtt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.iotgateway.outbox.Outbox;

/**
 * What the outbox does when the broker refuses a publish ({@link ReasonCode} says which kind):
 * a permanent refusal dead-letters the row at once and the queue moves on; a transient one holds
 * the whole queue for a back-off (1 s doubling to 30 s, jittered) and the row is resent, until its
 * {@code dead-letter-after}-th refusal dead-letters it. Attempts are counted per seq for the life of
 * the process, across connections. Refusals run on the client's callback thread, {@link #holdNanos}
 * on the publisher thread; nothing blocks.
 */
final class RefusalPolicy {
    private static final long FIRST_HOLD_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MAX_HOLD_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Outbox outbox;
    private final Refusals refusals;
    private final int deadLetterAfter;
    private final Map<Long, Integer> attempts = new ConcurrentHashMap<>();
    private final AtomicLong holdUntil = new AtomicLong(System.nanoTime());

    RefusalPolicy(Outbox outbox, Refusals refusals, int deadLetterAfter) {
        this.outbox = outbox;
        this.refusals = refusals;
        this.deadLetterAfter = deadLetterAfter;
    }

    /**
     * Books a refusal of {@code seq}; true when the row stays owed and must be resent after the
     * hold (the caller rewinds), false when it was dead-lettered.
     */
    boolean refused(Refusal r, long seq, String topic) {
        ReasonCode reason = r.reason();
        if (reason.permanent()) {
            attempts.remove(seq);
            refusals.refused(r, topic, seq, "dead-lettered at once (" + reason.wire()
                    + " is permanent until the broker's ACL or policy changes); the queue moves on");
            outbox.deadLetter(seq, reason.loss());
            return false;
        }
        int n = attempts.merge(seq, 1, Integer::sum);
        if (n >= deadLetterAfter) {
            attempts.remove(seq);
            refusals.refused(r, topic, seq, "dead-lettered after " + n + " refusals (mqtt.dead-letter-after)");
            outbox.deadLetter(seq, reason.loss());
            return false;
        }
        long hold = jittered(Math.min(MAX_HOLD_NANOS, FIRST_HOLD_NANOS << Math.min(n - 1, 5)));
        long until = System.nanoTime() + hold;
        holdUntil.accumulateAndGet(until, (a, b) -> a - b > 0 ? a : b);
        refusals.refused(r, topic, seq, "the queue is held " + TimeUnit.NANOSECONDS.toMillis(hold) + " ms and it is"
                + " resent (refusal " + n + " of " + deadLetterAfter + " before it is dead-lettered)");
        return true;
    }

    /** The broker took {@code seq}: its refusals are forgotten. */
    void accepted(long seq) {
        if (!attempts.isEmpty()) {
            attempts.remove(seq);
        }
    }

    /** How long publishing must still wait, 0 when it may go on. */
    long holdNanos() {
        return Math.max(0, holdUntil.get() - System.nanoTime());
    }

    private static long jittered(long d) {
        return d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
    }
}
