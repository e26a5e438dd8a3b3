package org.iotgateway.stream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * Sums the per-channel reading counts per sensor and in total, for the status topic. Reads only
 * counters that any thread may read (the consumer's copies, published once a second and after the
 * final drain, and the ring's drops), so it runs on the reader's thread; it allocates a small map
 * per call and never blocks.
 */
public final class CountTally {
    private final List<ChannelInfo> channels;
    private final IntFunction<ChannelCounts> counts;
    private final IntToLongFunction dropped;

    /**
     * @param counts a channel's engine counters by id (e.g. {@code StreamConsumer::counts})
     * @param dropped a channel's ring drops by id ({@code ReadingRing::dropped})
     */
    public CountTally(List<ChannelInfo> channels, IntFunction<ChannelCounts> counts, IntToLongFunction dropped) {
        this.channels = List.copyOf(channels);
        this.counts = counts;
        this.dropped = dropped;
    }

    /** Per sensor id, in channel order (config order), and the total. */
    public Totals take() {
        Map<String, ReadingCounts> bySensor = new LinkedHashMap<>();
        ReadingCounts total = ReadingCounts.ZERO;
        for (ChannelInfo c : channels) {
            ReadingCounts n = ReadingCounts.of(counts.apply(c.id()), dropped.applyAsLong(c.id()));
            bySensor.merge(c.sensor(), n, ReadingCounts::plus);
            total = total.plus(n);
        }
        return new Totals(total, Collections.unmodifiableMap(bySensor));
    }

    /** A snapshot of the counts; immutable. */
    public record Totals(ReadingCounts total, Map<String, ReadingCounts> bySensor) {
    }
}
