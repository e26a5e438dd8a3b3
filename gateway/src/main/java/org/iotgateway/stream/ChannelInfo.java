package org.iotgateway.stream;

import java.util.List;

/**
 * What the engine needs to know about one channel, resolved from the config at start-up.
 *
 * @param id dense index, 0..n-1, the id drivers pass to {@code offer}
 * @param sensor sensor id ({@code env-1})
 * @param channel channel id ({@code temperature})
 * @param unit unit for the payload (may be empty)
 * @param windowMillis tumbling window size
 * @param aggregates configured aggregates, in payload order
 */
public record ChannelInfo(int id, String sensor, String channel, String unit, long windowMillis,
                          List<AggregateKind> aggregates) {
    public ChannelInfo {
        aggregates = List.copyOf(aggregates);
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("window must be positive: " + windowMillis);
        }
    }
}
