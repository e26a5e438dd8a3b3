package org.iotgateway.tail;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The subscriber's own check that nothing was lost: per gateway, classifies each received
 * {@code (boot, seq)} against what was seen before. The gateway numbers its aggregates 1, 2, 3, ...
 * across restarts and sends them in seq order; after a reconnect it resends from the lowest
 * unacknowledged seq, so a repeat is a duplicate (harmless, dedup on seq), a skipped seq is a gap
 * (lost, unless it arrives later: then it is late, and no longer missing).
 * <p>
 * Missing seqs are kept as ranges, at most {@link #MAX_RANGES} per gateway (the oldest are forgotten
 * first; a seq of a forgotten range that arrives after all counts as a duplicate). Not thread-safe:
 * one subscriber thread.
 */
public final class SeqTracker {
    static final int MAX_RANGES = 10_000;

    /** What a received seq means. */
    public enum Kind {
        /** The first seq seen from this gateway: nothing to compare with. */
        FIRST,
        /** One more than the highest so far: all is well. */
        NEXT,
        /** Above the highest so far + 1: {@code missingFrom..missingTo} were skipped. */
        GAP,
        /** Seen before (or forgotten as missing long ago): a resend. */
        DUPLICATE,
        /** Below the highest, and was missing: it filled (part of) a gap. */
        LATE
    }

    /**
     * @param kind what the seq means
     * @param missingFrom first skipped seq, for a GAP (else 0)
     * @param missingTo last skipped seq, for a GAP (else 0)
     * @param previousBoot the highest boot seen before, when this one is higher (a restart); else -1
     */
    public record Verdict(Kind kind, long missingFrom, long missingTo, long previousBoot) {
        public boolean newBoot() {
            return previousBoot >= 0;
        }
    }

    /** Per gateway: what was received, and what is missing now. */
    public record Totals(long received, long gaps, long duplicates, long late, long missing) {
    }

    private final Map<String, State> gateways = new HashMap<>();

    /** @param boot the payload's boot, or -1 when it has none */
    public Verdict accept(String gateway, long boot, long seq) {
        State s = gateways.get(gateway);
        if (s == null) {
            s = new State(seq, boot);
            gateways.put(gateway, s);
            s.received++;
            return new Verdict(Kind.FIRST, 0, 0, -1);
        }
        s.received++;
        long previousBoot = boot > s.boot && s.boot >= 0 ? s.boot : -1;
        s.boot = Math.max(s.boot, boot);
        if (seq == s.high + 1) {
            s.high = seq;
            return new Verdict(Kind.NEXT, 0, 0, previousBoot);
        }
        if (seq > s.high) {
            long from = s.high + 1;
            s.addMissing(from, seq - 1);
            s.high = seq;
            s.gaps++;
            return new Verdict(Kind.GAP, from, seq - 1, previousBoot);
        }
        if (s.fill(seq)) {
            s.late++;
            return new Verdict(Kind.LATE, 0, 0, previousBoot);
        }
        s.duplicates++;
        return new Verdict(Kind.DUPLICATE, 0, 0, previousBoot);
    }

    /** Totals per gateway, sorted by gateway id. */
    public Map<String, Totals> totals() {
        Map<String, Totals> out = new TreeMap<>();
        gateways.forEach((g, s) -> out.put(g, new Totals(s.received, s.gaps, s.duplicates, s.late, s.missing())));
        return out;
    }

    private static final class State {
        long high;
        long boot;
        long received;
        long gaps;
        long duplicates;
        long late;
        /** first -> last of each range of missing seqs, disjoint. */
        final TreeMap<Long, Long> missing = new TreeMap<>();

        State(long seq, long boot) {
            this.high = seq;
            this.boot = boot;
        }

        void addMissing(long from, long to) {
            missing.put(from, to);
            if (missing.size() > MAX_RANGES) {
                missing.pollFirstEntry();
            }
        }

        /** Removes {@code seq} from the missing ranges; false if it was not missing. */
        boolean fill(long seq) {
            Map.Entry<Long, Long> r = missing.floorEntry(seq);
            if (r == null || r.getValue() < seq) {
                return false;
            }
            missing.remove(r.getKey());
            if (r.getKey() < seq) {
                missing.put(r.getKey(), seq - 1);
            }
            if (seq < r.getValue()) {
                missing.put(seq + 1, r.getValue());
            }
            return true;
        }

        long missing() {
            return missing.entrySet().stream().mapToLong(e -> e.getValue() - e.getKey() + 1).sum();
        }
    }
}
