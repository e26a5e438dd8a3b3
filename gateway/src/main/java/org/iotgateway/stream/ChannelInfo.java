package org.iotgateway.stream;

import java.util.List;

/**
 * What the engine needs to know about one channel, resolved from the config at start-up.
 *
 * @param id dense index, 0..n-1, the id drivers pass to {@code offer}
 * @param sensor sensor id ({@code env-1})
 * @param channel channel id ({@code temperature})
 * @param unit unit for the payload (may be empty)
 * @param windowMillis window size; 0 means no window: each reading is forwarded on its own
 * @param aggregates configured aggregates, in payload order
 * @param slideMillis how far apart windows start; equal to the size for tumbling windows
 * @param latenessMillis how long after its end (watermark time) a window still takes readings
 * @param emitEmpty whether windows without readings are emitted (count 0) instead of skipped
 */
public record ChannelInfo(int id, String sensor, String channel, String unit, long windowMillis,
                          List<AggregateKind> aggregates, long slideMillis, long latenessMillis,
                          boolean emitEmpty) {
    public ChannelInfo {
        aggregates = List.copyOf(aggregates);
        if (windowMillis < 0) {
            throw new IllegalArgumentException("window must not be negative: " + windowMillis);
        }
        if (windowMillis > 0 && (slideMillis <= 0 || slideMillis > windowMillis || windowMillis % slideMillis != 0)) {
            throw new IllegalArgumentException("slide must divide the window: " + slideMillis + " / " + windowMillis);
        }
        if (latenessMillis < 0) {
            throw new IllegalArgumentException("lateness must not be negative: " + latenessMillis);
        }
    }

    /** A tumbling window without lateness whose empty windows are skipped. */
    public ChannelInfo(int id, String sensor, String channel, String unit, long windowMillis,
                       List<AggregateKind> aggregates) {
        this(id, sensor, channel, unit, windowMillis, aggregates, windowMillis, 0, false);
    }

    /** Whether readings bypass windows (window: none). */
    public boolean unwindowed() {
        return windowMillis == 0;
    }
}
