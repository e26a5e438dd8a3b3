package org.iotgateway.replay;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts rejected lines per reason and keeps the first few line numbers of each, so a user can go
 * and look at them. Single-threaded: each parsing thread fills its own per chunk, and the consuming
 * thread adds them up in input order ({@link #addAll}).
 */
public final class RowRejects {
    /** Line numbers kept per reason. */
    public static final int KEPT_LINES = 5;

    private final long[] counts = new long[RejectReason.values().length];
    private final long[][] firstLines = new long[counts.length][KEPT_LINES];

    /** @param line 1-based line number in the input (the header is line 1) */
    public void reject(RejectReason reason, long line) {
        int r = reason.ordinal();
        long n = counts[r]++;
        if (n < KEPT_LINES) {
            firstLines[r][(int) n] = line;
        }
    }

    /**
     * Adds another tally whose line numbers count from the line after {@code lineOffset}; called in
     * input order, so the first lines kept stay the first of the whole input.
     */
    public void addAll(RowRejects later, long lineOffset) {
        for (int r = 0; r < counts.length; r++) {
            int theirs = (int) Math.min(KEPT_LINES, later.counts[r]);
            for (int i = 0; i < theirs && counts[r] + i < KEPT_LINES; i++) {
                firstLines[r][(int) counts[r] + i] = later.firstLines[r][i] + lineOffset;
            }
            counts[r] += later.counts[r];
        }
    }

    /** Forgets every count, for reuse. */
    public void clear() {
        Arrays.fill(counts, 0);
    }

    public long count(RejectReason reason) {
        return counts[reason.ordinal()];
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** The first (up to {@link #KEPT_LINES}) line numbers rejected for this reason, ascending. */
    public List<Long> firstLines(RejectReason reason) {
        int r = reason.ordinal();
        int n = (int) Math.min(KEPT_LINES, counts[r]);
        return Arrays.stream(firstLines[r], 0, n).boxed().toList();
    }

    /** Reasons with a non-zero count, in enum order. */
    public Map<RejectReason, Long> counts() {
        Map<RejectReason, Long> out = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            if (counts[reason.ordinal()] > 0) {
                out.put(reason, counts[reason.ordinal()]);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
