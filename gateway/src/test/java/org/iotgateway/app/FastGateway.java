package org.iotgateway.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.outbox.Loss;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.testing.FastConfig;
import org.iotgateway.testing.SeqRanges;
import org.iotgateway.testing.TestSubscriber;
import org.iotgateway.wire.WireMessage;

/**
 * The store-and-forward ITs' gateway ({@link FastConfig}: ~400 aggregates/s) and the checks they
 * share on what a subscriber saw.
 */
public final class FastGateway {
    static final String ID = "sf-gw";
    static final String TOPICS = "sensors/" + ID + "/+/+";

    private FastGateway() {
    }

    static Path config(Path dir, String broker, String outboxExtra) throws Exception {
        return FastConfig.write(dir, ID, broker, outboxExtra);
    }

    /**
     * What the outbox file says once the process is gone: its last committed seq, the seqs still
     * pending in it (owed to the broker at the next start) and the losses its ledger recorded.
     */
    static Owed owed(Path dir) {
        return owed(dir.resolve("state/outbox"), ID);
    }

    /** {@link #owed(Path)} of any gateway's outbox file, once its process is gone. */
    public static Owed owed(Path outbox, String gatewayId) {
        try (Outbox o = Outbox.open(new OutboxConfig(outbox, null, null), gatewayId)) {
            return new Owed(o.stats().lastSeq(),
                    o.readCommitted(0, Integer.MAX_VALUE).stream().map(WireMessage::seq).collect(Collectors.toSet()),
                    o.recordedLosses(Integer.MAX_VALUE));
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    public record Owed(long lastSeq, Set<Long> pending, List<Loss> losses) {
        /** Aggregates the ledger says were let go. */
        long lost() {
            return losses.stream().mapToLong(Loss::count).sum();
        }

        /** Seqs up to the last neither received, pending nor in a recorded loss. */
        List<Long> unaccounted(Set<Long> received) {
            return LongStream.rangeClosed(1, lastSeq).filter(s -> !received.contains(s) && !pending.contains(s)
                    && losses.stream().noneMatch(l -> l.covers(s))).boxed().toList();
        }

        /** For awaiting the subscriber: nothing is unaccounted for (yet). */
        boolean accountsFor(Set<Long> received) {
            return unaccounted(received).isEmpty();
        }

        /**
         * Every committed seq was received by the subscriber, is still pending in the outbox, or lies
         * in a loss the outbox recorded; and no recorded loss covers more missing seqs than it counted.
         */
        public void assertAllAccountedFor(Set<Long> received) {
            LongPredicate missing = s -> !received.contains(s) && !pending.contains(s);
            List<Long> uncounted = unaccounted(received);
            if (!uncounted.isEmpty()) {
                throw new AssertionError("committed seqs neither received, pending nor in a recorded loss: "
                        + SeqRanges.of(uncounted) + "; last seq " + lastSeq + ", " + pending.size() + " pending, "
                        + received.size() + " received, recorded losses " + losses);
            }
            for (Loss l : losses) {
                long inRange = LongStream.rangeClosed(l.firstSeq(), l.lastSeq()).filter(missing).count();
                if (inRange > l.count()) {
                    throw new AssertionError(inRange + " seqs missing in " + l + ", which counted only " + l.count());
                }
            }
            if (received.stream().anyMatch(s -> s > lastSeq)) {
                throw new AssertionError("received a seq above the outbox's last committed seq " + lastSeq);
            }
        }
    }

    /**
     * Dedups by seq; fails if one seq ever arrived with two different payloads apart from the boot
     * (a seq reused for other data would make the subscriber's dedup wrong).
     */
    public static TreeMap<Long, String> dedup(TestSubscriber sub) {
        return dedup(sub, "");
    }

    /**
     * {@link #dedup(TestSubscriber)} of the aggregates of gateway {@code id} (topics sensors/ID/...);
     * an empty id: of every gateway the subscriber heard (the ITs that run one gateway, whatever its id).
     */
    public static TreeMap<Long, String> dedup(TestSubscriber sub, String id) {
        TreeMap<Long, String> bySeq = new TreeMap<>();
        String prefix = id.isEmpty() ? "" : "sensors/" + id + "/";
        for (TestSubscriber.Received r : sub.all()) {
            if (r.seq() < 0 || r.topic().endsWith("/status") || !r.topic().startsWith(prefix)) {
                continue;
            }
            String prev = bySeq.putIfAbsent(r.seq(), r.payload());
            if (prev != null && !prev.equals(r.payload())) {
                throw new AssertionError("seq " + r.seq() + " arrived with two payloads:\n" + prev + "\n" + r.payload());
            }
        }
        return bySeq;
    }

    /** Seqs in arrival order, first arrival only: must be increasing ("in order"). */
    static List<Long> firstArrivals(TestSubscriber sub) {
        Map<Long, Boolean> seen = new java.util.HashMap<>();
        return sub.all().stream().filter(r -> r.seq() >= 0 && !r.topic().endsWith("/status"))
                .filter(r -> seen.putIfAbsent(r.seq(), true) == null).map(TestSubscriber.Received::seq).toList();
    }
}
