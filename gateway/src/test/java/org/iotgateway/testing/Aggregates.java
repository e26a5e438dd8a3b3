package org.iotgateway.testing;

import java.util.List;
import org.iotgateway.stream.Aggregate;
import org.iotgateway.stream.AggregateKind;
import org.iotgateway.stream.ChannelInfo;

/** Ready-made aggregates for tests. */
public final class Aggregates {
    public static final ChannelInfo TEMPERATURE = new ChannelInfo(0, "env-1", "temperature", "°C", 5000,
            List.of(AggregateKind.COUNT, AggregateKind.MIN, AggregateKind.MAX, AggregateKind.MEAN, AggregateKind.LAST));

    private Aggregates() {
    }

    /** The i-th 5 s window of a made-up temperature series. */
    public static Aggregate temperature(long i) {
        long start = 1_764_000_000_000L + i * 5000;
        double base = 20 + (i % 10) / 10.0;
        return new Aggregate(TEMPERATURE, start, start + 5000, 5, base, base + 1, 5 * base + 2, base, base + 0.5);
    }
}
