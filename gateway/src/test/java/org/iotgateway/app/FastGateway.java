package org.iotgateway.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.testing.FastConfig;
import org.iotgateway.testing.TestSubscriber;
import org.iotgateway.wire.WireMessage;

/**
 * The store-and-forward ITs' gateway ({@link FastConfig}: ~400 aggregates/s) and the checks they
 * share on what a subscriber saw.
 */
final class FastGateway {
    static final String ID = "sf-gw";
    static final String TOPICS = "sensors/" + ID + "/+/+";

    private FastGateway() {
    }

    static Path config(Path dir, String broker, String outboxExtra) throws Exception {
        return FastConfig.write(dir, ID, broker, outboxExtra);
    }

    /**
     * What the outbox file says once the process is gone: its last committed seq and the seqs still
     * pending in it (owed to the broker at the next start).
     */
    static Owed owed(Path dir) {
        try (Outbox o = Outbox.open(new OutboxConfig(dir.resolve("state/outbox"), null, null), ID)) {
            return new Owed(o.stats().lastSeq(),
                    o.readCommitted(0, Integer.MAX_VALUE).stream().map(WireMessage::seq).collect(Collectors.toSet()));
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    record Owed(long lastSeq, Set<Long> pending) {
        /** Every committed seq: received by the subscriber, or still pending in the outbox. */
        void assertAllAccountedFor(Set<Long> received) {
            List<Long> missing = LongStream.rangeClosed(1, lastSeq).filter(s -> !received.contains(s) && !pending.contains(s))
                    .boxed().limit(20).toList();
            if (!missing.isEmpty()) {
                throw new AssertionError("committed seqs neither received nor pending (first 20): " + missing
                        + "; last seq " + lastSeq + ", " + pending.size() + " pending, " + received.size() + " received");
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
    static TreeMap<Long, String> dedup(TestSubscriber sub) {
        TreeMap<Long, String> bySeq = new TreeMap<>();
        for (TestSubscriber.Received r : sub.all()) {
            if (r.seq() < 0 || r.topic().endsWith("/status")) {
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
