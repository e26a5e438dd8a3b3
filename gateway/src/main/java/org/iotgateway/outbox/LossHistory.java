package org.iotgateway.outbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@link LossLedger} holds, as the status message shows it: lifetime totals per reason,
 * across restarts and crashes, and the newest few losses with their seq ranges, so a subscriber
 * that sees a gap in seq can find the loss that explains it. Immutable; the writer thread replaces
 * it after each commit that recorded a loss.
 *
 * @param totals aggregates lost per reason since the outbox file was created
 * @param recent the newest losses, oldest first, at most {@link #RECENT}
 */
public record LossHistory(Map<LossReason, Long> totals, List<Loss> recent) {
    public static final int RECENT = 5;
    public static final LossHistory NONE = new LossHistory(new EnumMap<>(LossReason.class), List.of());

    public LossHistory {
        Map<LossReason, Long> t = new EnumMap<>(LossReason.class);
        for (LossReason r : LossReason.values()) {
            t.put(r, totals.getOrDefault(r, 0L));
        }
        totals = Collections.unmodifiableMap(t);
        recent = List.copyOf(recent.subList(Math.max(0, recent.size() - RECENT), recent.size()));
    }

    public long total(LossReason r) {
        return totals.get(r);
    }

    LossHistory plus(Loss loss) {
        Map<LossReason, Long> t = new EnumMap<>(totals);
        t.merge(loss.reason(), loss.count(), Long::sum);
        List<Loss> r = new ArrayList<>(recent);
        r.add(loss);
        return new LossHistory(t, r);
    }
}
