package org.iotgateway.stream;

/**
 * What became of the readings of some channels (one sensor's, or all): every reading counted as
 * offered is exactly one of aggregated, dropped, rejected, filtered or late, so
 * {@code offered = aggregated + dropped + rejected + filtered + late}. Readings still in the ring are
 * not counted yet: they show up in the next snapshot.
 *
 * @param offered readings the drivers offered (taken off the ring, or dropped because it was full)
 * @param aggregated readings that joined a window (or were sent on their own, {@code window: none})
 * @param dropped readings dropped because the ring was full
 * @param rejected readings that were not finite numbers, or that a filter (e.g. {@code range}) refused
 * @param filtered readings a filter decided were not needed (e.g. {@code deadband}, {@code throttle})
 * @param late readings for a window that had already closed
 */
public record ReadingCounts(long offered, long aggregated, long dropped, long rejected, long filtered, long late) {
    public static final ReadingCounts ZERO = new ReadingCounts(0, 0, 0, 0, 0, 0);

    /** One channel's counts: the engine's and the ring's drops. */
    public static ReadingCounts of(ChannelCounts engine, long dropped) {
        return new ReadingCounts(engine.accepted() + dropped, engine.aggregated(), dropped, engine.rejected(),
                engine.filtered(), engine.late());
    }

    public ReadingCounts plus(ReadingCounts o) {
        return new ReadingCounts(offered + o.offered, aggregated + o.aggregated, dropped + o.dropped,
                rejected + o.rejected, filtered + o.filtered, late + o.late);
    }
}
