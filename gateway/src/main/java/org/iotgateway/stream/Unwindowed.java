package org.iotgateway.stream;

/**
 * The aggregate of a channel without windows ({@code window: none}): one per reading, covering the
 * reading's own millisecond, so the wire shape stays the same (a door contact, a GPS fix).
 */
final class Unwindowed {
    private Unwindowed() {
    }

    static Aggregate of(ChannelInfo info, long ts, double v, boolean clockUnsynced) {
        return new Aggregate(info, ts, ts + 1, 1, v, v, v, v, v,
                new Aggregate.Spread(0, v, Double.NaN, v, v, v, v), clockUnsynced);
    }
}
